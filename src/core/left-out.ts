/**
 * Cells a figure left out because they were flagged (unreadable, implausible, a row without its date…), and
 * which figures of the totals and of the daily report they would have counted in, named by their JSON path
 * ("itemised.phat_quang.length_m", "day_total.phat_quang_m").
 */
import type { CategoryKey } from "./categories";
import type { Plan } from "./model";
import { hamletKey } from "./text";

interface Place {
  sheet: string;
  cell: string;
  /** The figure's field, or the key field ("category", "date", "hamlet") when the whole row is out. */
  field: string;
}

/** The figures a left-out cell would have counted in. */
export type LeftOutInto =
  | { kind: "target"; category: CategoryKey | null }
  | { kind: "work"; hamlet: string | null; category: CategoryKey | null }
  | { kind: "journal"; hamlet: string; date: string | null };

export type LeftOut = Place & LeftOutInto;

/** Figure path → the cells ("Ấp Cầu!F5") it left out. */
export type LeftOutMap = Record<string, string[]>;

/** Unit price feeds the cost; the other measures are their own figure. */
const MEASURE_OF: Record<string, string> = {
  routes: "routes",
  length_m: "length_m",
  count: "count",
  unit_price_vnd: "cost_vnd",
  cost_vnd: "cost_vnd",
};

const FORCES = new Set(["quan_doi", "dan_quan", "cong_an"]);

/** The indicator keys a journal field feeds ([] when the whole row is out: the total itself). */
function indicatorsOf(field: string): string[] {
  if (FORCES.has(field)) return [field, "llvt"];
  return field === "date" || field === "hamlet" ? [] : [field];
}

const under = (path: string, keys: string[]) =>
  keys.length ? keys.map((k) => `${path}.${k}`) : [path];

function collect(entries: [LeftOut, string[]][]): LeftOutMap {
  const out: LeftOutMap = {};
  for (const [l, paths] of entries) {
    const at = `${l.sheet}!${l.cell}`;
    for (const p of paths) if (!(out[p] ??= []).includes(at)) out[p].push(at);
  }
  return out;
}

/** Journal rows of hamlets the workbook does not have count nowhere (HAMLET_UNKNOWN flags them). */
function unknownHamletRows(plan: Plan): LeftOut[] {
  const known = new Set(plan.hamlets.map((h) => hamletKey(h.name)));
  return plan.journal
    .filter((r) => r.hamlet && !known.has(hamletKey(r.hamlet)) && Object.keys(r.values).length)
    .map((r) => ({
      kind: "journal" as const,
      sheet: r.ref?.sheet ?? "",
      cell: `${r.ref?.cols.hamlet ?? "B"}${r.ref?.row ?? 0}`,
      field: "hamlet",
      hamlet: "",
      date: r.date,
    }));
}

function canonical(plan: Plan): (hamlet: string) => string | undefined {
  const names = new Map(plan.hamlets.map((h) => [hamletKey(h.name), h.name]));
  return (hamlet) => (hamlet ? names.get(hamletKey(hamlet)) : undefined);
}

/** For `totals`: stated, itemised, per hamlet plan and done, done. */
export function totalsLeftOut(plan: Plan, leftOut: LeftOut[]): LeftOutMap {
  const hamletName = canonical(plan);
  return collect(
    [...leftOut, ...unknownHamletRows(plan)].map((l): [LeftOut, string[]] => {
      if (l.kind === "journal") {
        const keys = indicatorsOf(l.field);
        const h = hamletName(l.hamlet);
        return [l, [...(h ? under(`hamlets.${h}.done`, keys) : []), ...under("done", keys)]];
      }
      const measure =
        l.category && MEASURE_OF[l.field] ? [`${l.category}.${MEASURE_OF[l.field]}`] : [];
      if (l.kind === "target") return [l, under("stated", measure)];
      const h = l.hamlet && hamletName(l.hamlet);
      return [
        l,
        [...under("itemised", measure), ...(h ? under(`hamlets.${h}.plan`, measure) : [])],
      ];
    })
  );
}

/** For the daily report of `date`: the day's figures per hamlet and in total, and the cumulative ones. */
export function reportLeftOut(plan: Plan, leftOut: LeftOut[], date: string): LeftOutMap {
  const hamletName = canonical(plan);
  const journal = [...leftOut, ...unknownHamletRows(plan)].filter((l) => l.kind === "journal");
  return collect(
    journal.map((l): [LeftOut, string[]] => {
      const keys = indicatorsOf(l.field);
      const day = l.kind === "journal" ? l.date : null;
      const h = l.kind === "journal" ? hamletName(l.hamlet) : undefined;
      const paths = [
        ...(day === null || day === date ? under("day_total", keys) : []),
        ...(day === null || day <= date ? under("cumulative", keys) : []),
        ...(h && (day === null || day === date) ? under(`hamlets.${h}`, keys) : []),
      ];
      return [l, paths];
    })
  );
}

/** The cells a set of figures left out, for one line of text ("Ấp Cầu!F5, Nhật ký!H7"). */
export function leftOutCells(map: LeftOutMap, ...prefixes: string[]): string[] {
  const cells = new Set<string>();
  for (const [path, at] of Object.entries(map))
    if (prefixes.some((p) => path === p || path.startsWith(`${p}.`)))
      at.forEach((c) => cells.add(c));
  return [...cells];
}
