/**
 * One hamlet's journal for one day as typed into a form (the phone page): one field per Nhật ký column,
 * labelled with its header, each figure read by the workbook's own cell reader under the same limits, so a
 * figure the workbook would refuse never leaves the phone.
 */
import { CellReader, type CellWording } from "./cells";
import type { Finding } from "./findings";
import { JOURNAL_LIMITS } from "./limits";
import type { EnteredIndicator } from "./model";
import { type ColumnSpec, JOURNAL_TABLE, SHEET } from "./sheets";
import { clean, stripXmlUnsafe } from "./text";

/** A form's field: a Nhật ký column the reporter types (not the day, the hamlet or Giờ gửi, which are set). */
export interface EntryField extends ColumnSpec {
  /** Figures are read as numbers; Ghi chú and Người báo cáo are text. */
  numeric: boolean;
}

const SET_BY_THE_FORM = new Set(["date", "hamlet", "sent"]);

export const ENTRY_FIELDS: EntryField[] = JOURNAL_TABLE.columns
  .filter((c) => !SET_BY_THE_FORM.has(c.field))
  .map((c) => ({ ...c, numeric: c.kind !== "text" }));

/** On a form the field's own label names it, and a refused figure is to be fixed before sending. */
const FORM_WORDING: CellWording = {
  subject: (_where, label) => label,
  refused: "sửa lại trước khi gửi",
};

export interface ReadEntry {
  /** The figures typed, by indicator; a blank field is left out. */
  values: Partial<Record<EnteredIndicator, number>>;
  note: string;
  reporter: string;
  /** Per field, what is wrong (errors, which stop the sending) or worth a second look (warnings). */
  problems: Record<string, Finding[]>;
}

/** Reads what was typed, field by field (`texts` keyed by field), as the workbook reads its cells. */
export function readEntry(texts: Record<string, string>): ReadEntry {
  const out: ReadEntry = { values: {}, note: "", reporter: "", problems: {} };
  for (const field of ENTRY_FIELDS) {
    const text = stripXmlUnsafe(texts[field.field] ?? "");
    if (!field.numeric) {
      out[field.field as "note" | "reporter"] = field.field === "note" ? text.trim() : clean(text);
      continue;
    }
    const key = field.field as EnteredIndicator;
    const cells = new CellReader(FORM_WORDING);
    const where = { sheet: SHEET.journal, cell: field.header };
    const value = cells.number(field.kind, text, where, field.header, JOURNAL_LIMITS[key]);
    if (value !== null) out.values[key] = value;
    if (cells.findings.length) out.problems[field.field] = cells.findings;
  }
  return out;
}

/** Whether any field has an error (a warning alone does not stop the sending). */
export function hasErrors(entry: ReadEntry): boolean {
  return Object.values(entry.problems).some((p) => p.some((f) => f.severity === "error"));
}
