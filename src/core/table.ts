/** Finding a table by its header row (first 10 rows, any column order, extra columns ignored). */
import {
  type GridSheet,
  type GridValue,
  cellText,
  columnLetter,
  filledCells,
  filledRows,
  isBlank,
} from "./grid";
import type { ColumnSpec, TableSpec } from "./sheets";
import { fold, foldUndoubled, levenshtein } from "./text";

const HEADER_SCAN_ROWS = 10;

export interface TableRow {
  /** 1-based sheet row */
  row: number;
  cells: Record<string, GridValue>;
}

/** A column whose header repeats one already found (a header cell merged over several columns). */
export interface ShadowedColumn {
  field: string;
  header: string;
  /** the column read */
  kept: string;
  /** the column left out although it holds values */
  ignored: string;
}

export interface FoundTable {
  headerRow: number;
  /** field → column letter */
  cols: Record<string, string>;
  rows: TableRow[];
  missing: ColumnSpec[];
  shadowed: ShadowedColumn[];
}

function withoutUnits(text: string): string {
  return text.replace(/\([^)]*\)/g, " ");
}

interface HeaderKeys {
  exact: Map<string, string>;
  loose: Map<string, string>;
  /** Slips already looked up: the same labels repeat on every hamlet sheet of a workbook. */
  fuzzy: Map<string, string | undefined>;
}

const KEYS = new WeakMap<TableSpec, HeaderKeys>();

/** Each column's header keys (exact folded forms, then forms without "(m)"-style units), made once per table. */
function headerKeys(spec: TableSpec): HeaderKeys {
  let keys = KEYS.get(spec);
  if (!keys) KEYS.set(spec, (keys = makeHeaderKeys(spec)));
  return keys;
}

function makeHeaderKeys(spec: TableSpec): HeaderKeys {
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
  return { exact, loose, fuzzy: new Map() };
}

/** A header typed with a slip ("Chiu dài (m)"): the one column name within a small edit distance, if any. */
function fuzzyField(key: string, keys: HeaderKeys): string | undefined {
  if (key.length < 6) return undefined;
  if (!keys.fuzzy.has(key)) keys.fuzzy.set(key, nearestField(key, keys));
  return keys.fuzzy.get(key);
}

function nearestField(key: string, keys: HeaderKeys): string | undefined {
  const slips = Math.floor(key.length / 8) + 1;
  // Names whose lengths differ by more than the slips allowed can never be that close.
  const near = [...keys.exact].filter(
    ([name]) => Math.abs(name.length - key.length) <= slips && levenshtein(key, name) <= slips
  );
  const fields = new Set(near.map(([, field]) => field));
  return fields.size === 1 ? near[0][1] : undefined;
}

/** Each field's columns in a header row: several when its header cell is merged over several columns. */
function matchHeaderRow(row: GridValue[], keys: HeaderKeys): Map<string, number[]> {
  const found = new Map<string, number[]>();
  const add = (field: string, index: number) =>
    found.set(field, [...(found.get(field) ?? []), index]);
  const unknown: [string, number][] = [];
  for (const { index, value } of filledCells(row)) {
    const text = cellText(value);
    const key = foldUndoubled(text);
    const field = keys.exact.get(key) ?? keys.loose.get(foldUndoubled(withoutUnits(text)));
    if (field) add(field, index);
    else unknown.push([key, index]);
  }
  // Exact names first, so a slip never takes a column another header names exactly.
  for (const [key, index] of unknown) {
    const field = fuzzyField(key, keys);
    if (field && !found.has(field)) add(field, index);
  }
  return found;
}

const TOTAL_ROW = new Set(["tong", "tong cong", "cong", "tong so", "cong don", "total"]);

/** Only a row whose first value is a word can be a totals row; most rows start with a number or a date. */
function isTotalRow(row: GridValue[]): boolean {
  const first = row.find((v) => !isBlank(v));
  return typeof first === "string" && TOTAL_ROW.has(fold(first).replace(/ \d+$/, ""));
}

