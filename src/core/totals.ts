/** Totals: what the plan states, what its works add up to, per hamlet, and what the journal says is done. */
import { CATEGORY_KEYS, type CategoryKey, category } from "./categories";
import { type EffectiveRow, addIndicators, effectiveRows, zeroIndicators } from "./journal";
import type { Indicators, Measures, Plan } from "./model";
import { formatMoney, formatVietnameseNumber } from "./quantity";

export const SUMMED = ["routes", "length_m", "count", "cost_vnd"] as const;
export type SummedMeasure = (typeof SUMMED)[number];

/** A sum per measure; null where no row gave that measure at all. */
export type Sums = Record<SummedMeasure, number | null>;
export type CategorySums = Partial<Record<CategoryKey, Sums>>;

export interface HamletTotals {
  plan: CategorySums;
  done: Indicators;
}

export interface Totals {
  stated: CategorySums;
  itemised: CategorySums;
  hamlets: Record<string, HamletTotals>;
  done: Indicators;
}

function emptySums(): Sums {
  return { routes: null, length_m: null, count: null, cost_vnd: null };
}

/** Money a row stands for: its Kinh phí, else Số lượng × Đơn giá. */
export function rowCost(m: Measures): number | null {
  if (m.cost_vnd !== null) return m.cost_vnd;
  const quantity = m.count ?? m.length_m;
  return quantity !== null && m.unit_price_vnd !== null
    ? Math.round(quantity * m.unit_price_vnd)
    : null;
}

function add(into: CategorySums, category: CategoryKey | null, m: Measures): void {
  if (!category) return;
  const sums = (into[category] ??= emptySums());
  const values: Sums = {
    routes: m.routes,
    length_m: m.length_m,
    count: m.count,
    cost_vnd: rowCost(m),
  };
  for (const k of SUMMED) if (values[k] !== null) sums[k] = (sums[k] ?? 0) + (values[k] as number);
}

function sumRows(rows: (Measures & { category: CategoryKey | null })[]): CategorySums {
  const out: CategorySums = {};
  for (const r of rows) add(out, r.category, r);
  return out;
}

export function computeTotals(
  plan: Plan,
  rows: readonly EffectiveRow[] = effectiveRows(plan)
): Totals {
  const hamlets: Record<string, HamletTotals> = {};
  for (const h of plan.hamlets)
    hamlets[h.name] = { plan: sumRows(h.works), done: zeroIndicators() };
  const done = zeroIndicators();
  for (const e of rows) {
    addIndicators(hamlets[e.hamlet].done, e.indicators);
    addIndicators(done, e.indicators);
  }
  return {
    stated: sumRows(plan.targets),
    itemised: sumRows([...plan.hamlets.flatMap((h) => h.works), ...plan.commune_works]),
    hamlets,
    done,
  };
}

/**
 * The plan's figure for a category: what its itemised works add up to, else the Chỉ tiêu figure where no work
 * gives that measure. A stated total that disagrees with its works is a TARGET_MISMATCH error (the works are
 * the plan as it will be carried out), so progress is measured on the works.
 */
export function planFigure(
  totals: Totals,
  category: CategoryKey,
  measure: SummedMeasure
): number | null {
  return totals.itemised[category]?.[measure] ?? totals.stated[category]?.[measure] ?? null;
}

/** A stated figure contradicts the itemised works: both given, apart by half a unit or more. */
export function disagree(stated: number | null, itemised: number | null): boolean {
  return stated !== null && itemised !== null && Math.abs(stated - itemised) >= 0.5;
}

/** The measures where a category's stated total and its itemised works disagree. */
export function mismatchedMeasures(totals: Totals, category: CategoryKey): SummedMeasure[] {
  return SUMMED.filter((m) =>
    disagree(totals.stated[category]?.[m] ?? null, totals.itemised[category]?.[m] ?? null)
  );
}

type JsonSums = Record<SummedMeasure, number>;

function jsonSums(sums: CategorySums): Partial<Record<CategoryKey, JsonSums>> {
  const out: Partial<Record<CategoryKey, JsonSums>> = {};
  for (const key of CATEGORY_KEYS) {
    const s = sums[key];
    if (s)
      out[key] = {
        routes: s.routes ?? 0,
        length_m: s.length_m ?? 0,
        count: s.count ?? 0,
        cost_vnd: s.cost_vnd ?? 0,
      };
  }
  return out;
}

/** The CLI's JSON shape (PRODUCT.md §7): measures nobody gave are 0. */
export function totalsToJson(t: Totals) {
  const hamlets: Record<
    string,
    { plan: Partial<Record<CategoryKey, JsonSums>>; done: Indicators }
  > = {};
  for (const [name, h] of Object.entries(t.hamlets))
    hamlets[name] = { plan: jsonSums(h.plan), done: h.done };
  return { stated: jsonSums(t.stated), itemised: jsonSums(t.itemised), hamlets, done: t.done };
}

/** ["9 tuyến", "8.900 m", "90.000.000 đồng"]: a category's sums as people read them, one figure with its unit each. */
export function sumParts(s: Sums | undefined, key: CategoryKey): string[] {
  if (!s) return [];
  const parts: string[] = [];
  if (s.routes !== null) parts.push(`${formatVietnameseNumber(s.routes)} tuyến`);
  if (s.length_m !== null) parts.push(`${formatVietnameseNumber(s.length_m)} m`);
  if (s.count !== null)
    parts.push(`${formatVietnameseNumber(s.count)} ${category(key).countUnit ?? ""}`.trim());
  if (s.cost_vnd !== null) parts.push(formatMoney(s.cost_vnd));
  return parts;
}

/** "9 tuyến, 8.900 m, 90.000.000 đồng"; "—" when there are none. */
export function describeSums(s: Sums | undefined, key: CategoryKey): string {
  return sumParts(s, key).join(", ") || "—";
}
