import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Text, makeStyles,
} from "@fluentui/react-components";
import { useState } from "react";
import { formatDate } from "../../core/dates";
import type { DailyReport } from "../../core/report";
import { writeDailyReport } from "../../excel/tasks";
import { Busy, ErrorBar, Notice } from "../components";
import { useStrings } from "../context";
import { now } from "../now";
import { useTask } from "../useTask";

const useStyles = makeStyles({ pane: { display: "flex", flexDirection: "column", gap: "8px" } });

export function ReportPane() {
  const t = useStrings();
  const styles = useStyles();
  const { busy, error, run } = useTask();
  const [date, setDate] = useState(now().date);
  const [asking, setAsking] = useState<string | null>(null);
  const [done, setDone] = useState<{ sheet: string; report: DailyReport } | null>(null);

  const make = async (replace: boolean) => {
    setAsking(null);
    const outcome = await run((context) => writeDailyReport(context, now(), { date, replace }));
    if (outcome?.status === "exists") setAsking(outcome.sheet);
    else if (outcome) setDone({ sheet: outcome.sheet, report: outcome.report });
  };

  return (
    <section aria-label={t.tabs.report} className={styles.pane}>
      <Field label={t.report.date}>
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      <Button appearance="primary" onClick={() => make(false)} disabled={busy || !date}>
        {t.report.make}
      </Button>
      <Busy busy={busy} />
      <ErrorBar error={error} />
      {done && (
        <>
          <Notice text={`${t.report.written(done.sheet)} ${formatDate(done.report.date)} ${t.report.day(done.report.day)}`} />
          <Text role="status">
            {t.report.missing}: {done.report.missing.join(", ") || t.report.none}
          </Text>
          <Text>
            {t.report.late}: {done.report.late.join(", ") || t.report.none}
          </Text>
        </>
      )}
      <Dialog open={asking !== null} onOpenChange={(_, d) => !d.open && setAsking(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.tabs.report}</DialogTitle>
            <DialogContent>{asking && t.report.exists(asking)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => make(true)}>
                {t.report.replace}
              </Button>
              <Button onClick={() => setAsking(null)}>{t.report.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
