/**
 * An imported plan written into a workbook that may already hold one. The plan's own sheets (Kế hoạch, the
 * hamlets, Toàn xã) are written anew; Nhật ký, Thời hạn and Thành viên are never rewritten when they hold
 * their table: journal rows stay as typed, and the plan's deadlines and members that are not there yet are
 * added below. Anything that would be replaced is named first, so the user can be asked.
 */
import type { CellWrite } from "./journal-writes";
import { type Grid, type GridSheet, isBlank } from "./grid";
import type { SheetLayout } from "./layout";
import type { Plan } from "./model";
import { readPlan } from "./reader";
import { isHamletSheet, roleSheet, sheetRoles } from "./sheet-roles";
import {
  DEADLINES_TABLE,
  MEMBERS_TABLE,
  JOURNAL_TABLE,
  SHEET,
  type TableSpec,
  TARGETS_TABLE,
  WORKS_TABLE,
} from "./sheets";
import { type FoundTable, findTable } from "./table";
import {
  type Value,
  columnFormat,
  deadlineValues,
  memberValues,
  planLayouts,
  sheetNameKey,
} from "./template";
import { fold, hamletKey } from "./text";

export interface PlanMerge {
  /** Sheets written whole: new, or replacing the sheet of the same name. */
  layouts: SheetLayout[];
  /** Old sheets the plan's sheets take the place of under another name ("Ap Cau" for "Ấp Cầu"). */
  removed: string[];
  /** Rows added below the existing Thời hạn and Thành viên tables. */
  appends: { sheet: string; writes: CellWrite[] }[];
  /** Existing sheets whose content the write replaces, and what they hold: ask first. */
  replaces: { sheet: string; holds: string }[];
  /** What stays as it is. */
  kept: { journal: number; deadlines: number; members: number; sheets: string[] };
  added: { deadlines: number; members: number };
}

const sameSheetName = (a: string, b: string) => sheetNameKey(a) === sheetNameKey(b);

function hasContent(sheet: GridSheet): boolean {
  return sheet.rows.some((r) => r.some((v) => !isBlank(v)));
}

/** What an existing sheet holds that replacing it would lose, or null when it holds nothing of value. */
function holdings(sheet: GridSheet, plan: Plan, isPlanSheet: boolean): string | null {
  const table = findTable(
    sheet,
    isPlanSheet ? TARGETS_TABLE : WORKS_TABLE,
    isPlanSheet ? Infinity : undefined
  );
  if (!table) return hasContent(sheet) ? "nội dung khác" : null;
  if (isPlanSheet) {
    const { name, start } = plan.settings;
    if (!plan.targets.length && !name && !start) return null;
    return [name && `kế hoạch "${name}"`, `${plan.targets.length} chỉ tiêu`]
      .filter(Boolean)
      .join(", ");
  }
  const hamlet = plan.hamlets.find((h) => h.sheet === sheet.name);
  const works = hamlet ? hamlet.works : plan.commune_works;
  if (!works.length && !hamlet?.responsible) return null;
  return `${works.length} công việc${hamlet?.responsible ? `, người phụ trách ${hamlet.responsible}` : ""}`;
}

/** Rows below the last row of a found table, each field in its own column. */
function appendWrites(
  table: FoundTable,
  spec: TableSpec,
  rows: Record<string, Value>[]
): CellWrite[] {
  let next = table.rows.reduce((n, r) => Math.max(n, r.row), table.headerRow) + 1;
  return rows.map((values) => {
    const cells: CellWrite["cells"] = {};
    for (const c of spec.columns) {
      const col = table.cols[c.field];
      if (col) cells[col] = { value: values[c.field] ?? null, numFmt: columnFormat(c) };
    }
    return { row: next++, cells };
  });
}

const deadlineKey = (d: Plan["deadlines"][number]) => `${fold(d.content).slice(0, 80)}|${d.due}`;

