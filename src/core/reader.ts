/** Reads a plan workbook (as plain grids) into the model, with a finding for every cell it cannot read. */
import type { CategoryKey } from "./categories";
import { parseDate } from "./dates";
import { type Finding, finding } from "./findings";
import { type Grid, type GridSheet, type GridValue, cellText, isBlank } from "./grid";
import type { LeftOut, LeftOutInto } from "./left-out";
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
import { type Fields, INDICATOR_FIELDS, MEASURE_FIELDS, PlanReader } from "./plan-reader";
import {
  DEADLINES_TABLE,
  HAMLET_NAME_LABEL,
  JOURNAL_TABLE,
  MEMBERS_TABLE,
  RESPONSIBLE_LABEL,
  SETTINGS,
  SHEET,
  TARGETS_TABLE,
  WORKS_TABLE,
} from "./sheets";
import { hamletOfSheet } from "./sheet-roles";
import { type FoundTable, type TableRow, findLabelValues, findTable } from "./table";
import { bareHamletName, hamletKey } from "./text";

export interface ReadResult {
  plan: Plan;
  findings: Finding[];
  /** Flagged cells the figures leave out. */
  leftOut: LeftOut[];
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

/** The hamlet a sheet is for: its "Tên ấp" cell, since the sheet's name may be shortened or made safe for
 * Excel ("Ấp 19-5" for 19/5), else the sheet's name. The label stands above the table, in the first rows. */
function hamletName(sheet: GridSheet): string {
  const label = findLabelValues(sheet, [{ field: "name", names: [HAMLET_NAME_LABEL] }], 11).get(
    "name"
  );
  return bareHamletName(cellText(label?.value ?? null)) || hamletOfSheet(sheet.name);
}

function readHamlet(r: PlanReader, sheet: GridSheet): Hamlet {
  const name = hamletName(sheet);
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
    r.noteClipped(sheet);
    return readHamlet(r, sheet);
  });
  if (!hamlets.length) {
    r.findings.push(
      finding(
        "SHEET_MISSING",
        "error",
        { sheet: null, cell: null },
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
