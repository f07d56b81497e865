import { Badge, Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { formatDate } from "../../core/dates";
import {
  type DailyReportStatus,
  type DeadlineView,
  REPORT_STATUS_TEXT,
  dailyReportStatuses,
  deadlineViews,
} from "../../core/deadlines";
import { isEmptyPlan } from "../../core/model";
import { readPlanFromWorkbook } from "../../excel/tasks";
import { Busy, Heading, MessageArea, NoPlan, Notice, Pane, ResultList } from "../components";
import { useStrings } from "../context";
import { keepUnits } from "../format";
import { useKept } from "../freshness";
import { now } from "../now";
import { useTask } from "../useTask";

const useStyles = makeStyles({
  deadline: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: "4px",
    padding: "8px 0",
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  // Sized to its text, which may wrap at 300 px: the badge grows in height instead of cutting it off.
  badge: {
    height: "auto",
    minHeight: "20px",
    maxWidth: "100%",
    whiteSpace: "normal",
    padding: "2px 8px",
    lineHeight: tokens.lineHeightBase200,
  },
  date: { fontWeight: tokens.fontWeightSemibold },
});

const COLOR = {
  overdue: "danger",
  done_late: "warning",
  due_soon: "warning",
  done_on_time: "success",
  not_due: "informative",
  no_date: "subtle",
} as const;

interface Seen {
  empty: boolean;
  deadlines: DeadlineView[];
  reports: [string, DailyReportStatus[]][];
}

/** The daily reports by date, the latest first: today's and yesterday's matter most. */
function byDate(reports: DailyReportStatus[]): [string, DailyReportStatus[]][] {
  const dates = new Map<string, DailyReportStatus[]>();
  for (const r of reports) dates.set(r.date, [...(dates.get(r.date) ?? []), r]);
  return [...dates].reverse();
}

export function DeadlinesPane() {
  const t = useStrings();
  const styles = useStyles();
  const { busy, message, run } = useTask();
  const result = useKept<Seen>();

  const load = async () => {
    const at = now();
    const r = await run((context) => readPlanFromWorkbook(context));
    if (r)
      result.keep(
        {
          empty: isEmptyPlan(r.plan),
          deadlines: deadlineViews(r.plan, at),
          reports: byDate(dailyReportStatuses(r.plan, at)),
        },
        r.plan
      );
  };
  const seen = result.value;

  return (
    <Pane label={t.tabs.deadlines} intro={t.deadlines.intro}>
      <Button appearance="primary" onClick={() => void load()} disabled={busy}>
        {t.deadlines.run}
      </Button>
      <Busy busy={busy} />
      <MessageArea message={message} />
      {result.stale && <Notice intent="info" text={t.stale(t.deadlines.run)} />}
      {seen?.empty && <NoPlan />}
      {seen && !seen.empty && (
        <>
          <Heading>{t.deadlines.title}</Heading>
          {seen.deadlines.length === 0 && <Text>{t.deadlines.none}</Text>}
          <ResultList label={t.deadlines.title}>
            {seen.deadlines.map((d, i) => (
              <li key={i} className={styles.deadline}>
                <Text>{d.content}</Text>
                <Badge className={styles.badge} color={COLOR[d.status]} appearance="tint">
                  {keepUnits(d.status_text)}
                </Badge>
              </li>
            ))}
          </ResultList>
        </>
      )}
      {seen && seen.reports.length > 0 && (
        <>
          <Heading>{t.deadlines.reports}</Heading>
          <ResultList label={t.deadlines.reports}>
            {seen.reports.map(([date, rows]) => {
              const bad = rows.filter((r) => r.status !== "on_time");
              return (
                <li key={date} className={styles.deadline}>
                  <Text>
                    <span className={styles.date}>{formatDate(date)}: </span>
                    {bad.length
                      ? bad.map((r) => `${r.hamlet} (${REPORT_STATUS_TEXT[r.status]})`).join(", ")
                      : t.deadlines.allOnTime}
                  </Text>
                </li>
              );
            })}
          </ResultList>
        </>
      )}
    </Pane>
  );
}
