import { Button, Text } from "@fluentui/react-components";
import { ArrowUploadRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { formatDate, parseDate } from "../../core/dates";
import type { DailyReport } from "../../core/report";
import { reportDate, writeDailyReport } from "../../excel/tasks";
import { Busy, Confirm, MessageArea, NoPlan, Notice, Pane, TaskStatus } from "../components";
import { useDevice, useStrings } from "../context";
import { DateField } from "../DateField";
import { useKept } from "../freshness";
import { now } from "../now";
import { sendReportUp, sendsReports } from "../sendReport";
import { useDeviceTask } from "../useDeviceTask";
import { useTask } from "../useTask";

/** "Gửi báo cáo lên": the day's report from the workbook to the commune's upper level (a commune's device only). */
function SendReport({ date }: { date: string | null }) {
  const t = useStrings();
  const { identity } = useDevice();
  const { busy, message, act, say, session, notices } = useDeviceTask();
  if (!sendsReports(identity)) return null;
  const send = async () => {
    const said = await act(() => sendReportUp(identity, session, date ?? undefined));
    if (said) say(said.intent, said.say);
  };
  return (
    <>
      <Button icon={<ArrowUploadRegular />} onClick={() => void send()} disabled={busy || !date}>
        {t.send.button}
      </Button>
      <TaskStatus busy={busy} message={message} notices={notices} />
    </>
  );
}

export function ReportPane() {
  const t = useStrings();
  const { busy, message, run, say } = useTask();
  const [text, setText] = useState(() => formatDate(now().date));
  const typed = useRef(false);
  const [asking, setAsking] = useState<string | null>(null);
  // written is null for a workbook without a plan.
  const result = useKept<{ written: { sheet: string; report: DailyReport } | null }>();
  const date = parseDate(text);

  // Today while the campaign runs, else its last day; unless the user has already picked a day.
  useEffect(() => {
    void run((context) => reportDate(context, now().date)).then(
      (d) => d && !typed.current && setText(formatDate(d))
    );
  }, [run]);

  const make = async (replace: boolean) => {
    setAsking(null);
    if (!date) return;
    const outcome = await run((context) => writeDailyReport(context, now(), { date, replace }));
    if (outcome?.status === "exists") setAsking(outcome.sheet);
    else if (outcome?.status === "refused")
      say("error", (s) => ({ title: s.report.refused, body: outcome.reason }));
    else if (outcome?.status === "no-plan") result.keep({ written: null }, outcome.plan);
    else if (outcome)
      result.keep({ written: { sheet: outcome.sheet, report: outcome.report } }, outcome.plan);
  };
  const done = result.value?.written;

  return (
    <Pane label={t.tabs.report} intro={t.report.intro}>
      <DateField
        text={text}
        onChange={(value) => {
          typed.current = true;
          setText(value);
        }}
      />
      <Button appearance="primary" onClick={() => void make(false)} disabled={busy || !date}>
        {t.report.make}
      </Button>
      <Busy busy={busy} />
      <MessageArea message={message} />
      {result.stale && <Notice intent="info" text={t.stale(t.report.make)} />}
      {done === null && <NoPlan />}
      {done && (
        <>
          <Notice
            text={t.report.written(done.sheet, formatDate(done.report.date), done.report.day)}
          />
          <Text role="status">
            <Text weight="semibold">{`${t.report.missing}: `}</Text>
            {done.report.missing.join(", ") || t.report.none}
          </Text>
          <Text>
            <Text weight="semibold">{`${t.report.late}: `}</Text>
            {done.report.late.join(", ") || t.report.none}
          </Text>
        </>
      )}
      <SendReport date={date} />
      <Confirm
        title={t.tabs.report}
        question={asking && t.report.exists(asking)}
        yes={t.report.replace}
        no={t.report.cancel}
        onYes={() => void make(true)}
        onNo={() => setAsking(null)}
      />
    </Pane>
  );
}
