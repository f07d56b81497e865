/** Vietnamese quantities: "3.000m", "1,5 km", "8 900 m", "90 triệu đồng", "500.000đ", "04 tuyến". */

export type Dimension = "length" | "money" | "count";

export interface Quantity {
  value: number;
  /** null when the text carried no unit (a plain number). */
  dimension: Dimension | null;
  /** The form could be read two ways ("3,000"): read the Vietnamese way, worth a warning. */
  ambiguous: boolean;
}

interface UnitWord {
  dimension: Dimension;
  factor: number;
}

const MONEY_WORDS = ["đ", "đồng", "vnđ", "vnd", "dong", "d"];
const COUNT_WORDS = [
  "tuyến",
  "tuyến đường",
  "căn",
  "căn nhà",
  "nhà",
  "phần",
  "phần quà",
  "suất",
  "cuộc",
  "buổi",
  "lượt",
  "người",
  "hộ",
  "lượt người",
  "trận",
  "tuyen",
  "can",
  "phan",
  "cuoc",
  "buoi",
  "luot",
  "nguoi",
];

function unitTable(): Map<string, UnitWord> {
  const table = new Map<string, UnitWord>();
  const money = (word: string, factor: number) => table.set(word, { dimension: "money", factor });
  for (const w of MONEY_WORDS) money(w, 1);
  for (const [scale, factor] of [
    ["nghìn", 1e3],
    ["ngàn", 1e3],
    ["triệu", 1e6],
    ["tr", 1e6],
    ["tỷ", 1e9],
    ["tỉ", 1e9],
  ] as const) {
    money(scale, factor);
    for (const w of MONEY_WORDS) money(`${scale} ${w}`, factor);
  }
  for (const w of ["m", "mét", "met", "md"]) table.set(w, { dimension: "length", factor: 1 });
  table.set("km", { dimension: "length", factor: 1000 });
  for (const w of COUNT_WORDS) table.set(w, { dimension: "count", factor: 1 });
  return table;
}
const UNITS = unitTable();

/** Reads the digits of a number written the Vietnamese way (dot groups, comma decimal). */
export function parseVietnameseNumber(text: string): { value: number; ambiguous: boolean } | null {
  const s = text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
  if (/^\d+$/.test(s)) return { value: Number(s), ambiguous: false };
  if (/^\d{1,3}([. ]\d{3})+(,\d+)?$/.test(s)) {
    return { value: Number(s.replace(/[. ]/g, "").replace(",", ".")), ambiguous: false };
  }
  if (/^\d+,\d+$/.test(s)) {
    return { value: Number(s.replace(",", ".")), ambiguous: /,\d{3}$/.test(s) };
  }
  if (/^\d+\.\d+$/.test(s)) return { value: Number(s), ambiguous: true };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(s))
    return { value: Number(s.replace(/,/g, "")), ambiguous: true };
  return null;
}

const QUANTITY = /^([+-]?)\s*(\d(?:[\d., \u00a0\u202f]*\d)?)\s*(.*)$/su;

/** "3 km 200 m", "3km200": kilometres and metres written together. */
const KM_AND_M = /^(\d+) ?km ?(\d+) ?(?:m|mét|met)?$/i;

/** A cell's quantity; null when it cannot be read. Money comes out in whole đồng, length in metres. */
export function parseQuantity(input: unknown): Quantity | null {
  if (typeof input === "number")
    return Number.isFinite(input) ? { value: input, dimension: null, ambiguous: false } : null;
  if (typeof input !== "string") return null;
  const text = input
    .normalize("NFC")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
  const km = KM_AND_M.exec(text);
  if (km && Number(km[2]) < 1000)
    return { value: Number(km[1]) * 1000 + Number(km[2]), dimension: "length", ambiguous: false };
  const match = QUANTITY.exec(text);
  if (!match) return null;
  const number = parseVietnameseNumber(match[2]);
  const unitText = match[3]
    .toLowerCase()
    .replace(/[.\s]+$/, "")
    .trim();
  const unit = unitText === "" ? null : UNITS.get(unitText);
  if (!number || unit === undefined) return null;
  const sign = match[1] === "-" ? -1 : 1;
  const raw = sign * number.value * (unit?.factor ?? 1);
  const value = unit?.dimension === "money" ? Math.round(raw) : roundTo(raw, 6);
  if (!Number.isFinite(value)) return null;
  return { value, dimension: unit?.dimension ?? null, ambiguous: number.ambiguous };
}

function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** 8900 → "8.900", 1.5 → "1,5", 10500000 → "10.500.000". */
/** A count in millions, one decimal, the Vietnamese way: 20_000_000 → "20", 1_460_000 → "1,5". */
export function inMillions(n: number): string {
  return `${Math.round(n / 100_000) / 10}`.replace(".", ",");
}

export function formatVietnameseNumber(value: number, maxDecimals = 2): string {
  const negative = value < 0;
  const [int, frac] = Math.abs(roundTo(value, maxDecimals)).toFixed(maxDecimals).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const decimals = (frac ?? "").replace(/0+$/, "");
  return (negative ? "-" : "") + grouped + (decimals ? "," + decimals : "");
}

export function formatMoney(value: number): string {
  return `${formatVietnameseNumber(Math.round(value), 0)} đồng`;
}
