/** Reads a plan workbook (as plain grids) into the model, with a finding for every cell it cannot read. */
import { CellReader } from "./cells";
import { type Finding, finding } from "./findings";
import { type Grid, type GridSheet, type GridValue, cellText, isBlank } from "./grid";
import type { LeftOut, LeftOutInto } from "./left-out";
import { JOURNAL_LIMITS, MEASURE_LIMITS, type FieldLimit } from "./limits";
import type { CategoryKey } from "./categories";
import {
  type Deadline,
  type Hamlet,
  type JournalRow,
  type Member,
  type Plan,
  type Settings,
  type SourceRef,
  type Target,
  type Work,
  emptySettings,
} from "./model";
import {
  type ColumnSpec,
  DEADLINES_TABLE,
  JOURNAL_INDICATOR_COLUMNS,
  JOURNAL_TABLE,
  MEMBERS_TABLE,
  RESPONSIBLE_LABEL,
  SETTINGS,
  SHEET,
  TARGETS_TABLE,
  type TableSpec,
  WORKS_TABLE,
} from "./sheets";
import { type SheetRoles, hamletOfSheet, roleSheet, sheetRoles } from "./sheet-roles";
import { type FoundTable, type TableRow, findLabelValues, findTable } from "./table";
import { bareHamletName, hamletKey } from "./text";
import { parseDate } from "./dates";

export interface ReadResult {
  plan: Plan;
  findings: Finding[];
  /** Flagged cells the figures leave out. */
  leftOut: LeftOut[];
}

type Fields = Record<string, string | number | null>;

/** What a figure may plausibly be, by field: a journal row's indicators, a work's measures. */
const FIELD_LIMITS: Record<string, FieldLimit> = { ...JOURNAL_LIMITS, ...MEASURE_LIMITS };

const MEASURE_FIELDS = Object.keys(MEASURE_LIMITS);
const INDICATOR_FIELDS = JOURNAL_INDICATOR_COLUMNS.map(([key]) => key as string);

class PlanReader {
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
    if (found?.clipped) this.findings.push(clippedFinding(found, found.clipped));
    return found;
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

const str = (v: string | number | null | undefined) => (typeof v === "string" ? v : "");
const num = (v: string | number | null | undefined) => (typeof v === "number" ? v : null);

function readSettings(r: PlanReader, sheet: GridSheet, beforeRow: number): Settings {
  const settings = emptySettings();
  const cells: Record<string, string> = {};
  const found = findLabelValues(
    sheet,
    SETTINGS.map((s) => ({ field: s.field, names: [s.label, ...(s.aliases ?? [])] })),
    beforeRow
  );
  for (const spec of SETTINGS) {
    const hit = found.get(spec.field);
    if (!hit) continue;
    cells[spec.field] = hit.cell;
    const where = { sheet: sheet.name, cell: hit.cell };
    const target = settings as unknown as Record<string, unknown>;
    if (spec.kind === "ratio") target[spec.field] = r.cells.ratio(hit.value, where, spec.label);
    else
      target[spec.field] = r.read(
        { field: spec.field, header: spec.label, kind: spec.kind, width: 0 },
        hit.value,
        where
      );
  }
  return { ...settings, cells };
}

function toMeasures(v: Fields) {
  return {
    routes: num(v.routes),
    length_m: num(v.length_m),
    count: num(v.count),
    unit_price_vnd: num(v.unit_price_vnd),
    cost_vnd: num(v.cost_vnd),
  };
}

const hasAny = (row: TableRow, fields: string[]) => fields.some((f) => !isBlank(row.cells[f]));

/**
 * A works or Chỉ tiêu row leaves out its flagged measures, and all of them when it has no readable
 * category: figures without a Loại công việc count nowhere, so the empty cell is a finding.
 */
function leaveOutMeasures(
  r: PlanReader,
  sheet: GridSheet,
  row: TableRow,
  read: { values: Fields; ref: SourceRef; flagged: string[] },
  hamlet: string | null | undefined
): void {
  const category = (read.values.category as CategoryKey | null) ?? null;
  const into =
    hamlet === undefined
      ? { kind: "target" as const, category }
      : { kind: "work" as const, hamlet, category };
  r.leaveOut(
    read.ref,
    read.flagged.filter((f) => MEASURE_FIELDS.includes(f)),
    into
  );
  if (category || !hasAny(row, MEASURE_FIELDS)) return;
  if (isBlank(row.cells.category))
    r.missingKey(
      sheet,
      `${read.ref.cols.category}${row.row}`,
      `Dòng ${row.row} có số liệu nhưng thiếu "Loại công việc"; số liệu này không được cộng vào loại nào.`
    );
  r.leaveOut(read.ref, ["category"], into);
}

function readTargets(r: PlanReader, sheet: GridSheet, table: FoundTable): Target[] {
  return table.rows.map((row) => {
    const read = r.fields(sheet, table, row, TARGETS_TABLE);
    leaveOutMeasures(r, sheet, row, read, undefined);
    return {
      ...toMeasures(read.values),
      category: read.values.category as Target["category"],
      note: str(read.values.note),
      ref: read.ref,
    };
  });
}

function readWorks(
  r: PlanReader,
  sheet: GridSheet,
  hamlet: string | null
): { works: Work[]; headerRow: number } {
  const table = r.table(sheet, WORKS_TABLE);
  if (!table) return { works: [], headerRow: 11 };
  const works = table.rows.map((row) => {
    const read = r.fields(sheet, table, row, WORKS_TABLE);
    const { values, ref } = read;
    leaveOutMeasures(r, sheet, row, read, hamlet);
    return {
      ...toMeasures(values),
      category: values.category as Work["category"],
      description: str(values.description),
      place: str(values.place),
      start: str(values.start) || null,
      end: str(values.end) || null,
      responsible: str(values.responsible),
      note: str(values.note),
      ref,
    };
  });
  return { works, headerRow: table.headerRow };
}

function readHamlet(r: PlanReader, sheet: GridSheet): Hamlet {
  const name = hamletOfSheet(sheet.name);
  const { works, headerRow } = readWorks(r, sheet, name);
  const label = findLabelValues(
    sheet,
    [{ field: "responsible", names: [RESPONSIBLE_LABEL, "Phụ trách"] }],
    headerRow
  ).get("responsible");
  const responsible = label
    ? r.cells.text(label.value, { sheet: sheet.name, cell: label.cell }, RESPONSIBLE_LABEL)
    : "";
  return {
    name,
    responsible,
    works,
    sheet: sheet.name,
    ...(label ? { responsibleCell: label.cell } : {}),
  };
}

/** "Giờ gửi" may carry its own day ("11/12/2024 08:10", or a serial with a date part). */
function sentDate(value: GridValue): string | null {
  if (typeof value === "number") return value >= 24 ? parseDate(Math.floor(value)) : null;
  const m = /(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})/.exec(cellText(value));
  return m ? parseDate(m[1]) : null;
}

