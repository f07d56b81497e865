/** The state of one read of a plan workbook, and reading one table row's cells by their kind. */
import { CellReader } from "./cells";
import { type Finding, finding } from "./findings";
import { type Grid, type GridSheet, type GridValue, isBlank } from "./grid";
import type { LeftOut, LeftOutInto } from "./left-out";
import { type FieldLimit, JOURNAL_LIMITS, MEASURE_LIMITS } from "./limits";
import type { SourceRef } from "./model";
import { type ColumnSpec, JOURNAL_INDICATOR_COLUMNS, type TableSpec } from "./sheets";
import { type SheetRoles, roleSheet, sheetRoles } from "./sheet-roles";
import { type FoundTable, type TableRow, findTable } from "./table";

export type Fields = Record<string, string | number | null>;

/** What a figure may plausibly be, by field: a journal row's indicators, a work's measures. */
const FIELD_LIMITS: Record<string, FieldLimit> = { ...JOURNAL_LIMITS, ...MEASURE_LIMITS };

export const MEASURE_FIELDS = Object.keys(MEASURE_LIMITS);
export const INDICATOR_FIELDS = JOURNAL_INDICATOR_COLUMNS.map(([key]) => key as string);

/** What reading a workbook collects as it goes: the sheets chosen, the findings and the cells left out. */
export class PlanReader {
  readonly cells = new CellReader();
  readonly findings: Finding[] = [];
  readonly leftOut: LeftOut[] = [];
  readonly roles: SheetRoles;
  /** The campaign's year, for dates typed as day and month only ("24/12"). */
  year: number | undefined;

  constructor(grid: Grid) {
    this.roles = sheetRoles(grid.sheets);
    this.findings.push(...this.roles.findings);
  }

  requireSheet(name: string, severity: "error" | "warning" = "error"): GridSheet | undefined {
    const found = roleSheet(this.roles, name);
    if (!found) {
      this.findings.push(
        finding(
          "SHEET_MISSING",
          severity,
          { sheet: name, cell: null },
          `Thiếu trang tính "${name}".`
        )
      );
    }
    if (found) this.noteClipped(found);
    return found;
  }

  /** An older Excel could read only part of a sheet whose used range reaches far out (a value at XFD1048576). */
  noteClipped(sheet: GridSheet): void {
    if (!sheet.clipped) return;
    const { read, used } = sheet.clipped;
    this.findings.push(
      finding(
        "SHEET_TOO_LARGE",
        "error",
        { sheet: sheet.name, cell: null },
        `Trang "${sheet.name}" có ô có dữ liệu ở xa (vùng dùng ${used}); phiên bản Excel này chỉ đọc được vùng ${read}. Xóa các ô thừa ngoài bảng rồi chạy lại.`,
        { actual: used }
      )
    );
  }

  /** A finding at `cell` for a row whose figures are left out because a key cell is empty. */
  missingKey(sheet: GridSheet, cell: string, message: string): void {
    this.findings.push(finding("VALUE_INVALID", "error", { sheet: sheet.name, cell }, message));
  }

  table(sheet: GridSheet, spec: TableSpec): FoundTable | null {
    const found = findTable(sheet, spec);
    const where = { sheet: sheet.name, cell: found ? `A${found.headerRow}` : "A1" };
    if (!found) {
      const headers = spec.columns
        .filter((c) => c.required)
        .map((c) => c.header)
        .join(", ");
      this.findings.push(
        finding(
          "HEADER_MISSING",
          "error",
          where,
          `Trang "${sheet.name}": không tìm thấy hàng tiêu đề của bảng ${spec.name} trong 10 hàng đầu (cần các cột ${headers}).`
        )
      );
      return null;
    }
    for (const c of found.missing) {
      this.findings.push(
        finding(
          "HEADER_MISSING",
          "error",
          where,
          `Trang "${sheet.name}": bảng ${spec.name} thiếu cột "${c.header}".`,
          { expected: c.header }
        )
      );
    }
    for (const s of found.shadowed) {
      this.findings.push(
        finding(
          "HEADER_MISSING",
          "error",
          { sheet: sheet.name, cell: `${s.ignored}${found.headerRow}` },
          `Trang "${sheet.name}": cột ${s.ignored} và cột ${s.kept} cùng tiêu đề "${s.header}" (ô tiêu đề gộp?); chỉ đọc cột ${s.kept}, số liệu cột ${s.ignored} không được cộng. Tách ô tiêu đề và đặt đúng tên cột.`,
          { expected: s.kept, actual: s.ignored }
        )
      );
    }
    return found;
  }

  /** Every column of a table row, read by its kind; `flagged` names the filled cells that could not count. */
  fields(
    sheet: GridSheet,
    table: FoundTable,
    row: TableRow,
    spec: TableSpec
  ): { values: Fields; ref: SourceRef; flagged: string[] } {
    const ref: SourceRef = { sheet: sheet.name, row: row.row, cols: table.cols };
    const values: Fields = {};
    const flagged: string[] = [];
    for (const c of spec.columns) {
      const value = row.cells[c.field];
      if (value === undefined) {
        values[c.field] = null;
        continue;
      }
      values[c.field] = this.read(c, value, {
        sheet: sheet.name,
        cell: `${table.cols[c.field]}${row.row}`,
      });
      if (values[c.field] === null || values[c.field] === "")
        if (!isBlank(value)) flagged.push(c.field);
    }
    return { values, ref, flagged };
  }

  /** Records each flagged cell of a row as left out of the figures it feeds. */
  leaveOut(ref: SourceRef, fields: string[], into: LeftOutInto): void {
    for (const field of fields)
      this.leftOut.push({ ...into, sheet: ref.sheet, cell: `${ref.cols[field]}${ref.row}`, field });
  }

  read(
    c: ColumnSpec,
    value: GridValue,
    where: { sheet: string; cell: string }
  ): string | number | null {
    switch (c.kind) {
      case "text":
      case "hamlet":
        return this.cells.text(value, where, c.header);
      case "date":
        return this.cells.date(value, where, c.header, this.year);
      case "time":
        return this.cells.time(value, where, c.header);
      case "category":
        return this.cells.category(value, where, c.header)?.key ?? null;
      default:
        return this.cells.number(c.kind, value, where, c.header, FIELD_LIMITS[c.field]);
    }
  }
}
