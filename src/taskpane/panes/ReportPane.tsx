import { Button, Field, Input, Text, makeStyles } from "@fluentui/react-components";
import { ChevronLeftRegular, ChevronRightRegular } from "@fluentui/react-icons";
import { useEffect, useRef, useState } from "react";
import { addDays, formatDate, parseDate } from "../../core/dates";
import type { DailyReport } from "../../core/report";
import { reportDate, writeDailyReport } from "../../excel/tasks";
import { Busy, Confirm, MessageArea, NoPlan, Notice, Pane } from "../components";
import { useStrings } from "../context";
import { useKept } from "../freshness";
import { now } from "../now";
import { useTask } from "../useTask";

const useStyles = makeStyles({
  date: { display: "flex", gap: "4px", alignItems: "center" },
  input: { flexGrow: 1, minWidth: 0 },
});

/**
 * The report's day, typed and shown as dd/mm/yyyy whatever the computer's locale (a browser date input would
 * follow the locale: 11/30/2026 on an English Windows), with a button for each neighbouring day.
 */
function DateField({ text, onChange }: { text: string; onChange: (text: string) => void }) {
  const t = useStrings();
  const styles = useStyles();
  const date = parseDate(text);
  const step = (days: number) => date && onChange(formatDate(addDays(date, days)));
  return (
    <Field
      label={t.report.date}
      hint={t.report.dateHint}
      validationMessage={date ? undefined : t.report.dateInvalid}
    >
      {(field) => (
        <div className={styles.date}>
          <Button
            icon={<ChevronLeftRegular />}
            aria-label={t.report.previousDay}
            title={t.report.previousDay}
            onClick={() => step(-1)}
            disabled={!date}
          />
          <Input
            {...field}
            className={styles.input}
            value={text}
            inputMode="numeric"
            onChange={(_, d) => onChange(d.value)}
          />
          <Button
            icon={<ChevronRightRegular />}
            aria-label={t.report.nextDay}
            title={t.report.nextDay}
            onClick={() => step(1)}
            disabled={!date}
          />
        </div>
      )}
    </Field>
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
