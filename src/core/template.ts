/** The plan workbook as sheet layouts: empty for `danvan new`, filled from a plan for `danvan import`. */
import { CATEGORIES, category } from "./categories";
import { dateToExcelSerial, formatTime } from "./dates";
import { FORMAT, type LayoutCell, type ListValidation, type SheetLayout } from "./layout";
import { fitRowHeights, worksheetPrint } from "./print";
import type { Measures, Plan, Settings, Work } from "./model";
import {
  type ColumnSpec,
  DEADLINES_TABLE,
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

type Value = string | number | null;

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

function hamletSheet(name: string, responsible: string, works: Work[]): SheetLayout {
  const above: LayoutCell[] = [
    { row: 1, col: 1, value: `${HAMLET_SHEET_PREFIX}${name}`.toUpperCase(), bold: true, size: 14 },
    { row: 2, col: 1, value: RESPONSIBLE_LABEL, bold: true },
    { row: 2, col: 3, value: responsible || null },
  ];
  return {
    ...tableSheet(`${HAMLET_SHEET_PREFIX}${name}`, WORKS_TABLE, 4, workRows(works), above),
    merges: ["A2:B2"],
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

function deadlineSheet(plan: Plan): SheetLayout {
  const rows = plan.deadlines.map((d) => ({
    content: d.content,
    unit: d.unit,
    recipient: d.recipient,
    due: date(d.due),
    time: time(d.time),
    done: date(d.done),
    note: d.note,
  }));
  return tableSheet(SHEET.deadlines, DEADLINES_TABLE, 1, rows);
}

function memberSheet(plan: Plan): SheetLayout {
  const rows = plan.members.map((m, i) => ({
    no: m.no ?? i + 1,
    name: m.name,
    position: m.position,
    role: m.role,
    hamlet: m.hamlet,
  }));
  return tableSheet(SHEET.members, MEMBERS_TABLE, 1, rows);
}

/** Every sheet of the plan workbook, in the order a commune reads them, with rows sized for what they hold. */
export function planLayouts(plan: Plan): SheetLayout[] {
  return [
    planSheet(plan),
    ...plan.hamlets.map((h) => hamletSheet(h.name, h.responsible, h.works)),
    { ...tableSheet(SHEET.commune, WORKS_TABLE, 1, workRows(plan.commune_works)) },
    journalSheet(plan),
    deadlineSheet(plan),
    memberSheet(plan),
  ].map(fitRowHeights);
}