/**
 * A journal row with figures but no readable Ngày or Ấp counts nowhere: it is left out, and an empty key
 * cell is a finding there (an unreadable one already is).
 */
function leaveOutKeyless(
  r: PlanReader,
  sheet: GridSheet,
  row: TableRow,
  read: { ref: SourceRef; flagged: string[] },
  into: LeftOutInto
): void {
  if (!hasAny(row, INDICATOR_FIELDS)) return;
  const empty = (["date", "hamlet"] as const).filter((f) => isBlank(row.cells[f]));
  const out = empty[0] ?? ["date", "hamlet"].find((f) => read.flagged.includes(f));
  if (!out) return;
  if (empty.length) {
    const words = empty.map((f) => (f === "date" ? '"Ngày"' : '"Ấp"')).join(" và ");
    r.missingKey(
      sheet,
      `${read.ref.cols[out]}${row.row}`,
      `Dòng ${row.row} có số liệu nhưng thiếu ${words}; số liệu này không được cộng vào báo cáo.`
    );
  }
  r.leaveOut(read.ref, [out], into);
}

function readJournal(r: PlanReader, sheet: GridSheet): JournalRow[] {
  const table = r.table(sheet, JOURNAL_TABLE);
  if (!table) return [];
  return table.rows.map((row) => {
    const read = r.fields(sheet, table, row, JOURNAL_TABLE);
    const { values, ref } = read;
    const indicators: Record<string, number> = {};
    for (const key of INDICATOR_FIELDS)
      if (typeof values[key] === "number") indicators[key] = values[key] as number;
    const date = str(values.date) || null;
    const hamlet = bareHamletName(str(values.hamlet));
    const into = { kind: "journal" as const, hamlet, date };
    r.leaveOut(
      ref,
      read.flagged.filter((f) => INDICATOR_FIELDS.includes(f)),
      into
    );
    leaveOutKeyless(r, sheet, row, read, into);
    return {
      date,
      hamlet,
      values: indicators,
      note: str(values.note),
      reporter: str(values.reporter),
      sent_minutes: num(values.sent),
      sent_date: sentDate(row.cells.sent ?? null) ?? date,
      ref,
    };
  });
}

