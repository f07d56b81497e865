/** Deadlines at an as-of time: the Thời hạn rows and every hamlet's daily report. */
import {
  type LocalDateTime,
  addDays,
  dateRange,
  daysBetween,
  formatDate,
  formatTime,
  toAbsoluteMinutes,
} from "./dates";
import { type EffectiveRow, dayKey, effectiveRows } from "./journal";
import { MAX_CAMPAIGN_DAYS } from "./limits";
import type { Deadline, JournalRow, Plan } from "./model";

export type DeadlineStatus =
  "done_on_time" | "done_late" | "overdue" | "due_soon" | "not_due" | "no_date";
export type ReportStatus = "on_time" | "late" | "missing" | "pending";

export const SOON_DAYS = 2;
const END_OF_DAY = 23 * 60 + 59;
export const DEFAULT_REPORT_WINDOW = { from: 13 * 60 + 30, to: 15 * 60 };

export const DEADLINE_STATUS_TEXT: Record<DeadlineStatus, string> = {
  done_on_time: "Đã hoàn thành đúng hạn",
  done_late: "Hoàn thành trễ hạn",
  overdue: "Quá hạn",
  due_soon: "Sắp đến hạn",
  not_due: "Chưa đến hạn",
  no_date: "Chưa có hạn",
};

export const REPORT_STATUS_TEXT: Record<ReportStatus, string> = {
  on_time: "Đúng giờ",
  late: "Gửi trễ",
  missing: "Chưa gửi",
  pending: "Chưa đến giờ",
};

export function dueInstant(d: Deadline): LocalDateTime | null {
  return d.due ? { date: d.due, minutes: d.time ?? END_OF_DAY } : null;
}

export function deadlineStatus(d: Deadline, asOf: LocalDateTime): DeadlineStatus {
  const due = dueInstant(d);
  if (!due) return "no_date";
  if (d.done) return d.done <= due.date ? "done_on_time" : "done_late";
  if (toAbsoluteMinutes(due) < toAbsoluteMinutes(asOf)) return "overdue";
  return daysBetween(asOf.date, due.date) <= SOON_DAYS ? "due_soon" : "not_due";
}

export function reportWindow(plan: Plan): { from: number; to: number } {
  return {
    from: plan.settings.report_from ?? DEFAULT_REPORT_WINDOW.from,
    to: plan.settings.report_to ?? DEFAULT_REPORT_WINDOW.to,
  };
}

/** Sent after the window of the row's day closed (a later day counts as late too). */
export function isLate(row: JournalRow, windowEnd: number): boolean {
  if (!row.date || row.sent_minutes === null) return false;
  const sentDay = row.sent_date ?? row.date;
  return sentDay > row.date || (sentDay === row.date && row.sent_minutes > windowEnd);
}

export interface DailyReportStatus {
  date: string;
  hamlet: string;
  status: ReportStatus;
  sent: string | null;
}

/**
 * Campaign days up to the as-of date (or the whole campaign, whichever ends first). A campaign longer than
 * MAX_CAMPAIGN_DAYS is a typo the check reports once; only its latest MAX_CAMPAIGN_DAYS days are listed.
 */
export function campaignDaysUpTo(plan: Plan, last: string): string[] {
  const { start, end } = plan.settings;
  if (!start || !end || start > end) return [];
  const to = last < end ? last : end;
  if (to < start) return [];
  const from =
    daysBetween(start, to) >= MAX_CAMPAIGN_DAYS ? addDays(to, 1 - MAX_CAMPAIGN_DAYS) : start;
  return dateRange(from, to);
}

/** The last campaign day whose report window has closed at `asOf`, or null when none has. */
export function lastClosedDay(plan: Plan, asOf: LocalDateTime): string | null {
  const { start, end } = plan.settings;
  if (!start || !end || start > end) return null;
  const closedToday = asOf.minutes > reportWindow(plan).to;
  const last = closedToday ? asOf.date : addDays(asOf.date, -1);
  const day = last < end ? last : end;
  return day < start ? null : day;
}

export function dailyReportStatuses(
  plan: Plan,
  asOf: LocalDateTime,
  effective: readonly EffectiveRow[] = effectiveRows(plan)
): DailyReportStatus[] {
  const window = reportWindow(plan);
  const rows = new Map(effective.map((e) => [dayKey(e.hamlet, e.date), e.row]));
  const out: DailyReportStatus[] = [];
  for (const date of campaignDaysUpTo(plan, asOf.date)) {
    const closed = toAbsoluteMinutes(asOf) > toAbsoluteMinutes({ date, minutes: window.to });
    for (const h of plan.hamlets) {
      const row = rows.get(dayKey(h.name, date));
      const status: ReportStatus = row
        ? isLate(row, window.to)
          ? "late"
          : "on_time"
        : closed
          ? "missing"
          : "pending";
      const sent = row?.sent_minutes != null ? formatTime(row.sent_minutes) : null;
      out.push({ date, hamlet: h.name, status, sent });
    }
  }
  return out;
}

export interface DeadlineView {
  content: string;
  unit: string;
  recipient: string;
  due: string | null;
  time: string | null;
  done: string | null;
  status: DeadlineStatus;
  status_text: string;
  /** Whole days from as-of to the due date (negative when past). */
  days_left: number | null;
}

export function deadlineViews(plan: Plan, asOf: LocalDateTime): DeadlineView[] {
  return plan.deadlines.map((d) => {
    const status = deadlineStatus(d, asOf);
    return {
      content: d.content,
      unit: d.unit,
      recipient: d.recipient,
      due: d.due,
      time: d.time === null ? null : formatTime(d.time),
      done: d.done,
      status,
      status_text: describeDeadline(d, status, asOf),
      days_left: d.due ? daysBetween(asOf.date, d.due) : null,
    };
  });
}

function describeDeadline(d: Deadline, status: DeadlineStatus, asOf: LocalDateTime): string {
  if (!d.due) return DEADLINE_STATUS_TEXT.no_date;
  const days = daysBetween(asOf.date, d.due);
  const dueText = `hạn ${formatDate(d.due)}${d.time !== null ? ` ${formatTime(d.time)}` : ""}`;
  if (status === "overdue")
    return days < 0 ? `Quá hạn ${-days} ngày (${dueText})` : `Quá hạn (${dueText})`;
  if (status === "due_soon" || status === "not_due")
    return days > 0 ? `Còn ${days} ngày (${dueText})` : `Hết hạn hôm nay (${dueText})`;
  if (status === "done_late")
    return `Hoàn thành ${formatDate(d.done!)}, trễ ${daysBetween(d.due, d.done!)} ngày`;
  return `Hoàn thành ${formatDate(d.done!)}`;
}
