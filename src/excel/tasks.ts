/* global Excel */
/**
 * What the task pane and the ribbon do to the open workbook. Each reads what it needs in one batch
 * (readWorkbook: two syncs) and writes in one batch (one sync): three syncs at most, whatever the size.
 */
import { checkGrid } from "../core/checks";
import { readPlan } from "../core/reader";
import type { LocalDateTime } from "../core/dates";
import type { Finding } from "../core/findings";
import { findingsLayout } from "../core/findings-layout";
import type { SheetLayout } from "../core/layout";
import { type Plan, isEmptyPlan } from "../core/model";
import { mergePlan, mergeQuestion, mergeReport } from "../core/merge-plan";
import {
  type DailyReport,
  buildReport,
  defaultReportDate,
  reportDay,
  reportSheetName,
} from "../core/report";
import { reportLayout } from "../core/report-layout";
import { summaryLayout } from "../core/summary-layout";
import { type Totals, computeTotals } from "../core/totals";
import { readWorkbook } from "./read";
import { RequestBudget, queueCellWrites, queueSheet, suspendUntilSync } from "./write";

export interface Checked {
  plan: Plan;
  findings: Finding[];
  names: string[];
}

export async function checkWorkbook(
  context: Excel.RequestContext,
  asOf: LocalDateTime
): Promise<Checked> {
  const { grid, names } = await readWorkbook(context);
  return { ...checkGrid(grid, asOf), names };
}

/** The plan alone, for tasks that need its figures but not the findings. */
export async function readPlanFromWorkbook(
  context: Excel.RequestContext
): Promise<{ plan: Plan; names: string[] }> {
  const { grid, names } = await readWorkbook(context);
  return { plan: readPlan(grid).plan, names };
}

/** Writes sheets in one batch (the caller has the sheet names already) and shows the first; `more` queues
 * other writes into the same batch. */
async function writeSheets(
  context: Excel.RequestContext,
  layouts: SheetLayout[],
  names: string[],
  more: () => void = () => undefined
): Promise<void> {
  suspendUntilSync(context);
  const budget = new RequestBudget(context);
  const sheets: Excel.Worksheet[] = [];
  for (const l of layouts) sheets.push(await queueSheet(context, l, names, budget));
  more();
  sheets[0]?.activate();
  await context.sync();
}

/** Each outcome carries the plan it was made from, so the task pane can tell when the workbook changed. */
export type ReportOutcome =
  | { status: "written"; plan: Plan; report: DailyReport; sheet: string; replaced: boolean }
  | { status: "exists"; plan: Plan; report: DailyReport; sheet: string }
  | { status: "no-plan"; plan: Plan }
  | { status: "refused"; plan: Plan; reason: string };

/**
 * The daily report sheet for `date` (by default today, or the campaign's last day when today is outside it).
 * A workbook without a plan gets no sheet; nor does a plan without its campaign's dates or hamlets, or a day
 * outside the campaign (refused, with the reason). An existing sheet of that day is replaced only when
 * `replace` says so; otherwise the caller is told, to ask the user.
 */
export async function writeDailyReport(
  context: Excel.RequestContext,
  now: LocalDateTime,
  options: { date?: string; replace: boolean }
): Promise<ReportOutcome> {
  const { plan, names } = await readPlanFromWorkbook(context);
  if (isEmptyPlan(plan)) return { status: "no-plan", plan };
  const { date, refusal } = reportDay(plan, now.date, options.date);
  if (refusal) return { status: "refused", plan, reason: refusal };
  const report = buildReport(plan, date, now);
  const sheet = reportSheetName(date);
  const exists = names.includes(sheet);
  if (exists && !options.replace) return { status: "exists", plan, report, sheet };
  await writeSheets(context, [reportLayout(plan, report)], names);
  return { status: "written", plan, report, sheet, replaced: exists };
}

/** The day the report pane offers: today while the campaign runs, else its last day (two syncs). */
export async function reportDate(context: Excel.RequestContext, today: string): Promise<string> {
  return defaultReportDate((await readPlanFromWorkbook(context)).plan, today);
}

