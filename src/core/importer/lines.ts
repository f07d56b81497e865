/** The plan's text as lines, segments (the two-column header) and sentences. */
import { clean } from "../text";

export interface Line {
  /** 0-based line number in the text */
  index: number;
  text: string;
  /** Columns of a two-column header line, split where three or more spaces stand. */
  segments: string[];
}

export function splitLines(text: string): Line[] {
  return text
    .normalize("NFC")
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({
      index,
      text: clean(raw),
      segments: raw
        .normalize("NFC")
        .split(/(?:[ \t\u00a0]{3,}|\t)/)
        .map(clean)
        .filter(Boolean),
    }))
    .filter((l) => l.text !== "");
}

/** Sentences of a paragraph: split after a full stop or semicolon-free period followed by a capital. */
export function sentences(paragraph: string): string[] {
  return paragraph
    .split(/(?<=\.)\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "a: b" → ["a", "b"]; no colon → ["", text]. */
export function labelAndBody(text: string): [string, string] {
  const i = text.indexOf(":");
  return i < 0 ? ["", text] : [text.slice(0, i).trim(), text.slice(i + 1).trim()];
}

/** Removes a leading list marker: "- ", "1- ", "2. ", "a) ", "+ ". */
export function stripMarker(text: string): string {
  return text.replace(/^(?:[-–•+*]|\d+\s*[-.)]|[a-zđ]\))\s*/u, "").trim();
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function isRomanHeading(text: string): boolean {
  return /^[IVX]{1,4}\s*[-.–]\s*\S/.test(text);
}