export function mergePlan(grid: Grid, plan: Plan): PlanMerge {
  const { plan: old } = readPlan(grid);
  // The sheet the reader takes for each part (visible before hidden, the original before a copy).
  const roles = sheetRoles(grid.sheets);
  const partSheet = (name: string) => roleSheet(roles, name);
  const merge: PlanMerge = {
    layouts: [],
    removed: [],
    appends: [],
    replaces: [],
    kept: { journal: 0, deadlines: 0, members: 0, sheets: [] },
    added: { deadlines: 0, members: 0 },
  };
  const replace = (layout: SheetLayout, sheet: GridSheet | undefined, isPlanSheet = false) => {
    merge.layouts.push(layout);
    if (!sheet) return;
    if (!sameSheetName(sheet.name, layout.name)) merge.removed.push(sheet.name);
    const holds = holdings(sheet, old, isPlanSheet);
    if (holds) merge.replaces.push({ sheet: sheet.name, holds });
  };
  const layouts = planLayouts(plan);
  const layoutOf = (name: string) => layouts.find((l) => l.name === name)!;
  replace(layoutOf(SHEET.plan), partSheet(SHEET.plan), true);
  const hamletLayouts = layouts.slice(1, 1 + plan.hamlets.length);
  const taken = new Set<string>();
  plan.hamlets.forEach((h, i) => {
    const layout = hamletLayouts[i];
    const same = old.hamlets.find((o) => hamletKey(o.name) === hamletKey(h.name));
    const sheet =
      grid.sheets.find((s) => sameSheetName(s.name, layout.name)) ??
      (same && grid.sheets.find((s) => s.name === same.sheet));
    if (sheet) taken.add(sheet.name);
    replace(layout, sheet);
  });
  for (const o of old.hamlets) if (o.sheet && !taken.has(o.sheet)) merge.kept.sheets.push(o.sheet);
  replace(layoutOf(SHEET.commune), partSheet(SHEET.commune));
  keepOrWrite(merge, partSheet(SHEET.journal), JOURNAL_TABLE, layoutOf(SHEET.journal), () => {
    merge.kept.journal = old.journal.length;
    return [];
  });
  keepOrWrite(merge, partSheet(SHEET.deadlines), DEADLINES_TABLE, layoutOf(SHEET.deadlines), () => {
    const known = new Set(old.deadlines.map(deadlineKey));
    const fresh = plan.deadlines.filter((d) => !known.has(deadlineKey(d)));
    merge.kept.deadlines = old.deadlines.length;
    merge.added.deadlines = fresh.length;
    return fresh.map(deadlineValues);
  });
  keepOrWrite(merge, partSheet(SHEET.members), MEMBERS_TABLE, layoutOf(SHEET.members), () => {
    const known = new Set(old.members.map((m) => fold(m.name)));
    const fresh = plan.members.filter((m) => !known.has(fold(m.name)));
    merge.kept.members = old.members.length;
    merge.added.members = fresh.length;
    return fresh.map((m, i) => memberValues({ ...m, no: null }, old.members.length + i + 1));
  });
  return merge;
}

/** A sheet with its table is kept and gets `rows()` below it; without one it is written from the layout. */
function keepOrWrite(
  merge: PlanMerge,
  sheet: GridSheet | undefined,
  spec: TableSpec,
  layout: SheetLayout,
  rows: () => Record<string, Value>[]
): void {
  const table = sheet && findTable(sheet, spec);
  if (!sheet || !table) {
    merge.layouts.push(layout);
    if (sheet && !sameSheetName(sheet.name, layout.name)) merge.removed.push(sheet.name);
    if (sheet && hasContent(sheet))
      merge.replaces.push({ sheet: sheet.name, holds: "nội dung khác" });
    return;
  }
  const writes = appendWrites(table, spec, rows());
  if (writes.length) merge.appends.push({ sheet: sheet.name, writes });
}

function keptLine(m: PlanMerge): string {
  const parts = [
    m.kept.journal && `${m.kept.journal} dòng nhật ký`,
    m.kept.deadlines && `${m.kept.deadlines} thời hạn`,
    m.kept.members && `${m.kept.members} thành viên`,
    ...m.kept.sheets.map((s) => `trang "${s}"`),
  ].filter(Boolean);
  return parts.length ? `Giữ nguyên ${parts.join(", ")}.` : "";
}

/** The question to ask before a write that replaces something. */
export function mergeQuestion(m: PlanMerge): string {
  const replaced = m.replaces.map((r) => `trang "${r.sheet}" (${r.holds})`).join(", ");
  return [`Sổ đang có ${replaced}; ghi kế hoạch mới sẽ thay các trang này.`, keptLine(m), "Ghi đè?"]
    .filter(Boolean)
    .join(" ");
}

/** What the write did. */
export function mergeReport(m: PlanMerge): string {
  const hamlets = m.layouts.filter((l) => isHamletSheet(l.name)).length;
  const others = m.layouts.filter((l) => !isHamletSheet(l.name)).map((l) => l.name);
  const written = [
    ...others.slice(0, 1),
    ...(hamlets ? [`${hamlets} trang ấp`] : []),
    ...others.slice(1),
  ];
  const added =
    m.added.deadlines || m.added.members
      ? `Thêm ${m.added.deadlines} thời hạn và ${m.added.members} thành viên vào các trang có sẵn.`
      : "";
  return [`Đã ghi ${m.layouts.length} trang (${written.join(", ")}).`, added, keptLine(m)]
    .filter(Boolean)
    .join(" ");
}
