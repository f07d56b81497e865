import {
  Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { formatDate } from "../../core/dates";
import type { Conflict, RowData } from "../../sync/protocol";
import { Busy, ErrorBar, Notice } from "../components";
import { useStrings } from "../context";
import { AuthError, type Identity, type SyncOutcome, enrollDevice, forgetIdentity, loadIdentity, pendingCount, resolve, syncNow } from "../syncSession";

const useStyles = makeStyles({ pane: { display: "flex", flexDirection: "column", gap: "8px" } });

function describe(d: RowData | null): string {
  if (!d) return "—";
  return Object.entries(d.values).map(([k, v]) => `${k}: ${v}`).join(", ") + (d.note ? `; ${d.note}` : "");
}

export function SyncPane() {
  const t = useStrings();
  const styles = useStyles();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [server, setServer] = useState("http://127.0.0.1:8787");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<SyncOutcome | null>(null);
  const [pending, setPending] = useState<number | null>(null);

  useEffect(() => {
    void loadIdentity().then((id) => {
      setIdentity(id);
      if (id) void pendingCount(id).then(setPending).catch(() => undefined);
    });
  }, []);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      if (e instanceof AuthError) {
        await forgetIdentity();
        setIdentity(null);
        setError(t.sync.revoked);
      } else setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const enroll = () => act(async () => setIdentity(await enrollDevice(server, code.trim())));
  const sync = (id: Identity) => act(async () => {
    const result = await syncNow(id);
    setOutcome(result);
    setPending(result.pending);
  });
  const choose = (id: Identity, c: Conflict, choice: "current" | "proposed") => act(async () => {
    await resolve(id, c.id, choice);
    setOutcome((o) => o && { ...o, conflicts: o.conflicts.filter((x) => x.id !== c.id) });
  });

  return (
    <section aria-label={t.tabs.sync} className={styles.pane}>
      <Text weight="semibold">{t.sync.title}</Text>
      {!identity && (
        <>
          <Field label={t.sync.server}>
            <Input value={server} onChange={(_, d) => setServer(d.value)} />
          </Field>
          <Field label={t.sync.code}>
            <Input value={code} onChange={(_, d) => setCode(d.value)} placeholder="K7PM-Q2XD" />
          </Field>
          <Button appearance="primary" onClick={enroll} disabled={busy || !code.trim()}>
            {t.sync.enroll}
          </Button>
        </>
      )}
      {identity && (
        <>
          <Text>{t.sync.device(identity.hamlet, identity.commune)}</Text>
          <Text role="status">{t.sync.status(pending ?? 0, outcome?.at ?? null)}</Text>
          <Button appearance="primary" onClick={() => sync(identity)} disabled={busy}>
            {t.sync.now}
          </Button>
        </>
      )}
      <Busy busy={busy} />
      <ErrorBar error={error} />
      {outcome && <Notice text={t.sync.done(outcome.pushed, outcome.pulled, outcome.refused)} />}
      {identity && outcome && outcome.conflicts.length > 0 && (
        <Table size="small" aria-label={t.sync.conflicts}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.sync.row}</TableHeaderCell>
              <TableHeaderCell>{t.sync.current}</TableHeaderCell>
              <TableHeaderCell>{t.sync.proposed}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {outcome.conflicts.map((c) => (
              <TableRow key={c.id}>
                <TableCell>{`${c.hamlet} ${formatDate(c.date)}`}</TableCell>
                <TableCell>
                  {describe(c.current)}{" "}
                  <Button size="small" onClick={() => choose(identity, c, "current")}>{t.sync.keep}</Button>
                </TableCell>
                <TableCell>
                  {`${describe(c.proposed)} (${c.device})`}{" "}
                  <Button size="small" onClick={() => choose(identity, c, "proposed")}>{t.sync.take}</Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </section>
  );
}