/** The ribbon's one click: never overwrites, a second report of the day gets "(2)". */
export async function writeDailyReportCopy(
  context: Excel.RequestContext,
  now: LocalDateTime
): Promise<{ status: "written"; sheet: string } | { status: "refused"; reason: string }> {
  const { plan, names } = await readPlanFromWorkbook(context);
  const { date, refusal } = reportDay(plan, now.date);
  if (refusal) return { status: "refused", reason: refusal };
  const layout = reportLayout(plan, buildReport(plan, date, now));
  let name = layout.name;
  for (let n = 2; names.includes(name); n++) name = `${layout.name} (${n})`;
  await writeSheets(context, [{ ...layout, name }], names);
  return { status: "written", sheet: name };
}

/** The Kiểm tra sheet (replaced each time): for the ribbon button that runs without the task pane. */
export async function writeFindingsSheet(
  context: Excel.RequestContext,
  now: LocalDateTime
): Promise<Finding[]> {
  const { findings, names } = await checkWorkbook(context, now);
  await writeSheets(context, [findingsLayout(findings, now)], names);
  return findings;
}

/** The workbook's sheet names (one sync). */
async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  return sheets.items.map((s) => s.name);
}

/**
 * A sheet made from data the workbook does not hold (the upper level's roll-up TH dd-mm-yyyy, the enrolment
 * codes of Mã đăng ký), written and shown in two syncs; one of the same name is replaced.
 */
export async function writeLayoutSheet(
  context: Excel.RequestContext,
  layout: SheetLayout
): Promise<{ replaced: boolean }> {
  const names = await sheetNames(context);
  await writeSheets(context, [layout], names);
  return { replaced: names.includes(layout.name) };
}

export type PlanOutcome =
  { status: "confirm"; question: string } | { status: "written"; message: string };

/**
 * Writes an imported plan into the open workbook (three syncs). Journal rows, deadlines and members already
 * there are kept (the plan's new deadlines and members are added below them); when the write would replace
 * sheets holding data, nothing is written until `replace` says so, and the caller gets the question to ask.
 */
export async function writePlanWorkbook(
  context: Excel.RequestContext,
  plan: Plan,
  options: { replace: boolean }
): Promise<PlanOutcome> {
  const { grid, names } = await readWorkbook(context);
  const merge = mergePlan(grid, plan);
  if (merge.replaces.length && !options.replace)
    return { status: "confirm", question: mergeQuestion(merge) };
  const sheets = context.workbook.worksheets;
  await writeSheets(context, merge.layouts, names, () => {
    for (const a of merge.appends) queueCellWrites(sheets.getItem(a.sheet), a.writes);
    for (const name of merge.removed) sheets.getItem(name).delete();
  });
  return { status: "written", message: mergeReport(merge) };
}

/**
 * The Tổng hợp sheet with a real Excel chart of progress per hamlet, so it prints and travels with the file.
 * A workbook without a plan gets no sheet (totals null): an empty table would only confuse.
 */
export async function writeSummary(
  context: Excel.RequestContext
): Promise<{ plan: Plan; totals: Totals | null }> {
  const { plan, names } = await readPlanFromWorkbook(context);
  if (isEmptyPlan(plan)) return { plan, totals: null };
  const totals = computeTotals(plan);
  const summary = summaryLayout(plan, totals);
  suspendUntilSync(context);
  const ws = await queueSheet(context, summary.layout, names);
  const chart = ws.charts.add(
    Excel.ChartType.barClustered,
    ws.getRange(summary.chartRange),
    Excel.ChartSeriesBy.columns
  );
  chart.title.text = summary.chartTitle;
  chart.legend.visible = false;
  chart.axes.valueAxis.maximum = 1;
  chart.setPosition(...summary.chartAt);
  ws.activate();
  await context.sync();
  return { plan, totals };
}

/** Selects a finding's cell (one sync). */
export async function selectCell(
  context: Excel.RequestContext,
  sheet: string,
  cell: string | null
): Promise<void> {
  const ws = context.workbook.worksheets.getItem(sheet);
  ws.activate();
  ws.getRange(cell ?? "A1").select();
  await context.sync();
}
