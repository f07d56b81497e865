/** Numbers read in Vietnamese words: 10500000 → "mười triệu năm trăm nghìn" (mốt, lăm, tư, linh, không trăm). */

const DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const SCALES = ["", "nghìn", "triệu"];
const BILLION = 1e9;
export const MAX_READABLE = Number.MAX_SAFE_INTEGER;

function units(u: number, afterTens: boolean): string {
  if (!afterTens) return DIGITS[u];
  if (u === 1) return "mốt";
  if (u === 4) return "tư";
  if (u === 5) return "lăm";
  return DIGITS[u];
}

/** One group of three digits; `full` when a higher group stands before it (so "không trăm", "linh"). */
function readGroup(n: number, full: boolean): string[] {
  const h = Math.floor(n / 100);
  const t = Math.floor(n / 10) % 10;
  const u = n % 10;
  const words: string[] = [];
  if (full || h > 0) words.push(DIGITS[h], "trăm");
  if (t === 0) {
    if (u > 0 && words.length) words.push("linh");
    if (u > 0) words.push(DIGITS[u]);
  } else if (t === 1) {
    words.push("mười");
    if (u > 0) words.push(u === 5 ? "lăm" : DIGITS[u]);
  } else {
    words.push(DIGITS[t], "mươi");
    if (u > 0) words.push(units(u, true));
  }
  return words;
}

/** Below one tỷ, group by group; zero groups are skipped, the ones after a spoken group are read in full. */
function readBelowBillion(n: number, full: boolean): string[] {
  const words: string[] = [];
  for (let i = SCALES.length - 1; i >= 0; i--) {
    const group = Math.floor(n / 1000 ** i) % 1000;
    if (group === 0) continue;
    words.push(...readGroup(group, full || words.length > 0));
    if (SCALES[i]) words.push(SCALES[i]);
  }
  return words;
}

/** Tỷ compounds above itself: 1.500 tỷ is "một nghìn năm trăm tỷ". */
function readInteger(n: number): string {
  if (n === 0) return DIGITS[0];
  if (n < BILLION) return readBelowBillion(n, false).join(" ");
  const low = n % BILLION;
  const rest = low > 0 ? ` ${readBelowBillion(low, true).join(" ")}` : "";
  return `${readInteger(Math.floor(n / BILLION))} tỷ${rest}`;
}

/** "1,05" → "một phẩy không năm"; "1,25" → "một phẩy hai mươi lăm". */
function readDecimals(digits: string): string {
  if (digits.startsWith("0"))
    return digits
      .split("")
      .map((d) => DIGITS[Number(d)])
      .join(" ");
  return readInteger(Number(digits));
}

/** A number in Vietnamese words, with an optional unit ("đồng"); whole numbers up to 2^53, two decimals at most. */
export function readNumber(value: number, unit = ""): string {
  if (!Number.isFinite(value) || Math.abs(value) > MAX_READABLE)
    throw new RangeError("out of range");
  const [int, frac] = Math.abs(value).toFixed(2).replace(/0+$/, "").replace(/\.$/, "").split(".");
  const words = [
    value < 0 && Number(int + (frac ?? "")) !== 0 ? "âm" : "",
    readInteger(Number(int)),
  ];
  if (frac) words.push("phẩy", readDecimals(frac));
  if (unit) words.push(unit);
  return words.filter(Boolean).join(" ");
}
