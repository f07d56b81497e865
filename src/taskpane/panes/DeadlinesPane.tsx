import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, makeStyles } from "@fluentui/react-components";
import { useState } from "react";
import { formatDate } from "../../core/dates";
import { type DailyReportStatus, type DeadlineView, REPORT_STATUS_TEXT, dailyReportStatuses, deadlineViews } from "../../core/deadlines";
import { readPlanFromWorkbook } from "../../excel/tasks";
import { Busy, ErrorBar } from "../components";
import { useStrings } from "../context";
import { now } from "../now";
import { useTask } from "../useTask";

const useStyles = makeStyles({ pane: { display: "flex", flexDirection: "column", gap: "8px" } });
const COLOR = { overdue: "danger", done_late: "warning", due_soon: "warning", done_on_time: "success", not_due: "informative", no_date: "subtle" } as const;

export function DeadlinesPane() {
  const t = useStrings();
  const styles = useStyles();
  const { busy, error, run } = useTask();
  const [views, setViews] = useState<{ deadlines: DeadlineView[]; reports: DailyReportStatus[] } | null>(null);

  const load = async () => {
    const at = now();
    const result = await run((context) => readPlanFromWorkbook(context));
    if (result) setViews({ deadlines: deadlineViews(result.plan, at), reports: dailyReportStatuses(result.plan, at) });
  };
  const byDate = new Map<string, DailyReportStatus[]>();
  for (const r of views?.reports ?? []) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);

  return (
    <section aria-label={t.tabs.deadlines} className={styles.pane}>
      <Button appearance="primary" onClick={load} disabled={busy}>
        {t.deadlines.run}
      </Button>
      <Busy busy={busy} />
      <ErrorBar error={error} />
      {views && (
        <Table size="small" aria-label={t.tabs.deadlines}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.deadlines.content}</TableHeaderCell>
              <TableHeaderCell>{t.deadlines.status}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {views.deadlines.map((d, i) => (
              <TableRow key={i}>
                <TableCell>{d.content}</TableCell>
                <TableCell>
                  <Badge color={COLOR[d.status]}>{d.status_text}</Badge>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {views && byDate.size > 0 && <Text weight="semibold">{t.deadlines.reports}</Text>}
      {[...byDate].map(([date, rows]) => {
        const bad = rows.filter((r) => r.status !== "on_time");
        return (
          <Text key={date}>
            {formatDate(date)}: {bad.length ? bad.map((r) => `${r.hamlet} (${REPORT_STATUS_TEXT[r.status]})`).join(", ") : t.deadlines.allOnTime}
          </Text>
        );
      })}
    </section>
  );
}
