/** Works in the plan's text: the stated totals, each hamlet's works, houses per hamlet, the commune's works. */
import { type Category, type CategoryKey, categoriesInText } from "../categories";
import { type Target, type Work, emptyMeasures, emptyWork } from "../model";
import { bareHamletName } from "../text";
import { capitalize, labelAndBody, stripMarker } from "./lines";
import { type Measured, hasQuantity, measure } from "./quantities";
import { spanIn } from "./schedule";

/** "- Ấp Cầu: …" (also "Ấp ấp Sân Bay:") */
const HAMLET_LINE = /^(?:[-–•+*]\s*)?ấp\s+([^:]{1,60}):\s*(.+)$/iu;

export function hamletLine(text: string): { name: string; body: string } | null {
  const m = HAMLET_LINE.exec(text);
  return m ? { name: bareHamletName(m[1]), body: m[2] } : null;
}

/** The category a clause is about, judged by what it measures: metres, houses, gifts, events or money. */
export function pickCategory(text: string, m: Measured, fallback = ""): Category | undefined {
  const named = categoriesInText(text);
  const candidates = named.length ? named : categoriesInText(fallback);
  const fits = (c: Category) => {
    if (m.length !== null) return c.measuredInMetres;
    const units = Object.keys(m.counts);
    if (units.length) return c.countUnit !== null && units.includes(c.countUnit);
    return m.cost !== null && c.key === "van_dong";
  };
  const work = candidates.filter((c) => c.key !== "van_dong");
  return candidates.find(fits) ?? work[0] ?? candidates[0];
}

/** "tuyến đường Lộ kiểm", "đường tổ 3", "tổ 7, 4,15", "nhà văn hóa 8 ấp": where the work is. */
export function placeOf(clause: string): string {
  const beforeLength = clause.split(/\s(?:dài|với chiều dài)\s/u)[0];
  const at = /\btại\s+([^,;/]+)/u.exec(beforeLength);
  if (at) return at[1].trim();
  const roads = [...beforeLength.matchAll(/(?:tuyến\s+)?đường\s+(?!quê|giao thông)/gu)];
  if (roads.length) return beforeLength.slice(roads[roads.length - 1].index).trim();
  const group = /\btổ\s+\d.*$/u.exec(beforeLength);
  return group ? group[0].trim() : "";
}

/** A comma between two digits belongs to a number ("3,000m", "tổ 1,2,3"); any other comma ends a part. */
const PART_BREAK = /\s*(?:(?<!\d),|,(?!\d))\s*/;

/** Splits a body at commas and semicolons into clauses, each one work: a part joins the previous one
 * unless it names a new kind of work while the previous one already has its kind and a quantity.
 * Each part is looked at once, so a long body costs linear time. */
export function workClauses(body: string): string[] {
  const clauses: string[] = [];
  for (const piece of body.split(";")) {
    let current: string[] = [];
    let named = false;
    let measured = false;
    for (const part of piece.split(PART_BREAK)) {
      const partNamed = categoriesInText(part).length > 0;
      if (named && measured && partNamed) {
        clauses.push(current.join(", "));
        current = [];
        named = measured = false;
      }
      current.push(part);
      named ||= partNamed;
      measured ||= hasQuantity(measure(part));
    }
    clauses.push(current.join(", "));
  }
  return clauses.map((c) => c.trim().replace(/[.,:]+$/, "")).filter(Boolean);
}

function countFor(c: Category, m: Measured): number | null {
  return c.countUnit && c.countUnit !== "tuyến" ? (m.counts[c.countUnit] ?? null) : null;
}

function routesFor(c: Category, m: Measured): number | null {
  return c.countUnit === "tuyến" ? (m.routes ?? 1) : null;
}

export function clauseToWork(clause: string, context: string, year?: number): Work | null {
  const m = measure(clause);
  const c = pickCategory(clause, m, context);
  if (!c || !hasQuantity(m)) return null;
  return {
    ...emptyWork(),
    category: c.key,
    description: capitalize(clause),
    place: c.measuredInMetres || /\btại\s/u.test(clause) ? placeOf(clause) : "",
    routes: routesFor(c, m),
    length_m: c.measuredInMetres ? m.length : null,
    count: countFor(c, m),
    unit_price_vnd: m.unitPrice,
    cost_vnd: m.cost,
    ...(spanIn(clause, year) ?? { start: null, end: null }),
  };
}

export function hamletWorks(body: string, year?: number): Work[] {
  return workClauses(body).flatMap((c) => clauseToWork(c, "", year) ?? []);
}

/** "…: phát quang 9 tuyến đường/8.900m; Thắp sáng đường quê 04 tuyến đường/1.330m; …, cụ thể:" */
export function statedTargets(line: string): Target[] {
  const [, body] = labelAndBody(line.replace(/,?\s*cụ thể\s*:?\s*$/iu, ""));
  const out: Target[] = [];
  for (const segment of body.split(";")) {
    const m = measure(segment);
    const c = pickCategory(segment, m);
    if (!c || !hasQuantity(m)) continue;
    out.push({
      ...emptyMeasures(),
      category: c.key,
      routes: m.routes,
      length_m: m.length,
      count: countFor(c, m),
      cost_vnd: m.cost,
      note: "",
    });
  }
  return out;
}

export interface Breakdown {
  category: CategoryKey;
  description: string;
  total: Target;
  perHamlet: { name: string; count: number }[];
}

const COUNTED = /\d+\s*(?:căn|phần|suất|cuộc)/u;
/** A bracket of at most 1,000 characters: a list of hamlets fits, and the search stays linear. */
const BRACKET = /\(([^()]{1,1000})\)/gu;

/** "Xây dựng nhà đại đoàn kết …: 12 căn trị giá 1,08 triệu đồng (ấp Cầu 03 căn, Trại Bí 01 căn, …)" */
export function breakdownLine(text: string): Breakdown | null {
  const paren = [...text.matchAll(BRACKET)].find((m) => COUNTED.test(m[1]));
  if (!paren) return null;
  const outside = text.replace(paren[0], " ");
  const [label] = labelAndBody(stripMarker(outside));
  const m = measure(outside);
  const c = pickCategory(outside, m);
  if (!c || !c.countUnit) return null;
  const perHamlet = [
    ...paren[1].matchAll(/(?:ấp\s+)?([^,;()\d]+?)\s+(\d+)\s*(?:căn|phần|suất|cuộc)/giu),
  ].map((x) => ({
    name: bareHamletName(x[1]),
    count: Number(x[2]),
  }));
  if (!perHamlet.length) return null;
  return {
    category: c.key,
    description: capitalize(label || c.label),
    total: {
      ...emptyMeasures(),
      category: c.key,
      count: countFor(c, m),
      cost_vnd: m.cost,
      unit_price_vnd: m.unitPrice,
      note: "",
    },
    perHamlet,
  };
}

/** A line of the whole commune's works: gifts, fund-raising, events. */
export function communeWorks(text: string, year?: number): Work[] {
  const [label, body] = labelAndBody(stripMarker(text));
  return workClauses(body).flatMap((clause) => {
    const work = clauseToWork(clause, label, year);
    if (!work) return [];
    return [{ ...work, description: capitalize(label ? `${label}: ${clause}` : clause) }];
  });
}
