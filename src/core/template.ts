/** The plan workbook as sheet layouts: empty for `danvan new`, filled from a plan for `danvan import`. */
import { CATEGORIES, category } from "./categories";
import { dateToExcelSerial, formatTime } from "./dates";
import { FORMAT, type LayoutCell, type ListValidation, type SheetLayout } from "./layout";
import type { Deadline, Hamlet, Measures, Member, Plan, Settings, Work } from "./model";
import { fitRowHeights, worksheetPrint } from "./print";
import { clean, stripXmlUnsafe } from "./text";
import {
  type ColumnSpec,
  DEADLINES_TABLE,
  HAMLET_NAME_LABEL,
  HAMLET_SHEET_PREFIX,
  JOURNAL_TABLE,
  MEMBERS_TABLE,
  RESPONSIBLE_LABEL,
  SETTINGS,
  SHEET,
  TARGETS_TABLE,
  type TableSpec,
  WORKS_TABLE,
} from "./sheets";

const FONT = { name: "Times New Roman", size: 12 };
/** Rows of empty table prepared with dropdowns and formats. */
const DATA_ROWS = 500;
/** The hamlet list the Ấp dropdowns read, on the Kế hoạch sheet (room for 60 hamlets). */
const HAMLET_LIST_COL = 10;
const HAMLET_LIST_HEADER = "Danh sách ấp";
const HAMLET_LIST_RANGE = `'${SHEET.plan}'!$J$2:$J$61`;
/** Category labels hold commas, which an inline dropdown list cannot, so they are listed on the sheet too. */
const CATEGORY_LIST_COL = 12;
const CATEGORY_LIST_HEADER = "Danh mục loại công việc";
const CATEGORY_LIST_RANGE = `'${SHEET.plan}'!$L$2:$L$${CATEGORIES.length + 1}`;

const FORMAT_OF: Partial<Record<ColumnSpec["kind"], string>> = {
  length: FORMAT.decimal,
  money: FORMAT.money,
  count: FORMAT.integer,
  int: FORMAT.integer,
  date: FORMAT.date,
  time: FORMAT.time,
};

export type Value = string | number | null;

function headerCells(spec: TableSpec, row: number): LayoutCell[] {
  return spec.columns.map((c, i) => ({
    row,
    col: i + 1,
    value: c.header,
    bold: true,
    border: true,
    wrap: true,
    align: "center",
    fill: "FFDDEBF7",
  }));
}

/** Kinds written as text, which wrap within their column instead of running into the next one. */
const WRAPPED = new Set<ColumnSpec["kind"]>(["text", "category", "hamlet"]);

function valueCells(spec: TableSpec, row: number, values: Record<string, Value>): LayoutCell[] {
  return spec.columns.map((c, i) => ({
    row,
    col: i + 1,
    value: values[c.field] ?? null,
    border: true,
    numFmt: FORMAT_OF[c.kind],
    wrap: WRAPPED.has(c.kind) || undefined,
  }));
}

function colLetter(n: number): string {
  return String.fromCharCode(64 + n);
}

/** A table starting at `headerRow` with its rows, formats for DATA_ROWS rows and list validations. */
function tableSheet(
  name: string,
  spec: TableSpec,
  headerRow: number,
  rows: Record<string, Value>[],
  above: LayoutCell[] = []
): SheetLayout {
  const lastRow = headerRow + Math.max(DATA_ROWS, rows.length);
  const columnFormats = spec.columns
    .map((c, i) => ({
      col: i + 1,
      fromRow: headerRow + 1,
      toRow: lastRow,
      numFmt: FORMAT_OF[c.kind] ?? "",
    }))
    .filter((f) => f.numFmt);
  const validations = spec.columns.flatMap((c, i): ListValidation[] => {
    const range = `${colLetter(i + 1)}${headerRow + 1}:${colLetter(i + 1)}${lastRow}`;
    if (c.kind === "category") return [{ range, list: CATEGORY_LIST_RANGE }];
    if (c.kind === "hamlet") return [{ range, list: HAMLET_LIST_RANGE }];
    return [];
  });
  const columnWidths = spec.columns.map((c) => c.width);
  return {
    name,
    font: FONT,
    columnWidths,
    cells: [
      ...above,
      ...headerCells(spec, headerRow),
      ...rows.flatMap((r, i) => valueCells(spec, headerRow + 1 + i, r)),
    ],
    merges: [],
    freezeRows: headerRow,
    columnFormats,
    validations,
    autoFilter: `A${headerRow}:${colLetter(spec.columns.length)}${headerRow}`,
    print: worksheetPrint(columnWidths, { titleRows: `${headerRow}:${headerRow}` }),
  };
}

