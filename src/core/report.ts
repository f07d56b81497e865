/** The daily report (PRODUCT.md §5) as data: day and cumulative figures, per hamlet, against the plan. */
import { type LocalDateTime, daysBetween, formatDate } from "./dates";
import { isLate, reportWindow } from "./deadlines";
import { addIndicators, effectiveRows, zeroIndicators } from "./journal";
import type { IndicatorKey, Indicators, Plan, Ratio } from "./model";
import { RESULT_INDICATORS } from "./indicators";
import { SHEET } from "./sheets";
import { peopleShort } from "./ratio";
import { computeTotals, disagree } from "./totals";

export interface HamletForces {
  /** People short of the đối ứng ratio; 0 when met, null without a ratio. */
  short: number | null;
}

export interface DailyReport {
  date: string;
  /** 1 on the first campaign day */
  day: number | null;
  campaign_days: number | null;
  hamlets: Record<string, Indicators>;
  day_total: Indicators;
  cumulative: Indicators;
  missing: string[];
  late: string[];
  /**
   * Per result indicator, the plan figure progress is measured against: what the itemised works add up to, or
   * the Chỉ tiêu figure where no work gives one; null when the plan has neither.
   */
  targets: Partial<Record<IndicatorKey, number | null>>;
  /**
   * The Chỉ tiêu figure, only for indicators where it disagrees with the itemised works (a TARGET_MISMATCH):
   * the report shows both and measures progress on the works.
   */
  stated_targets: Partial<Record<IndicatorKey, number>>;
  /** Cumulative over targets, as a fraction (0.5 = 50 %); null without a target */
  percent_done: Partial<Record<IndicatorKey, number | null>>;
  ratio: Ratio | null;
  forces: Record<string, HamletForces>;
  notes: { hamlet: string; note: string }[];
  made_at: LocalDateTime;
}

/** The report for `date`, made at `madeAt` (a snapshot: later journal rows are not in it). */
export function buildReport(plan: Plan, date: string, madeAt: LocalDateTime): DailyReport {
  const { start, end } = plan.settings;
  const window = reportWindow(plan);
  const rows = effectiveRows(plan);
  const today = new Map(rows.filter((e) => e.date === date).map((e) => [e.hamlet, e]));
  const hamlets: Record<string, Indicators> = {};
  const forces: Record<string, HamletForces> = {};
  const ratio = plan.settings.ratio;
  for (const h of plan.hamlets) {
    // The report owns its figures: the journal's rows that count are shared by every reader of the plan.
    const i = { ...(today.get(h.name)?.indicators ?? zeroIndicators()) };
    hamlets[h.name] = i;
    forces[h.name] = {
      short: ratio ? peopleShort(i.nhan_dan, i.llvt, ratio.people, ratio.forces) : null,
    };
  }
  const day_total = zeroIndicators();
  for (const e of today.values()) addIndicators(day_total, e.indicators);
  const cumulative = zeroIndicators();
  for (const e of rows)
    if (e.date <= date && (!start || e.date >= start) && (!end || e.date <= end))
      addIndicators(cumulative, e.indicators);
  const totals = computeTotals(plan, rows);
  const targets: DailyReport["targets"] = {};
  const stated_targets: DailyReport["stated_targets"] = {};
  const percent_done: DailyReport["percent_done"] = {};
  for (const r of RESULT_INDICATORS) {
    const target = r.target(totals);
    const stated = r.stated(totals);
    targets[r.key] = target;
    if (disagree(stated, target)) stated_targets[r.key] = stated!;
    percent_done[r.key] = target ? cumulative[r.key] / target : null;
  }
  return {
    date,
    day: start ? daysBetween(start, date) + 1 : null,
    campaign_days: start && end ? daysBetween(start, end) + 1 : null,
    hamlets,
    day_total,
    cumulative,
    missing: plan.hamlets.filter((h) => !today.has(h.name)).map((h) => h.name),
    late: [...today.values()].filter((e) => isLate(e.row, window.to)).map((e) => e.hamlet),
    targets,
    stated_targets,
    percent_done,
    ratio,
    forces,
    notes: [...today.values()]
      .filter((e) => e.row.note)
      .map((e) => ({ hamlet: e.hamlet, note: e.row.note })),
    made_at: madeAt,
  };
}

/** The CLI's JSON: PRODUCT.md §7's shape, plus the plan figures and progress the printed report shows. */
export function reportToJson(r: DailyReport) {
  return {
    date: r.date,
    day: r.day,
    hamlets: r.hamlets,
    day_total: r.day_total,
    cumulative: r.cumulative,
    missing: r.missing,
    late: r.late,
    targets: r.targets,
    stated_targets: r.stated_targets,
    percent_done: r.percent_done,
  };
}

/** The day a one-click report is for: today while the campaign runs, else its last day. */
export function defaultReportDate(plan: Plan, today: string): string {
  const { start, end } = plan.settings;
  if (end && (today > end || (start !== null && today < start))) return end;
  return today;
}

/** Why no report can be made for `date` from this workbook (no plan in it, or a day outside the campaign),
 * in Vietnamese; null when it can. */
export function reportRefusal(plan: Plan, date: string): string | null {
  const { start, end } = plan.settings;
  const advice = "hãy mở đúng sổ kế hoạch, hoặc dùng Tạo sổ để lập sổ từ kế hoạch.";
  if (!start || !end)
    return `Sổ chưa có kế hoạch: trang "${SHEET.plan}" chưa ghi Ngày bắt đầu và Ngày kết thúc của đợt; ${advice}`;
  if (!plan.hamlets.length)
    return `Sổ chưa có kế hoạch: chưa có trang ấp nào (tên trang dạng "Ấp Cầu"); ${advice}`;
  if (start > end)
    return `Ngày kết thúc ${formatDate(end)} trước Ngày bắt đầu ${formatDate(start)} trên trang "${SHEET.plan}"; sửa lại rồi lập báo cáo.`;
  if (date < start || date > end)
    return `Ngày ${formatDate(date)} ngoài đợt ${formatDate(start)} – ${formatDate(end)}; chọn một ngày trong đợt.`;
  return null;
}

/** The day a report is for (the one asked, else the default day) and why none can be made for it, if so. */
export function reportDay(
  plan: Plan,
  today: string,
  asked?: string
): { date: string; refusal: string | null } {
  const date = asked ?? defaultReportDate(plan, today);
  return { date, refusal: reportRefusal(plan, date) };
}

export function reportSheetName(date: string): string {
  const [y, m, d] = date.split("-");
  return `BC ${d}-${m}-${y}`;
}
