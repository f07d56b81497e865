/** The quantities inside a sentence: "dài 3.000m", "kinh phí 90 triệu đồng", "25 phần quà, mỗi phần 500 000đ". */
import { type CountUnit } from "../categories";
import { formatVietnameseNumber, parseQuantity } from "../quantity";
import { fold } from "../text";

export interface Token {
  value: number;
  kind: "length" | "money" | CountUnit;
  /** Folded words just before the number, to tell a unit price ("moi phan") from a total ("tri gia"). */
  before: string;
  at: number;
  /** The number as written when it could be read two ways ("8,900m"), for a warning. */
  ambiguous: string | null;
}

const UNIT_WORDS =
  "km|mét|m|tỷ đồng|tỷ|tỉ|triệu đồng|triệu|nghìn đồng|ngàn đồng|đồng|đ|căn|phần|suất|cuộc|buổi|lượt|tuyến";
/** A number is at most 24 characters long, so a run of digits without a unit costs linear time, not quadratic. */
const TOKEN = new RegExp(
  `(\\d(?:[\\d.,]|\\s(?=\\d{3}(?!\\d))){0,24})\\s*(${UNIT_WORDS})(?![\\p{L}\\d])`,
  "gu"
);
/** "8,900m", "12,500đ": a comma and exactly three digits before metres or đồng is a thousands separator
 * (nobody plans 8,9 m of road); with km, triệu or tỷ the comma stays decimal ("1,500 km"). */
const COMMA_THOUSANDS = /^\d{1,3},\d{3}$/;
const BASE_UNITS = new Set(["m", "mét", "đồng", "đ"]);

const COUNT_KIND: Record<string, CountUnit> = {
  căn: "căn",
  phần: "phần",
  suất: "phần",
  cuộc: "cuộc",
  buổi: "buổi",
  lượt: "lượt",
  tuyến: "tuyến",
};

export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const written = m[1].replace(/[.,]$/, "");
    const unit = m[2];
    const thousands = COMMA_THOUSANDS.test(written) && BASE_UNITS.has(unit);
    const number = thousands ? written.replace(",", ".") : written;
    const countKind = COUNT_KIND[unit];
    const q = parseQuantity(countKind ? number : `${number} ${unit}`);
    if (!q) continue;
    const before = fold(text.slice(Math.max(0, m.index! - 24), m.index!))
      .split(" ")
      .slice(-3)
      .join(" ");
    out.push({
      value: q.value,
      kind: countKind ?? (q.dimension === "length" ? "length" : "money"),
      before,
      at: m.index!,
      ambiguous: thousands || q.ambiguous ? m[0] : null,
    });
  }
  return out;
}

/** A warning for each number the text writes ambiguously, saying how it was read. */
export function ambiguousNumbers(text: string): string[] {
  return tokens(text).flatMap((t) =>
    t.ambiguous
      ? [
          `Số "${t.ambiguous}" có thể hiểu hai cách, đã đọc là ${formatVietnameseNumber(t.value)} ${UNIT_NAME[t.kind ?? ""] ?? t.kind ?? ""}; kiểm tra lại với văn bản gốc.`,
        ]
      : []
  );
}

const UNIT_NAME: Record<string, string> = { length: "m", money: "đồng" };

const UNIT_PRICE = /(?:^| )(moi \S+|don gia|\/ ?\S+)$/;

export interface Measured {
  length: number | null;
  routes: number | null;
  counts: Partial<Record<Exclude<CountUnit, null | "tuyến">, number>>;
  unitPrice: number | null;
  cost: number | null;
}

/** Reads a clause's measures: the first length, routes, counts per unit, a unit price and a total. */
export function measure(text: string): Measured {
  const out: Measured = { length: null, routes: null, counts: {}, unitPrice: null, cost: null };
  for (const t of tokens(text)) {
    if (t.kind === "length") out.length ??= t.value;
    else if (t.kind === "tuyến") out.routes ??= t.value;
    else if (t.kind === "money") {
      if (UNIT_PRICE.test(t.before)) out.unitPrice ??= t.value;
      else out.cost ??= t.value;
    } else if (t.kind) out.counts[t.kind] ??= t.value;
  }
  return out;
}

export function hasQuantity(m: Measured): boolean {
  return (
    m.length !== null || m.cost !== null || m.unitPrice !== null || Object.keys(m.counts).length > 0
  );
}
