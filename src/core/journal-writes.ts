/** Where rows received from the server go in a Nhật ký sheet: each hamlet-day once, overwritten in place. */
import { dateToExcelSerial, parseDate, parseTime } from "./dates";
import { type CellValue, type GridSheet, cellText } from "./grid";
import { FORMAT } from "./layout";
import { JOURNAL_INDICATOR_COLUMNS, JOURNAL_TABLE } from "./sheets";
import { findTable } from "./table";
import { hamletKey } from "./text";

export interface JournalEntry {
  hamlet: string;
  date: string;
  values: Record<string, number>;
  note: string;
  reporter: string;
  /** When it was sent, "2024-12-12T14:05" (Vietnam time), or null */
  sentAt: string | null;
}

export interface CellWrite {
  /** 1-based sheet row */
  row: number;
  /** column letter → value and number format */
  cells: Record<string, { value: CellValue; numFmt?: string }>;
}

export interface JournalWrites {
  writes: CellWrite[];
  /** Extra copies of a written hamlet-day, to delete, highest row first. */
  deletions: number[];
}

function cellsOf(cols: Record<string, string>, e: JournalEntry): CellWrite["cells"] {
  const out: CellWrite["cells"] = {};
  const set = (field: string, value: CellValue, numFmt?: string) => {
    if (cols[field]) out[cols[field]] = { value, numFmt };
  };
  set("date", dateToExcelSerial(e.date), FORMAT.date);
  set("hamlet", e.hamlet);
  for (const [key] of JOURNAL_INDICATOR_COLUMNS) set(key, e.values[key] ?? null);
  set("note", e.note || null);
  set("reporter", e.reporter || null);
  set("sent", ...sentCell(e));
  return out;
}

/** Giờ gửi as Excel holds it: a time on the row's own day, a date and time when it was sent on another day. */
function sentCell(e: JournalEntry): [CellValue, string?] {
  if (!e.sentAt) return [null];
  const [day, time] = e.sentAt.split("T");
  const fraction = (parseTime(time) ?? 0) / 1440;
  return day === e.date
    ? [fraction, FORMAT.time]
    : [dateToExcelSerial(day) + fraction, FORMAT.dateTime];
}

/** Null when the sheet has no journal table to write into. */
export function journalWrites(sheet: GridSheet, entries: JournalEntry[]): JournalWrites | null {
  const table = findTable(sheet, JOURNAL_TABLE);
  if (!table || table.missing.length) return null;
  const at = new Map<string, number[]>();
  for (const r of table.rows) {
    const date = parseDate(r.cells.date ?? null);
    const key = `${date}|${hamletKey(cellText(r.cells.hamlet))}`;
    if (date) at.set(key, [...(at.get(key) ?? []), r.row]);
  }
  let next = table.rows.reduce((n, r) => Math.max(n, r.row), table.headerRow) + 1;
  const writes: CellWrite[] = [];
  const deletions: number[] = [];
  for (const e of entries) {
    const found = at.get(`${e.date}|${hamletKey(e.hamlet)}`) ?? [];
    writes.push({ row: found[0] ?? next++, cells: cellsOf(table.cols, e) });
    deletions.push(...found.slice(1));
  }
  return { writes, deletions: deletions.sort((a, b) => b - a) };
}