const date = (d: string | null) => (d ? dateToExcelSerial(d) : null);
const time = (m: number | null) => (m === null ? null : m / 1440);

function settingValue(s: Settings, field: string): Value {
  const v = (s as unknown as Record<string, unknown>)[field];
  if (field === "ratio") return s.ratio ? `${s.ratio.people}:${s.ratio.forces}` : null;
  if (field === "report_from" || field === "report_to")
    return typeof v === "number" ? formatTime(v) : null;
  if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return date(v);
  return typeof v === "string" ? v : null;
}

function measureValues(m: Measures): Record<string, Value> {
  return {
    routes: m.routes,
    length_m: m.length_m,
    count: m.count,
    unit_price_vnd: m.unit_price_vnd,
    cost_vnd: m.cost_vnd,
  };
}

/** Settings values span the table's columns, so a long name wraps there instead of widening one column. */
const SETTING_VALUE_SPAN = `B:${colLetter(TARGETS_TABLE.columns.length)}`;

function planSheet(plan: Plan): SheetLayout {
  const above: LayoutCell[] = [
    { row: 1, col: 1, value: "THÔNG TIN KẾ HOẠCH", bold: true, size: 14 },
  ];
  const [from, to] = SETTING_VALUE_SPAN.split(":");
  const merges: string[] = [];
  SETTINGS.forEach((s, i) => {
    const v = settingValue(plan.settings, s.field);
    const numFmt = s.kind === "date" ? FORMAT.date : undefined;
    above.push(
      { row: i + 2, col: 1, value: s.label, bold: true, wrap: true },
      { row: i + 2, col: 2, value: v, numFmt, wrap: true, align: "left" }
    );
    merges.push(`${from}${i + 2}:${to}${i + 2}`);
  });
  above.push({ row: 1, col: HAMLET_LIST_COL, value: HAMLET_LIST_HEADER, bold: true });
  plan.hamlets.forEach((h, i) => above.push({ row: i + 2, col: HAMLET_LIST_COL, value: h.name }));
  above.push({ row: 1, col: CATEGORY_LIST_COL, value: CATEGORY_LIST_HEADER, bold: true });
  CATEGORIES.forEach((c, i) => above.push({ row: i + 2, col: CATEGORY_LIST_COL, value: c.label }));
  const titleRow = SETTINGS.length + 3;
  above.push({ row: titleRow, col: 1, value: "CHỈ TIÊU CỦA KẾ HOẠCH", bold: true, size: 13 });
  const rows = plan.targets.map((t) => ({
    ...measureValues(t),
    category: t.category ? category(t.category).label : null,
    note: t.note,
  }));
  const sheet = tableSheet(SHEET.plan, TARGETS_TABLE, titleRow + 1, rows, above);
  sheet.columnWidths[0] = Math.max(sheet.columnWidths[0], 30);
  sheet.columnWidths[HAMLET_LIST_COL - 1] = 18;
  sheet.columnWidths[CATEGORY_LIST_COL - 1] = 28;
  // The dropdown lists at J and L are for the sheet, not the printout.
  const printed = sheet.columnWidths.slice(0, TARGETS_TABLE.columns.length);
  const lastRow = titleRow + 1 + rows.length;
  return {
    ...sheet,
    merges,
    freezeRows: undefined,
    print: worksheetPrint(printed, {
      titleRows: sheet.print!.titleRows,
      area: `A1:${to}${lastRow}`,
    }),
  };
}

function workRows(works: Work[]): Record<string, Value>[] {
  return works.map((w, i) => ({
    ...measureValues(w),
    no: i + 1,
    category: w.category ? category(w.category).label : null,
    description: w.description,
    place: w.place,
    start: date(w.start),
    end: date(w.end),
    responsible: w.responsible,
    note: w.note,
  }));
}

/** Characters Excel refuses in a sheet name, and its length limit. */
const SHEET_NAME_FORBIDDEN = /[*?:\\/[\]]/g;
const MAX_SHEET_NAME = 31;

/** Excel's own rule: sheet names that differ only by case name the same sheet. */
export function sheetNameKey(name: string): string {
  return name.normalize("NFC").toUpperCase();
}

