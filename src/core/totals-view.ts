/**
 * What the task pane's Tổng hợp shows: each hamlet's metres done against planned, and each kind of work's
 * stated total beside what its itemised works add up to, marked where the two disagree.
 */
import { CATEGORY_KEYS, type CategoryKey, category } from "./categories";
import type { Plan } from "./model";
import { formatVietnameseNumber } from "./quantity";
import { type HamletProgress, hamletProgress } from "./summary-layout";
import { type Totals, mismatchedMeasures, sumParts } from "./totals";

export interface ProgressRow extends HamletProgress {
  /** "7.800 / 8.900 m (88 %)" */
  figures: string;
}

export interface TargetRow {
  key: CategoryKey;
  label: string;
  /** The stated total's figures with their units ("8.900 m"); empty when Chỉ tiêu has no row. */
  stated: string[];
  itemised: string[];
  /** Stated and itemised disagree on at least one measure (the TARGET_MISMATCH of the check). */
  mismatch: boolean;
}

export interface TotalsView {
  hamlets: ProgressRow[];
  targets: TargetRow[];
}

/** "7.800 / 8.900 m (88 %)"; a hamlet with no work in metres says so instead of dividing by zero. */
export function progressFigures(p: HamletProgress): string {
  const done = formatVietnameseNumber(p.done);
  if (!p.planned)
    return p.done ? `${done} m, chưa có kế hoạch tính theo mét` : "Không có việc tính theo mét";
  return `${done} / ${formatVietnameseNumber(p.planned)} m (${Math.round((p.progress ?? 0) * 100)} %)`;
}

export function totalsView(plan: Plan, totals: Totals): TotalsView {
  return {
    hamlets: hamletProgress(plan, totals).map((p) => ({ ...p, figures: progressFigures(p) })),
    targets: CATEGORY_KEYS.filter((k) => totals.stated[k] || totals.itemised[k]).map((key) => ({
      key,
      label: category(key).label,
      stated: sumParts(totals.stated[key], key),
      itemised: sumParts(totals.itemised[key], key),
      mismatch: mismatchedMeasures(totals, key).length > 0,
    })),
  };
}
