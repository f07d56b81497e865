import {
  Button, Field, Input, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { formatDate } from "../../core/dates";
import { JOURNAL_INDICATOR_COLUMNS } from "../../core/sheets";
import type { RowData } from "../../sync/protocol";
import { Busy, ErrorBar, Notice } from "../components";
import { useStrings } from "../context";
import { AuthError, type ConflictNotice, type Identity, type SyncOutcome, enrollDevice, forgetIdentity, loadIdentity, paneSession } from "../syncSession";

const useStyles = makeStyles({ pane: { display: "flex", flexDirection: "column", gap: "8px" } });

const HEADER = new Map<string, string>(JOURNAL_INDICATOR_COLUMNS.map(([key, header]) => [key, header]));

function describe(d: RowData | null | undefined): string {
  if (!d) return "—";
  return Object.entries(d.values).map(([k, v]) => `${HEADER.get(k) ?? k}: ${v.toLocaleString("vi-VN")}`).join(", ") + (d.note ? `; ${d.note}` : "");
}

export function SyncPane() {
  const t = useStrings();
  const styles = useStyles();
  const [identity, setIdentity] = useState<Identity | null>(null);
  const [server, setServer] = useState("http://127.0.0.1:8787");
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notices, setNotices] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<(SyncOutcome & { at: string }) | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const notify = (message: string) => setNotices((n) => [...n, message]);

  useEffect(() => {
    void loadIdentity().then(({ identity: id, notice }) => {
      setIdentity(id);
      if (notice) notify(notice);
      if (id) void paneSession(id, notify).pending().then(setPending).catch(() => undefined);
    });
  }, []);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNotices([]);
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
  const show = (result: SyncOutcome) => {
    setOutcome({ ...result, at: new Date().toLocaleString("vi-VN") });
    setPending(result.pending);
  };
  const enroll = () => act(async () => setIdentity(await enrollDevice(server, code.trim())));
  const sync = (id: Identity) => act(async () => show(await paneSession(id, notify).sync()));
  const choose = (id: Identity, c: ConflictNotice, choice: "current" | "proposed") =>
    act(async () => show(await paneSession(id, notify).resolve(c.id!, choice)));
  const line = (r: { hamlet: string; date: string; reason: string }) => t.sync.line(r.hamlet, formatDate(r.date), r.reason);
  const settle = outcome?.conflicts.filter((c) => c.id !== undefined) ?? [];
  const mine = outcome?.conflicts.filter((c) => c.id === undefined) ?? [];

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
      {notices.map((n) => <Notice key={n} intent="warning" text={n} />)}
      {outcome && <Notice text={t.sync.done(outcome.pushed, outcome.pulled, outcome.refused.length)} />}
      {outcome && outcome.refused.length > 0 && (
        <section aria-label={t.sync.refused} className={styles.pane}>
          <Text weight="semibold">{t.sync.refused}</Text>
          {outcome.refused.map((r) => <Text as="p" key={`${r.hamlet}|${r.date}|${r.reason}`}>{line(r)}</Text>)}
        </section>
      )}
      {mine.length > 0 && (
        <section aria-label={t.sync.conflicts} className={styles.pane}>
          <Text weight="semibold">{t.sync.conflicts}</Text>
          {mine.map((c) => <Text as="p" key={`${c.hamlet}|${c.date}`}>{line(c)}</Text>)}
        </section>
      )}
      {identity && settle.length > 0 && (
        <Table size="small" aria-label={t.sync.conflicts}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.sync.row}</TableHeaderCell>
              <TableHeaderCell>{t.sync.current}</TableHeaderCell>
              <TableHeaderCell>{t.sync.proposed}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {settle.map((c) => (
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