/** Of the columns sharing a header, the one holding the most values is read; others holding values are reported. */
function pickColumns(
  found: Map<string, number[]>,
  dataRows: { cells: GridValue[] }[],
  spec: TableSpec
): { columns: Map<string, number>; shadowed: ShadowedColumn[] } {
  const columns = new Map<string, number>();
  const shadowed: ShadowedColumn[] = [];
  for (const [field, indices] of found) {
    if (indices.length === 1) {
      columns.set(field, indices[0]);
      continue;
    }
    const filled = indices.map((c) => dataRows.filter((r) => !isBlank(r.cells[c])).length);
    const best = filled.indexOf(Math.max(...filled));
    columns.set(field, indices[best]);
    const header = spec.columns.find((c) => c.field === field)?.header ?? field;
    indices.forEach((c, i) => {
      if (i !== best && filled[i] > 0)
        shadowed.push({
          field,
          header,
          kept: columnLetter(indices[best]),
          ignored: columnLetter(c),
        });
    });
  }
  return { columns, shadowed };
}

/** The table on `sheet` shaped like `spec`, or null when no row of the first `scanRows` looks like its header. */
export function findTable(
  sheet: GridSheet,
  spec: TableSpec,
  scanRows = HEADER_SCAN_ROWS
): FoundTable | null {
  const keys = headerKeys(spec);
  const required = spec.columns.filter((c) => c.required);
  let best: { index: number; found: Map<string, number[]> } | null = null;
  for (const { index, cells } of filledRows(sheet, 0, scanRows)) {
    const found = matchHeaderRow(cells, keys);
    const requiredHits = required.filter((c) => found.has(c.field)).length;
    if (found.size >= 2 && requiredHits >= 1 && (!best || found.size > best.found.size))
      best = { index, found };
  }
  if (!best) return null;
  const dataRows = filledRows(sheet, best.index + 1);
  const { columns, shadowed } = pickColumns(best.found, dataRows, spec);
  const cols: Record<string, string> = {};
  for (const [field, c] of columns) cols[field] = columnLetter(c);
  const rows: TableRow[] = [];
  for (const { index, cells: raw } of dataRows) {
    const cells: Record<string, GridValue> = {};
    let blank = true;
    for (const [field, c] of columns) {
      const value = (cells[field] = raw[c] ?? null);
      blank &&= isBlank(value);
    }
    if (blank || isTotalRow(raw)) continue;
    rows.push({ row: index + 1, cells });
  }
  return {
    headerRow: best.index + 1,
    cols,
    rows,
    missing: required.filter((c) => !columns.has(c.field)),
    shadowed,
  };
}

/** How many columns right of its label a value may stand (lists further right are not values). */
const LABEL_VALUE_REACH = 3;

/** Label/value rows ("Người phụ trách | Nguyễn Văn A") in the rows above `beforeRow` (1-based, exclusive). */
export function findLabelValues(
  sheet: GridSheet,
  labels: { field: string; names: string[] }[],
  beforeRow = Infinity
): Map<string, { value: GridValue; cell: string }> {
  const byKey = new Map<string, string>();
  for (const l of labels) for (const n of l.names) byKey.set(foldUndoubled(n), l.field);
  const out = new Map<string, { value: GridValue; cell: string }>();
  for (const { index: r, cells: row } of filledRows(sheet, 0, beforeRow - 1)) {
    const filled = filledCells(row);
    filled.forEach(({ value: v }, i) => {
      const field =
        typeof v === "string" ? byKey.get(foldUndoubled(v.replace(/:\s*$/, ""))) : undefined;
      if (!field || out.has(field)) return;
      // A label merged over several cells repeats in each; the value stands right of the last.
      let end = i;
      while (filled[end + 1]?.index === filled[end].index + 1 && filled[end + 1].value === v) end++;
      const last = filled[end].index;
      const next = filled.find((x, j) => j > end && x.index <= last + LABEL_VALUE_REACH);
      out.set(field, {
        value: next ? next.value : null,
        cell: `${columnLetter(next ? next.index : last + 1)}${r + 1}`,
      });
    });
  }
  return out;
}
