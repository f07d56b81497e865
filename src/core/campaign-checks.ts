/**
 * Checks of the campaign as a whole: dates nobody could mean, and the daily reports still missing, listed
 * a few a hamlet however long the campaign.
 */
import { type LocalDateTime, daysBetween, formatDate, formatTime } from "./dates";
import { dailyReportStatuses, lastClosedDay, reportWindow } from "./deadlines";
import { type Finding, finding } from "./findings";
import type { EffectiveRow } from "./journal";
import { CAMPAIGN_YEARS, MAX_CAMPAIGN_DAYS } from "./limits";
import type { Plan } from "./model";
import { formatVietnameseNumber } from "./quantity";
import { SHEET } from "./sheets";

/**
 * A campaign dated outside CAMPAIGN_YEARS or longer than MAX_CAMPAIGN_DAYS is a typo (10/12/1924): one
 * finding on the date, instead of a missing report for every day of a century.
 */
export function campaignProblem(plan: Plan): Finding | null {
  const { start, end, cells } = plan.settings;
  const where = (field: string) => ({ sheet: SHEET.plan, cell: cells?.[field] ?? null });
  for (const [field, date, label] of [
    ["start", start, "Ngày bắt đầu"],
    ["end", end, "Ngày kết thúc"],
  ] as const) {
    const year = date ? Number(date.slice(0, 4)) : null;
    if (year !== null && (year < CAMPAIGN_YEARS.min || year > CAMPAIGN_YEARS.max))
      return finding(
        "VALUE_IMPLAUSIBLE",
        "error",
        where(field),
        `${label} ${formatDate(date!)} nằm ngoài các năm ${CAMPAIGN_YEARS.min}–${CAMPAIGN_YEARS.max}; kiểm tra lại năm.`,
        { actual: date! }
      );
  }
  const days = start && end && start <= end ? daysBetween(start, end) + 1 : 0;
  if (days <= MAX_CAMPAIGN_DAYS) return null;
  return finding(
    "VALUE_IMPLAUSIBLE",
    "error",
    where("end"),
    `Đợt từ ${formatDate(start!)} đến ${formatDate(end!)} dài ${formatVietnameseNumber(days)} ngày, quá ${MAX_CAMPAIGN_DAYS} ngày; kiểm tra lại ngày bắt đầu và ngày kết thúc.`,
    { expected: MAX_CAMPAIGN_DAYS, actual: days }
  );
}

/** Missing daily reports listed one by one per hamlet, at most this many; the last one counts the rest. */
const MISSING_LISTED = 5;

export function missingReports(
  plan: Plan,
  asOf: LocalDateTime,
  rows: readonly EffectiveRow[]
): Finding[] {
  const window = reportWindow(plan);
  const byHamlet = new Map<string, string[]>();
  for (const r of dailyReportStatuses(plan, asOf, rows)) {
    if (r.status !== "missing") continue;
    if (!byHamlet.has(r.hamlet)) byHamlet.set(r.hamlet, []);
    byHamlet.get(r.hamlet)!.push(r.date);
  }
  const closed = closedDaysReported(plan, asOf, rows);
  const out: Finding[] = [];
  for (const [hamlet, dates] of byHamlet) {
    const total = closed.days - (closed.reported.get(hamlet) ?? 0);
    // The latest days first: they are the ones still worth chasing.
    const listed = dates.reverse().slice(0, MISSING_LISTED);
    listed.forEach((date, i) => {
      const rest = i === listed.length - 1 ? total - listed.length : 0;
      out.push(
        finding(
          "REPORT_MISSING",
          "warning",
          { sheet: SHEET.journal, cell: null },
          `Ấp ${hamlet} chưa có báo cáo ngày ${formatDate(date)}${rest > 0 ? ` và ${formatVietnameseNumber(rest)} ngày khác` : ""} (hạn ${formatTime(window.to)}).`,
          { actual: date }
        )
      );
    });
  }
  return out;
}

/** The campaign days whose window has closed, and how many of them each hamlet reported. */
function closedDaysReported(
  plan: Plan,
  asOf: LocalDateTime,
  rows: readonly EffectiveRow[]
): { days: number; reported: Map<string, number> } {
  const last = lastClosedDay(plan, asOf);
  const start = plan.settings.start;
  const reported = new Map<string, number>();
  if (!last || !start) return { days: 0, reported };
  for (const e of rows)
    if (e.date >= start && e.date <= last)
      reported.set(e.hamlet, (reported.get(e.hamlet) ?? 0) + 1);
  return { days: daysBetween(start, last) + 1, reported };
}
