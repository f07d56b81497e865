/** The DANVAN formulas as pure functions over cell values; errors carry a Vietnamese message. */
import { daysBetween, excelSerialToDate, parseDate, vietnamNow } from "./dates";
import { formatVietnameseNumber, parseQuantity, type Dimension } from "./quantity";
import { parseRatio, peopleShort } from "./ratio";
import { MAX_READABLE, readNumber } from "./words";

export type FormulaErrorKind = "value" | "number" | "divide";

export class FormulaError extends Error {
  constructor(
    readonly kind: FormulaErrorKind,
    message: string
  ) {
    super(message);
  }
}

type Cell = unknown;
const DIMENSION_WORD: Record<Dimension, string> = {
  length: "mét",
  money: "đồng",
  count: "số lượng",
};

function isEmpty(v: Cell): boolean {
  return (
    v === null ||
    v === undefined ||
    (typeof v === "string" && v.trim() === "") ||
    typeof v === "boolean"
  );
}

/** Every cell of every range argument, in order, however deeply Excel (or a caller) nested them. */
function cells(ranges: Cell[]): Cell[] {
  return ranges.flat(Infinity as 1);
}

/** Sums quantities; plain numbers join any unit, two different units refuse to add. */
function sum(ranges: Cell[], only?: Dimension): { total: number; dimension: Dimension | null } {
  let total = 0;
  let dimension: Dimension | null = null;
  for (const v of cells(ranges)) {
    if (isEmpty(v)) continue;
    const q = parseQuantity(v);
    if (!q) throw new FormulaError("value", `Không đọc được "${String(v)}" thành số lượng.`);
    if (q.dimension && only && q.dimension !== only) {
      throw new FormulaError("value", `"${String(v)}" không phải ${DIMENSION_WORD[only]}.`);
    }
    if (q.dimension && dimension && q.dimension !== dimension) {
      throw new FormulaError(
        "value",
        `Không cộng được ${DIMENSION_WORD[dimension]} với ${DIMENSION_WORD[q.dimension]}.`
      );
    }
    dimension ??= q.dimension;
    total += q.value;
  }
  return { total: Math.round(total * 1e6) / 1e6, dimension };
}

export function tong(ranges: Cell[]): number {
  return sum(ranges).total;
}

export function chieuDai(ranges: Cell[]): number {
  return sum(ranges, "length").total;
}

export function tien(ranges: Cell[]): number {
  return Math.round(sum(ranges, "money").total);
}

export function so(value: Cell): number {
  const q = parseQuantity(value);
  if (!q) throw new FormulaError("value", `Không đọc được "${String(value ?? "")}" thành số.`);
  return q.value;
}

/** An Excel date serial or a typed date, as an ISO date. */
function dateArg(value: Cell, name: string): string {
  const d =
    typeof value === "number"
      ? excelSerialToDate(value)
      : typeof value === "string"
        ? parseDate(value)
        : null;
  if (!d) throw new FormulaError("value", `${name} "${String(value ?? "")}" không phải một ngày.`);
  return d;
}

/** "Quá hạn 3 ngày", "Hết hạn hôm nay", "Còn 17 ngày". */
export function han(deadline: Cell, asOf: Cell, nowMs: number): string {
  const due = dateArg(deadline, "Hạn");
  const today = isEmpty(asOf) ? vietnamNow(nowMs).date : dateArg(asOf, "Ngày xét");
  const days = daysBetween(today, due);
  if (days < 0) return `Quá hạn ${-days} ngày`;
  return days === 0 ? "Hết hạn hôm nay" : `Còn ${days} ngày`;
}

/** Done over planned, as a fraction (format the cell as %). */
export function tienDo(done: Cell, planned: Cell): number {
  const p = so(planned);
  if (p === 0) throw new FormulaError("divide", "Kế hoạch bằng 0: không tính được tiến độ.");
  return so(done) / p;
}

/** 0 when the đối ứng ratio is met, else how many more people it asks for. */
export function doiUng(people: Cell, forces: Cell, ratio: Cell): number {
  const r = isEmpty(ratio) ? { people: 1, forces: 3 } : parseRatio(String(ratio));
  if (!r)
    throw new FormulaError("value", `Tỷ lệ "${String(ratio)}" không hợp lệ; viết dạng "1:3".`);
  const p = so(isEmpty(people) ? 0 : people);
  const f = so(isEmpty(forces) ? 0 : forces);
  if (p < 0 || f < 0) throw new FormulaError("number", "Số người không được âm.");
  return peopleShort(p, f, r.people, r.forces);
}

export function docSo(value: Cell, unit: Cell): string {
  const n = so(value);
  if (Math.abs(n) > MAX_READABLE) {
    throw new FormulaError("number", `Số ${formatVietnameseNumber(n)} quá lớn để đọc thành chữ.`);
  }
  return readNumber(n, isEmpty(unit) ? "đồng" : String(unit).trim());
}
