/** Vietnamese text normalisation and tolerant matching. */
import { MAX_CELL_CHARS } from "./limits";

const SPACES = /[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g;

/** NFC, every kind of space folded to one ASCII space, trimmed. */
export function clean(text: string): string {
  return text.normalize("NFC").replace(SPACES, " ").trim();
}

/**
 * `fn` remembering its recent answers: a workbook repeats the same few hamlet names and labels thousands of
 * times, and folding Unicode is the costly part of reading it. Bounded, so a huge input cannot grow it.
 */
function memoized(fn: (text: string) => string): (text: string) => string {
  const seen = new Map<string, string>();
  return (text) => {
    let answer = seen.get(text);
    if (answer === undefined) {
      if (seen.size >= 20_000) seen.clear();
      seen.set(text, (answer = fn(text)));
    }
    return answer;
  };
}

/** A key for comparisons: no diacritics, đ→d, lower case, punctuation as spaces. */
export const fold = memoized((text) =>
  clean(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
);

/** Folds and removes a word repeated right after itself ("ap ap san bay" → "ap san bay"). */
export const foldUndoubled = memoized((text) => {
  const words = fold(text).split(" ");
  return words.filter((w, i) => i === 0 || w !== words[i - 1]).join(" ");
});

export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** The candidate closest to `text` (folded edit distance), if it is reasonably close. */
export function closest(text: string, candidates: readonly string[]): string | undefined {
  const key = foldUndoubled(text);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = levenshtein(key, foldUndoubled(candidate));
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(key.length / 3))
    ? best
    : undefined;
}

/** Hamlet name without its "Ấp"/"ấp" prefix(es), NFC, single-spaced: "Ấp ấp Sân Bay" → "Sân Bay". */
export function bareHamletName(text: string): string {
  return clean(text)
    .replace(/^((ấp|ap)\s+)+/iu, "")
    .trim();
}

/** Same hamlet, whatever the prefix, case, diacritics or Unicode form. */
export const hamletKey = memoized((text) => foldUndoubled(bareHamletName(foldUndoubled(text))));

/**
 * Characters an .xlsx (XML 1.0) cannot hold: C0 controls other than tab and line breaks, U+FFFE/U+FFFF and
 * unpaired surrogates. A workbook holding one cannot be opened again, so every write path strips them and the
 * sync server refuses them.
 */
const XML_UNSAFE =
  // eslint-disable-next-line no-control-regex -- these control characters are exactly what is refused
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function hasXmlUnsafe(text: string): boolean {
  XML_UNSAFE.lastIndex = 0;
  return XML_UNSAFE.test(text);
}

export function stripXmlUnsafe(text: string): string {
  return text.replace(XML_UNSAFE, "");
}

/**
 * JSON text a workbook cell can hold: each XML-forbidden character (only ever inside a string) written as its
 * \uXXXX escape, which JSON.parse reads back as the same character.
 */
export function xmlSafeJson(json: string): string {
  return json.replace(XML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Text as a workbook cell can hold it: no XML-forbidden characters, at most Excel's 32,767 characters. */
export function writableText(text: string): string {
  const safe = stripXmlUnsafe(text);
  if (safe.length <= MAX_CELL_CHARS) return safe;
  // Stripped again: the cut may fall inside a surrogate pair.
  return `${stripXmlUnsafe(safe.slice(0, MAX_CELL_CHARS - 1))}…`;
}
