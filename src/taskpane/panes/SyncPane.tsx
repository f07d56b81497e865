import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { formatDate } from "../../core/dates";
import { JOURNAL_INDICATOR_COLUMNS } from "../../core/sheets";
import type { RowData } from "../../sync/protocol";
import { Busy, Heading, MessageArea, Notice, Pane, ResultList } from "../components";
import { useDevice, useStrings } from "../context";
import { readEnrolment } from "../enrolment";
import { CampaignCodes, CommuneCodes } from "../hierarchy/IssueCodes";
import { Devices } from "../hierarchy/Devices";
import { UpperRollup } from "../hierarchy/UpperRollup";
import type { Strings } from "../i18n";
import {
  type ConflictNotice,
  type Identity,
  type SyncOutcome,
  enrollDevice,
  keepsJournal,
} from "../syncSession";
import { useDeviceTask } from "../useDeviceTask";

const useStyles = makeStyles({
  conflict: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  version: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "4px",
    overflowWrap: "anywhere",
  },
  label: { color: tokens.colorNeutralForeground2 },
});

const HEADER = new Map<string, string>(
  JOURNAL_INDICATOR_COLUMNS.map(([key, header]) => [key, header])
);

/** A journal row's figures under the Nhật ký headers: "Nhân dân: 5, Phát quang (m): 300". */
function describe(d: RowData | null | undefined): string {
  if (!d) return "—";
  return (
    Object.entries(d.values)
      .map(([k, v]) => `${HEADER.get(k) ?? k}: ${v.toLocaleString("vi-VN")}`)
      .join(", ") + (d.note ? `; ${d.note}` : "")
  );
}

