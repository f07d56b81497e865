/**
 * What the phone shows of each campaign day of its hamlet: sent (on time or late, by the workbook's rule),
 * waiting to be sent, in conflict with another device, not reported yet, or still to come. The reporting rules
 * are core's (deadlines.ts); this only says them in the page's words.
 */
import { type LocalDateTime, dayNumber, formatDate, formatTime } from "../core/dates";
import { campaignDaysUpTo, dailyReportStatuses, reportWindow } from "../core/deadlines";
import type { Plan } from "../core/model";
import { hamletKey } from "../core/text";
import type { LocalRow } from "../sync/client";
import { journalRowOf } from "../sync/rows";

export type DayKind =
  "sent" | "late" | "waiting" | "conflict" | "refused" | "missing" | "due" | "future";

export interface DayState {
  date: string;
  kind: DayKind;
  text: string;
  /** The row kept for the day, if any: what the form opens with. */
  row: LocalRow | null;
}

export interface HamletDays {
  plan: Plan;
  /** The plan's spelling of the hamlet. */
  hamlet: string;
  /** The rows kept on the phone. */
  rows: LocalRow[];
  /** Days with an edit in the outbox. */
  waiting: Set<string>;
  /** Days whose last edit met another device's, or was refused by the server. */
  noted: Map<string, "conflict" | "refused">;
  now: LocalDateTime;
}

const WEEKDAYS = ["CN", "T2", "T3", "T4", "T5", "T6", "T7"];

/** "T5 12/12": how a day is named in the list and the date picker. */
export function dayLabel(date: string): string {
  return `${WEEKDAYS[(dayNumber(date) + 4) % 7]} ${formatDate(date).slice(0, 5)}`;
}

/** Every day of the campaign (at most its latest MAX_CAMPAIGN_DAYS), or none without both dates. */
export function campaignDays(plan: Plan): string[] {
  return plan.settings.end ? campaignDaysUpTo(plan, plan.settings.end) : [];
}

/** The plan's spelling of the identity's hamlet, or null when the plan has no such hamlet. */
export function planHamlet(plan: Plan, hamlet: string): string | null {
  return plan.hamlets.find((h) => hamletKey(h.name) === hamletKey(hamlet))?.name ?? null;
}

/** "Đã gửi lúc 14:05", "Đã gửi lúc 08:10 ngày 13/12 (trễ hạn 15:00)". */
function sentText(row: LocalRow, late: boolean, windowEnd: number): string {
  const sent = row.data.sentAt;
  if (!sent) return "Đã gửi";
  return `Đã gửi lúc ${sentTime(sent, row.date, true)}${late ? ` (trễ hạn ${formatTime(windowEnd)})` : ""}`;
}

/** "14:05" on the row's own day, else "08:10 ngày 13/12/2024" ("13/12" short). */
export function sentTime(sentAt: string, date: string, short = false): string {
  const [day, time] = sentAt.split("T");
  if (day === date) return time;
  const d = formatDate(day);
  return `${time} ngày ${short ? d.slice(0, 5) : d}`;
}

export function dayStates(input: HamletDays): DayState[] {
  const { plan, hamlet, now } = input;
  const mine = input.rows.filter((r) => hamletKey(r.hamlet) === hamletKey(hamlet));
  const byDate = new Map(mine.map((r) => [r.date, r]));
  const own = {
    ...plan,
    hamlets: plan.hamlets.filter((h) => h.name === hamlet),
    journal: mine.map(journalRowOf),
  };
  const statuses = new Map(dailyReportStatuses(own, now).map((s) => [s.date, s.status]));
  const due = formatTime(reportWindow(plan).to);
  return campaignDays(plan).map((date) => {
    const row = byDate.get(date) ?? null;
    const status = statuses.get(date);
    const late = status === "late";
    const state = (kind: DayKind, text: string) => ({ date, kind, text, row });
    const noted = input.noted.get(date);
    if (noted === "conflict") return state("conflict", "Xung đột với máy khác");
    if (noted === "refused") return state("refused", "Máy chủ không nhận");
    if (input.waiting.has(date)) return state("waiting", late ? "Chờ gửi (trễ hạn)" : "Chờ gửi");
    if (row && status)
      return state(late ? "late" : "sent", sentText(row, late, reportWindow(plan).to));
    if (status === "missing") return state("missing", `Chưa báo cáo (quá hạn ${due})`);
    if (status === "pending") return state("due", `Chưa báo cáo (hạn ${due})`);
    return state("future", "Chưa đến ngày");
  });
}

const OTHER_DAYS: [DayKind, string][] = [
  ["missing", "Chưa báo cáo"],
  ["waiting", "Chờ gửi"],
  ["conflict", "Xung đột"],
  ["refused", "Máy chủ không nhận"],
];

/** What the officer reads first: today's state, then the other days still missing, waiting or in question. */
export function glance(states: DayState[], today: string): string[] {
  const lines: string[] = [];
  const now = states.find((s) => s.date === today);
  const first = states[0]?.date;
  const last = states[states.length - 1]?.date;
  if (now) lines.push(`Hôm nay ${dayLabel(today)}: ${now.text}.`);
  else if (first && today < first) lines.push(`Đợt bắt đầu ngày ${formatDate(first)}.`);
  else if (last) lines.push(`Đợt đã kết thúc ngày ${formatDate(last)}.`);
  for (const [kind, words] of OTHER_DAYS) {
    const days = states.filter((s) => s.kind === kind && s.date !== today);
    if (days.length)
      lines.push(`${words}: ${days.map((s) => formatDate(s.date).slice(0, 5)).join(", ")}.`);
  }
  return lines;
}
