/**
 * How wide text prints in Times New Roman, the font of every DanVan sheet, so layouts can size columns and rows
 * for their content. Advance widths in thousandths of an em, from Liberation Serif (metrically identical to
 * Times New Roman, the font LibreOffice prints it with).
 */

/** Printable ASCII, U+0020…U+007E. */
const REGULAR = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, 921, 722, 667, 667, 722, 611,
  556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722,
  722, 611, 333, 278, 333, 469, 500, 333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500,
  278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,
];
const BOLD = [
  250, 333, 555, 500, 500, 1000, 833, 278, 333, 333, 500, 570, 250, 333, 250, 278, 500, 500, 500,
  500, 500, 500, 500, 500, 500, 500, 333, 333, 570, 570, 570, 500, 930, 722, 667, 722, 722, 667,
  611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722, 556, 667, 722, 722, 1000, 722,
  722, 667, 333, 278, 333, 581, 500, 333, 500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556,
  278, 833, 556, 500, 556, 556, 444, 389, 333, 556, 500, 722, 500, 500, 444, 394, 220, 394, 520,
];
/** Punctuation the plans use beyond ASCII; anything else unknown counts as a wide letter. */
const OTHER: Record<string, number> = {
  "\u00a0": 250,
  "–": 500,
  "—": 1000,
  "…": 1000,
  "‘": 333,
  "’": 333,
  "“": 444,
  "”": 444,
};
const UNKNOWN = 780;
/** ơ and ư are wider than o and u by their horn. */
const HORN = "\u031b";
const HORN_EXTRA = 60;

function charWidth(ch: string, table: number[]): number {
  const base = ch === "đ" ? "d" : ch === "Đ" ? "D" : ch.normalize("NFD");
  const code = base.charCodeAt(0);
  const width = code >= 32 && code < 127 ? table[code - 32] : (OTHER[ch] ?? UNKNOWN);
  return width + (base.includes(HORN) ? HORN_EXTRA : 0);
}

/** Widths already worked out, per character, regular and bold (a plan has a few hundred distinct ones). */
const known = { regular: new Map<string, number>(), bold: new Map<string, number>() };

/** Width in points of `text` set in Times New Roman at `size` points. */
export function textWidth(text: string, size: number, bold = false): number {
  const [table, cache] = bold ? [BOLD, known.bold] : [REGULAR, known.regular];
  let em = 0;
  for (const ch of text) {
    let w = cache.get(ch);
    if (w === undefined) cache.set(ch, (w = charWidth(ch, table)));
    em += w;
  }
  return (em / 1000) * size;
}

/** The widest run of `text` that wrapping cannot break (words, joined by no-break spaces where asked). */
export function longestWord(text: string, size: number, bold = false): number {
  return Math.max(0, ...text.split(/[ \n]/).map((w) => textWidth(w, size, bold)));
}

/**
 * The lines `text` takes in a box `width` points wide, breaking at spaces and line breaks as Excel does; a word
 * wider than the box is broken across as many lines as it needs.
 */
export function wrapLines(text: string, width: number, size: number, bold = false): number {
  const space = textWidth(" ", size, bold);
  let lines = 0;
  for (const paragraph of text.split("\n")) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(" ")) {
      const w = textWidth(word, size, bold);
      if (used > 0 && used + space + w <= width) {
        used += space + w;
        continue;
      }
      if (used > 0) lines++;
      lines += Math.max(0, Math.ceil(w / width) - 1);
      used = w > width ? w % width : w;
    }
  }
  return lines;
}
