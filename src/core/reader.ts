/** Reads a plan workbook (as plain grids) into the model, with a finding for every cell it cannot read. */
import { CellReader } from "./cells";
import { type Finding, finding } from "./findings";
import { type CellValue, type Grid, type GridSheet, cellText } from "./grid";
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
import { type FoundTable, type TableRow, findLabelValues, findTable } from "./table";
import { bareHamletName, foldUndoubled, hamletKey } from "./text";
import { parseDate } from "./dates";

export interface ReadResult {
  plan: Plan;
  findings: Finding[];
}

type Fields = Record<string, string | number | null>;

class PlanReader {
  readonly cells = new CellReader();
  readonly findings: Finding[] = [];
  /** The campaign's year, for dates typed as day and month only ("24/12"). */
  year: number | undefined;

  constructor(private readonly grid: Grid) {}

  sheet(name: string): GridSheet | undefined {
    return this.grid.sheets.find((s) => foldUndoubled(s.name) === foldUndoubled(name));
  }

  requireSheet(name: string, severity: "error" | "warning" = "error"): GridSheet | undefined {
    const found = this.sheet(name);
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
    return found;
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
    return found;
  }

  /** Every column of a table row, read by its kind. */
  fields(
    sheet: GridSheet,
    table: FoundTable,
    row: TableRow,
    spec: TableSpec
  ): { values: Fields; ref: SourceRef } {
    const ref: SourceRef = { sheet: sheet.name, row: row.row, cols: table.cols };
    const values: Fields = {};
    for (const c of spec.columns) {
      const value = row.cells[c.field];
      values[c.field] =
        value === undefined
          ? null
          : this.read(c, value, { sheet: sheet.name, cell: `${table.cols[c.field]}${row.row}` });
    }
    return { values, ref };
  }

  read(
    c: ColumnSpec,
    value: CellValue,
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
        return this.cells.number(c.kind, value, where, c.header);
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

function readTargets(r: PlanReader, sheet: GridSheet, table: FoundTable): Target[] {
  return table.rows.map((row) => {
    const { values, ref } = r.fields(sheet, table, row, TARGETS_TABLE);
    return {
      ...toMeasures(values),
      category: values.category as Target["category"],
      note: str(values.note),
      ref,
    };
  });
}

function readWorks(r: PlanReader, sheet: GridSheet): { works: Work[]; headerRow: number } {
  const table = r.table(sheet, WORKS_TABLE);
  if (!table) return { works: [], headerRow: 11 };
  const works = table.rows.map((row) => {
    const { values, ref } = r.fields(sheet, table, row, WORKS_TABLE);
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
  const { works, headerRow } = readWorks(r, sheet);
  const label = findLabelValues(
    sheet,
    [{ field: "responsible", names: [RESPONSIBLE_LABEL, "Phụ trách"] }],
    headerRow
  ).get("responsible");
  const responsible = label
    ? r.cells.text(label.value, { sheet: sheet.name, cell: label.cell }, RESPONSIBLE_LABEL)
    : "";
  return {
    name: bareHamletName(sheet.name),
    responsible,
    works,
    sheet: sheet.name,
    ...(label ? { responsibleCell: label.cell } : {}),
  };
}

/** "Giờ gửi" may carry its own day ("11/12/2024 08:10", or a serial with a date part). */
function sentDate(value: CellValue): string | null {
  if (typeof value === "number") return value >= 1 ? parseDate(Math.floor(value)) : null;
  const m = /(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})/.exec(cellText(value));
  return m ? parseDate(m[1]) : null;
}

function readJournal(r: PlanReader, sheet: GridSheet): JournalRow[] {
  const table = r.table(sheet, JOURNAL_TABLE);
  if (!table) return [];
  return table.rows.map((row) => {
    const { values, ref } = r.fields(sheet, table, row, JOURNAL_TABLE);
    const indicators: Record<string, number> = {};
    for (const [key] of JOURNAL_INDICATOR_COLUMNS)
      if (typeof values[key] === "number") indicators[key] = values[key] as number;
    const date = str(values.date) || null;
    return {
      date,
      hamlet: bareHamletName(str(values.hamlet)),
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

export function isHamletSheet(name: string): boolean {
  return /^ap \S/.test(foldUndoubled(name));
}

function readHamlets(r: PlanReader, sheets: GridSheet[]): Hamlet[] {
  const hamlets: Hamlet[] = [];
  const seen = new Map<string, string>();
  for (const sheet of sheets.filter((s) => isHamletSheet(s.name))) {
    const key = hamletKey(sheet.name);
    const first = seen.get(key);
    if (first) {
      r.findings.push(
        finding(
          "HAMLET_DUPLICATE",
          "error",
          { sheet: sheet.name, cell: null },
          `Trang "${sheet.name}" trùng ấp với trang "${first}"; gộp hai trang làm một.`,
          { actual: sheet.name }
        )
      );
      continue;
    }
    seen.set(key, sheet.name);
    hamlets.push(readHamlet(r, sheet));
  }
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
  const hamlets = readHamlets(r, grid.sheets);
  const communeSheet = r.requireSheet(SHEET.commune, "warning");
  const journalSheet = r.requireSheet(SHEET.journal);
  const deadlineSheet = r.requireSheet(SHEET.deadlines);
  const memberSheet = r.requireSheet(SHEET.members);
  const plan: Plan = {
    settings,
    targets,
    hamlets,
    commune_works: communeSheet ? readWorks(r, communeSheet).works : [],
    journal: journalSheet ? readJournal(r, journalSheet) : [],
    deadlines: deadlineSheet ? readDeadlines(r, deadlineSheet) : [],
    members: memberSheet ? readMembers(r, memberSheet) : [],
  };
  return { plan: withKnownHamletNames(plan), findings: [...r.findings, ...r.cells.findings] };
}