/** `text` cut to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  const out = text.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(out) ? out.slice(0, -1) : out;
}

/**
 * The sheet name of each hamlet: "Ấp <name>" with the characters Excel refuses replaced by "-", at most 31
 * characters, unique ignoring case ("~2" ends a shortened name when needed). The full name stays in the
 * sheet's "Tên ấp" cell, where the reader takes it from.
 */
export function hamletSheetNames(names: readonly string[]): string[] {
  const taken = new Set(Object.values(SHEET).map(sheetNameKey));
  return names.map((name) => {
    const safe = clean(
      stripXmlUnsafe(`${HAMLET_SHEET_PREFIX}${name}`).replace(SHEET_NAME_FORBIDDEN, "-")
    ).replace(/'+$/, "");
    let candidate = safe.length <= MAX_SHEET_NAME ? safe : "";
    for (let n = 1; !candidate || taken.has(sheetNameKey(candidate)); n++) {
      const suffix = `~${n}`;
      candidate = cut(safe, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    }
    taken.add(sheetNameKey(candidate));
    return candidate;
  });
}

/** A line for each hamlet whose sheet could not be named "Ấp <name>" as it is. */
export function sheetNameNotes(names: readonly string[]): string[] {
  const sheets = hamletSheetNames(names);
  return names.flatMap((name, i) =>
    sheets[i] === `${HAMLET_SHEET_PREFIX}${name}`
      ? []
      : [
          `ấp "${name}" ở trang "${sheets[i]}" (tên trang Excel dài tối đa ${MAX_SHEET_NAME} ký tự, không có * ? : \\ / [ ]); tên đầy đủ ghi ở ô "${HAMLET_NAME_LABEL}".`,
        ]
  );
}

function hamletSheet(sheetName: string, hamlet: Hamlet): SheetLayout {
  const above: LayoutCell[] = [
    {
      row: 1,
      col: 1,
      value: `${HAMLET_SHEET_PREFIX}${hamlet.name}`.toUpperCase(),
      bold: true,
      size: 14,
    },
    { row: 2, col: 1, value: RESPONSIBLE_LABEL, bold: true },
    { row: 2, col: 3, value: hamlet.responsible || null },
    { row: 3, col: 1, value: HAMLET_NAME_LABEL, bold: true },
    { row: 3, col: 3, value: hamlet.name },
  ];
  return {
    ...tableSheet(sheetName, WORKS_TABLE, 4, workRows(hamlet.works), above),
    merges: ["A2:B2", "A3:B3"],
  };
}

function journalSheet(plan: Plan): SheetLayout {
  const rows = plan.journal.map((r) => ({
    ...r.values,
    date: date(r.date),
    hamlet: r.hamlet,
    note: r.note,
    reporter: r.reporter,
    sent: time(r.sent_minutes),
  }));
  return tableSheet(SHEET.journal, JOURNAL_TABLE, 1, rows);
}

/** A deadline as the Thời hạn table's cells. */
export function deadlineValues(d: Deadline): Record<string, Value> {
  return {
    content: d.content,
    unit: d.unit,
    recipient: d.recipient,
    due: date(d.due),
    time: time(d.time),
    done: date(d.done),
    note: d.note,
  };
}

/** A member as the Thành viên table's cells; `no` numbers them when the text did not. */
export function memberValues(m: Member, no: number): Record<string, Value> {
  return { no: m.no ?? no, name: m.name, position: m.position, role: m.role, hamlet: m.hamlet };
}

/** The number format a column's cells get (dates, times, metres, money). */
export function columnFormat(c: ColumnSpec): string | undefined {
  return FORMAT_OF[c.kind];
}

function deadlineSheet(plan: Plan): SheetLayout {
  return tableSheet(SHEET.deadlines, DEADLINES_TABLE, 1, plan.deadlines.map(deadlineValues));
}

function memberSheet(plan: Plan): SheetLayout {
  const rows = plan.members.map((m, i) => memberValues(m, i + 1));
  return tableSheet(SHEET.members, MEMBERS_TABLE, 1, rows);
}

/** Every sheet of the plan workbook, in the order a commune reads them, with rows sized for what they hold. */
export function planLayouts(plan: Plan): SheetLayout[] {
  const names = hamletSheetNames(plan.hamlets.map((h) => h.name));
  return [
    planSheet(plan),
    ...plan.hamlets.map((h, i) => hamletSheet(names[i], h)),
    { ...tableSheet(SHEET.commune, WORKS_TABLE, 1, workRows(plan.commune_works)) },
    journalSheet(plan),
    deadlineSheet(plan),
    memberSheet(plan),
  ].map(fitRowHeights);
}