export function SyncPane() {
  const t = useStrings();
  const styles = useStyles();
  const { busy, message, act, say, session, notices } = useDeviceTask();
  const { identity, notice, revoked, setIdentity } = useDevice();
  const [server, setServer] = useState("");
  const [code, setCode] = useState("");
  const [outcome, setOutcome] = useState<(SyncOutcome & { at: string }) | null>(null);
  const [pending, setPending] = useState<number | null>(null);

  useEffect(() => {
    setOutcome(null);
    setPending(null);
    if (identity && keepsJournal(identity))
      void session(identity)
        .pending()
        .then(setPending)
        .catch(() => undefined);
  }, [identity, session]);

  // An enrolment link pasted into either field fills both; an address pasted as the code goes to its field.
  const paste = (text: string, into: (text: string) => void) => {
    const link = readEnrolment(text);
    if (link.server && (link.code || into === setCode)) {
      setServer(link.server);
      setCode(link.code ?? "");
    } else into(text);
  };
  const show = (result: SyncOutcome) => {
    setOutcome({ ...result, at: new Date().toLocaleString("vi-VN") });
    setPending(result.pending);
    // A report that waited in the outbox went with this sync: say what became of it.
    say("success", (s) => ({
      title: s.sync.done(result.pushed, result.pulled),
      body:
        [
          ...(result.refused.length ? [s.sync.refused(result.refused.length)] : []),
          ...result.reports.map((r) =>
            r.sent
              ? s.send.sent(formatDate(r.date), r.version)
              : `${s.send.refused} (${formatDate(r.date)}): ${r.reason}`
          ),
        ]
          .map((sentence) => sentence.replace(/([^.])$/, "$1."))
          .join(" ") || undefined,
    }));
  };
  const enroll = () =>
    act(async () => setIdentity(await enrollDevice(server.trim(), code.trim())), "enroll");
  const sync = (id: Identity) => act(async () => show(await session(id).sync()));
  const choose = (id: Identity, c: ConflictNotice, choice: "current" | "proposed") =>
    act(async () => show(await session(id).resolve(c.id!, choice)));
  const line = (r: { hamlet: string; date: string; reason: string }) =>
    t.sync.line(r.hamlet, formatDate(r.date), r.reason);
  const settle = outcome?.conflicts.filter((c) => c.id !== undefined) ?? [];
  const mine = outcome?.conflicts.filter((c) => c.id === undefined) ?? [];
  const upper = identity !== null && !keepsJournal(identity);

  return (
    <Pane label={t.tabs.sync} intro={introOf(t, identity)}>
      {!identity && (
        <>
          <Field label={t.sync.server} hint={t.sync.serverHint}>
            <Input
              value={server}
              onChange={(_, d) => paste(d.value, setServer)}
              placeholder={t.sync.serverExample}
              type="url"
            />
          </Field>
          <Field label={t.sync.code}>
            <Input
              value={code}
              onChange={(_, d) => paste(d.value, setCode)}
              placeholder="K7PM-Q2XD"
            />
          </Field>
          <Button
            appearance="primary"
            onClick={() => void enroll()}
            disabled={busy || !server.trim() || !code.trim()}
          >
            {t.sync.enroll}
          </Button>
        </>
      )}
      {identity && <Text weight="semibold">{deviceLine(t, identity)}</Text>}
      {identity && !upper && (
        <>
          <Text role="status">{t.sync.status(pending ?? 0, outcome?.at ?? null)}</Text>
          <Button appearance="primary" onClick={() => void sync(identity)} disabled={busy}>
            {t.sync.now}
          </Button>
        </>
      )}
      <Busy busy={busy} />
      <MessageArea message={message} />
      {revoked && !identity && <Notice intent="warning" text={t.sync.revoked} />}
      {[notice, ...notices].map((n) => n && <Notice key={n} intent="warning" text={n} />)}
      {outcome && outcome.refused.length > 0 && (
        <>
          <Heading>{t.sync.refusedTitle}</Heading>
          <ResultList label={t.sync.refusedTitle} gap={4}>
            {outcome.refused.map((r) => (
              <li key={`${r.hamlet}|${r.date}|${r.reason}`}>
                <Text>{line(r)}</Text>
              </li>
            ))}
          </ResultList>
        </>
      )}
      {mine.length > 0 && (
        <>
          <Heading>{t.sync.waiting}</Heading>
          <ResultList label={t.sync.waiting} gap={4}>
            {mine.map((c) => (
              <li key={`${c.hamlet}|${c.date}`}>
                <Text>{line(c)}</Text>
              </li>
            ))}
          </ResultList>
        </>
      )}
      {identity && settle.length > 0 && (
        <>
          <Heading>{t.sync.conflicts}</Heading>
          <ResultList label={t.sync.conflicts} gap={8}>
            {settle.map((c) => (
              <li key={c.id} className={styles.conflict}>
                <Text weight="semibold">{`Ấp ${c.hamlet}, ${formatDate(c.date)}`}</Text>
                <div className={styles.version}>
                  <Text className={styles.label}>{t.sync.current}</Text>
                  <Text>{describe(c.current)}</Text>
                  <Button size="small" onClick={() => void choose(identity, c, "current")}>
                    {t.sync.keep}
                  </Button>
                </div>
                <div className={styles.version}>
                  <Text className={styles.label}>{`${t.sync.proposed} (${c.device})`}</Text>
                  <Text>{describe(c.proposed)}</Text>
                  <Button size="small" onClick={() => void choose(identity, c, "proposed")}>
                    {t.sync.take}
                  </Button>
                </div>
              </li>
            ))}
          </ResultList>
        </>
      )}
      {identity?.scope === "commune" && <CampaignCodes identity={identity} />}
      {upper && <CommuneCodes identity={identity} />}
      {upper && <UpperRollup identity={identity} />}
      {identity && identity.scope !== "hamlet" && <Devices identity={identity} />}
    </Pane>
  );
}

function introOf(t: Strings, identity: Identity | null): string {
  if (identity?.scope === "commune") return t.sync.introCommune;
  if (identity && !keepsJournal(identity)) return t.sync.introUpper;
  return t.sync.intro;
}

/** "Thiết bị của ấp Cầu, xã Tân Phong", "Thiết bị của tỉnh Tây Ninh". */
function deviceLine(t: Strings, identity: Identity): string {
  if (identity.scope === "province") return t.sync.upperDevice("province", identity.province ?? "");
  if (identity.scope === "district") return t.sync.upperDevice("district", identity.district ?? "");
  return t.sync.device(identity.hamlet, identity.commune);
}