function readDeadlines(r: PlanReader, sheet: GridSheet): Deadline[] {
  const table = r.table(sheet, DEADLINES_TABLE);
  if (!table) return [];
  return table.rows.map((row) => {
    const { values, ref } = r.fields(sheet, table, row, DEADLINES_TABLE);
    return {
      content: str(values.content),
      unit: str(values.unit),
      recipient: str(values.recipient),
      due: str(values.due) || null,
      time: num(values.time),
      done: str(values.done) || null,
      note: str(values.note),
      ref,
    };
  });
}

function readMembers(r: PlanReader, sheet: GridSheet): Member[] {
  const table = r.table(sheet, MEMBERS_TABLE);
  if (!table) return [];
  return table.rows.map((row) => {
    const { values, ref } = r.fields(sheet, table, row, MEMBERS_TABLE);
    return {
      no: num(values.no),
      name: str(values.name),
      position: str(values.position),
      role: str(values.role),
      hamlet: bareHamletName(str(values.hamlet)),
      ref,
    };
  });
}

function readHamlets(r: PlanReader): Hamlet[] {
  const hamlets = r.roles.hamlets.map((sheet) => {
    if (sheet.clipped) r.findings.push(clippedFinding(sheet, sheet.clipped));
    return readHamlet(r, sheet);
  });
  if (!hamlets.length) {
    r.findings.push(
      finding(
        "SHEET_MISSING",
        "error",
        { sheet: "Ấp <Tên>", cell: null },
        `Không có trang tính nào của ấp (tên trang dạng "Ấp Cầu").`
      )
    );
  }
  return hamlets;
}

/** An older Excel could read only part of a sheet whose used range reaches far out (a stray value at XFD1048576). */
function clippedFinding(sheet: GridSheet, clipped: { read: string; used: string }): Finding {
  return finding(
    "SHEET_TOO_LARGE",
    "error",
    { sheet: sheet.name, cell: null },
    `Trang "${sheet.name}" có ô có dữ liệu ở xa (vùng dùng ${clipped.used}); phiên bản Excel này chỉ đọc được vùng ${clipped.read}. Xóa các ô thừa ngoài bảng rồi chạy lại.`,
    { actual: clipped.used }
  );
}

function readPlanSheet(r: PlanReader): { settings: Settings; targets: Target[] } {
  const sheet = r.requireSheet(SHEET.plan);
  if (!sheet) return { settings: emptySettings(), targets: [] };
  // Chỉ tiêu sits below the settings rows, so the whole sheet is searched for its header.
  const table = findTable(sheet, TARGETS_TABLE, Infinity);
  const settings = readSettings(r, sheet, table?.headerRow ?? Infinity);
  return { settings, targets: table ? readTargets(r, sheet, table) : [] };
}

/** Hamlet names typed loosely in the journal and member list ("ấp cầu") become the sheet's name ("Cầu"). */
function withKnownHamletNames(plan: Plan): Plan {
  const known = new Map(plan.hamlets.map((h) => [hamletKey(h.name), h.name]));
  const canonical = (name: string) => known.get(hamletKey(name)) ?? name;
  return {
    ...plan,
    journal: plan.journal.map((r) => ({ ...r, hamlet: canonical(r.hamlet) })),
    members: plan.members.map((m) => ({ ...m, hamlet: m.hamlet && canonical(m.hamlet) })),
  };
}

/** Reads every sheet the plan workbook has; missing or unreadable parts become findings, never exceptions. */
export function readPlan(grid: Grid): ReadResult {
  const r = new PlanReader(grid);
  const { settings, targets } = readPlanSheet(r);
  const anchor = settings.start ?? settings.issued;
  r.year = anchor ? Number(anchor.slice(0, 4)) : undefined;
  const hamlets = readHamlets(r);
  const communeSheet = r.requireSheet(SHEET.commune, "warning");
  const journalSheet = r.requireSheet(SHEET.journal);
  const deadlineSheet = r.requireSheet(SHEET.deadlines);
  const memberSheet = r.requireSheet(SHEET.members);
  const plan: Plan = {
    settings,
    targets,
    hamlets,
    commune_works: communeSheet ? readWorks(r, communeSheet, null).works : [],
    journal: journalSheet ? readJournal(r, journalSheet) : [],
    deadlines: deadlineSheet ? readDeadlines(r, deadlineSheet) : [],
    members: memberSheet ? readMembers(r, memberSheet) : [],
  };
  return {
    plan: withKnownHamletNames(plan),
    findings: [...r.findings, ...r.cells.findings],
    leftOut: r.leftOut,
  };
}
