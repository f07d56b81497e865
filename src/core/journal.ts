/** The daily journal: one row per hamlet per day, deduplicated, as indicator sums. */
import { dayNumber } from "./dates";
import { INDICATOR_KEYS, type Indicators, type JournalRow, type Plan } from "./model";
import { hamletKey } from "./text";

export function zeroIndicators(): Indicators {
  const out = {} as Indicators;
  for (const k of INDICATOR_KEYS) out[k] = 0;
  return out;
}

/** A row's indicators, with LLVT = Quân đội + Dân quân + Công an. */
export function rowIndicators(row: JournalRow): Indicators {
  const out = {} as Indicators;
  for (const k of INDICATOR_KEYS) out[k] = row.values[k] ?? 0;
  out.llvt = out.quan_doi + out.dan_quan + out.cong_an;
  return out;
}

export function addIndicators(into: Indicators, add: Indicators): Indicators {
  for (const k of INDICATOR_KEYS) into[k] += add[k];
  return into;
}

/**
 * When a row was sent, in minutes since 1970 on Vietnam's clock: its sent date (the row's own day unless
 * "Giờ gửi" names another) and time; a row without a time counts as sent at the very end of its day, after
 * every timed row of that day.
 */
function sentOrder(row: JournalRow, date: string): number {
  const day = dayNumber(row.sent_date ?? date) * 1440;
  return row.sent_minutes === null ? day + 1439.5 : day + row.sent_minutes;
}

/**
 * The row that counts for each hamlet and day: where a day was sent twice, the one sent last by its full
 * sent date and time (a correction replaces, it never adds); on a tie the lower row. Rows of unknown
 * hamlets or without a date are left out.
 */
export function effectiveRows(plan: Plan): readonly EffectiveRow[] {
  const hit = EFFECTIVE.get(plan.journal);
  if (hit && hit.hamlets === plan.hamlets) return hit.rows;
  const rows = rowsThatCount(plan);
  EFFECTIVE.set(plan.journal, { hamlets: plan.hamlets, rows });
  return rows;
}

/**
 * A read plan is never changed afterwards (a change makes a new plan), while one click runs the check, the totals
 * and the report over it: the rows that count are worked out once per journal and hamlet list. Frozen, so a
 * caller that tried to change them would fail loudly instead of corrupting the next caller's figures.
 */
const EFFECTIVE = new WeakMap<
  readonly JournalRow[],
  { hamlets: Plan["hamlets"]; rows: readonly EffectiveRow[] }
>();

function rowsThatCount(plan: Plan): readonly EffectiveRow[] {
  const known = new Map(plan.hamlets.map((h) => [hamletKey(h.name), h.name]));
  // The same few names repeat on every day's rows; fold each spelling once.
  const spelled = new Map<string, string | undefined>();
  const out = new Map<string, { hamlet: string; date: string; row: JournalRow; order: number }>();
  for (const row of plan.journal) {
    if (!spelled.has(row.hamlet)) spelled.set(row.hamlet, known.get(hamletKey(row.hamlet)));
    const hamlet = spelled.get(row.hamlet);
    if (!row.date || !hamlet) continue;
    const key = dayKey(hamlet, row.date);
    const prev = out.get(key);
    const order = sentOrder(row, row.date);
    if (!prev || order >= prev.order) out.set(key, { hamlet, date: row.date, row, order });
  }
  // Indicators only for the rows that count: a superseded copy is never summed.
  return Object.freeze(
    [...out.values()].map(({ hamlet, date, row }) =>
      Object.freeze({ hamlet, date, row, indicators: Object.freeze(rowIndicators(row)) })
    )
  );
}

export interface EffectiveRow {
  hamlet: string;
  date: string;
  row: JournalRow;
  indicators: Indicators;
}

export function dayKey(hamlet: string, date: string): string {
  return `${date}|${hamlet}`;
}
