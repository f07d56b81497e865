/** Finding a table by its header row (first 10 rows, any column order, extra columns ignored). */
import { type CellValue, type GridSheet, cellText, columnLetter, isBlank } from "./grid";
import type { ColumnSpec, TableSpec } from "./sheets";
import { fold, foldUndoubled, levenshtein } from "./text";

const HEADER_SCAN_ROWS = 10;

export interface TableRow {
  /** 1-based sheet row */
  row: number;
  cells: Record<string, CellValue>;
}

export interface FoundTable {
  headerRow: number;
  /** field → column letter */
  cols: Record<string, string>;
  rows: TableRow[];
  missing: ColumnSpec[];
}

function withoutUnits(text: string): string {
  return text.replace(/\([^)]*\)/g, " ");
}

/** Each column's header keys: exact folded forms, then forms without "(m)"-style units. */
function headerKeys(spec: TableSpec): { exact: Map<string, string>; loose: Map<string, string> } {
  const exact = new Map<string, string>();
  const looseCount = new Map<string, number>();
  const loose = new Map<string, string>();
  for (const c of spec.columns) {
    for (const name of [c.header, ...(c.aliases ?? [])]) {
      exact.set(foldUndoubled(name), c.field);
      const key = foldUndoubled(withoutUnits(name));
      if (loose.get(key) !== c.field) looseCount.set(key, (looseCount.get(key) ?? 0) + 1);
      loose.set(key, c.field);
    }
  }
  for (const [key, n] of looseCount) if (n > 1) loose.delete(key);
  return { exact, loose };
}

type HeaderKeys = ReturnType<typeof headerKeys>;

/** A header typed with a slip ("Chiu dài (m)"): the one column name within a small edit distance, if any. */
function fuzzyField(key: string, keys: HeaderKeys): string | undefined {
  if (key.length < 6) return undefined;
  const near = [...keys.exact].filter(
    ([name]) => levenshtein(key, name) <= Math.floor(key.length / 8) + 1
  );
  const fields = new Set(near.map(([, field]) => field));
  return fields.size === 1 ? near[0][1] : undefined;
}

function matchHeaderRow(row: CellValue[], keys: HeaderKeys): Map<string, number> {
  const found = new Map<string, number>();
  const unknown: [string, number][] = [];
  row.forEach((value, index) => {
    const text = cellText(value);
    if (!text) return;
    const key = foldUndoubled(text);
    const field = keys.exact.get(key) ?? keys.loose.get(foldUndoubled(withoutUnits(text)));
    if (!field) unknown.push([key, index]);
    else if (!found.has(field)) found.set(field, index);
  });
  // Exact names first, so a slip never takes a column another header names exactly.
  for (const [key, index] of unknown) {
    const field = fuzzyField(key, keys);
    if (field && !found.has(field)) found.set(field, index);
  }
  return found;
}

const TOTAL_ROW = new Set(["tong", "tong cong", "cong", "tong so", "cong don", "total"]);

function isTotalRow(row: CellValue[]): boolean {
  const first = row.find((v) => !isBlank(v));
  return typeof first === "string" && TOTAL_ROW.has(fold(first).replace(/ \d+$/, ""));
}

/** The table on `sheet` shaped like `spec`, or null when no row of the first `scanRows` looks like its header. */
export function findTable(
  sheet: GridSheet,
  spec: TableSpec,
  scanRows = HEADER_SCAN_ROWS
): FoundTable | null {
  const keys = headerKeys(spec);
  const required = spec.columns.filter((c) => c.required);
  let best: { index: number; found: Map<string, number> } | null = null;
  const last = Math.min(sheet.rows.length, scanRows);
  for (let i = 0; i < last; i++) {
    const found = matchHeaderRow(sheet.rows[i] ?? [], keys);
    const requiredHits = required.filter((c) => found.has(c.field)).length;
    if (found.size >= 2 && requiredHits >= 1 && (!best || found.size > best.found.size))
      best = { index: i, found };
  }
  if (!best) return null;
  const { index, found } = best;
  const cols: Record<string, string> = {};
  for (const [field, c] of found) cols[field] = columnLetter(c);
  const rows: TableRow[] = [];
  for (let r = index + 1; r < sheet.rows.length; r++) {
    const raw = sheet.rows[r] ?? [];
    const cells: Record<string, CellValue> = {};
    for (const [field, c] of found) cells[field] = raw[c] ?? null;
    if (Object.values(cells).every(isBlank) || isTotalRow(raw)) continue;
    rows.push({ row: r + 1, cells });
  }
  return { headerRow: index + 1, cols, rows, missing: required.filter((c) => !found.has(c.field)) };
}

/** How many columns right of its label a value may stand (lists further right are not values). */
const LABEL_VALUE_REACH = 3;

/** Label/value rows ("Người phụ trách | Nguyễn Văn A") in the rows above `beforeRow` (1-based, exclusive). */
export function findLabelValues(
  sheet: GridSheet,
  labels: { field: string; names: string[] }[],
  beforeRow = Infinity
): Map<string, { value: CellValue; cell: string }> {
  const byKey = new Map<string, string>();
  for (const l of labels) for (const n of l.names) byKey.set(foldUndoubled(n), l.field);
  const out = new Map<string, { value: CellValue; cell: string }>();
  const last = Math.min(sheet.rows.length, beforeRow - 1);
  for (let r = 0; r < last; r++) {
    const row = sheet.rows[r] ?? [];
    row.forEach((v, c) => {
      const field =
        typeof v === "string" ? byKey.get(foldUndoubled(v.replace(/:\s*$/, ""))) : undefined;
      if (!field || out.has(field)) return;
      const valueIndex = row.findIndex(
        (x, i) => i > c && i <= c + LABEL_VALUE_REACH && !isBlank(x)
      );
      const at = valueIndex >= 0 ? valueIndex : c + 1;
      out.set(field, {
        value: valueIndex >= 0 ? row[valueIndex] : null,
        cell: `${columnLetter(at)}${r + 1}`,
      });
    });
  }
  return out;
}
