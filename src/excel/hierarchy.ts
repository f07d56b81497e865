/* global Excel */
/**
 * The open workbook's part in the hierarchy: the commune's report of a day read from it (two syncs), and the
 * sheets made from what the server answers — Mã đăng ký and the upper level's TH dd-mm-yyyy — written in two.
 */
import type { LocalDateTime } from "../core/dates";
import { type EnrolmentSheet, enrolmentLayout } from "../core/enrolment-layout";
import { type Plan, isEmptyPlan } from "../core/model";
import { reportDay } from "../core/report";
import {
  type CommunePlace,
  type NewCommuneReport,
  type Rollup,
  type RollupSettings,
  buildCommuneReport,
} from "../core/rollup";
import { rollupLayout } from "../core/rollup-layout";
import { readPlanFromWorkbook, writeLayoutSheet } from "./tasks";

type CommuneReportOutcome =
  | { status: "ready"; plan: Plan; report: NewCommuneReport }
  | { status: "no-plan"; plan: Plan }
  | { status: "refused"; plan: Plan; reason: string };

/**
 * The commune's report of `date` (by default the day Báo cáo ngày would take) as made at `now`, from the
 * workbook's plan and journal: what "Gửi báo cáo lên" sends. Refused like the BC sheet is.
 */
export async function readCommuneReport(
  context: Excel.RequestContext,
  now: LocalDateTime,
  place: CommunePlace,
  date?: string
): Promise<CommuneReportOutcome> {
  const { plan } = await readPlanFromWorkbook(context);
  if (isEmptyPlan(plan)) return { status: "no-plan", plan };
  const day = reportDay(plan, now.date, date);
  if (day.refusal) return { status: "refused", plan, reason: day.refusal };
  return { status: "ready", plan, report: buildCommuneReport(plan, day.date, now, place) };
}

interface Written {
  sheet: string;
  replaced: boolean;
}

/** Sheet "Mã đăng ký" of the codes given, replacing an older one. */
export async function writeEnrolmentSheet(
  context: Excel.RequestContext,
  sheet: EnrolmentSheet,
  madeAt: LocalDateTime
): Promise<Written> {
  const layout = enrolmentLayout(sheet, madeAt);
  return { sheet: layout.name, ...(await writeLayoutSheet(context, layout)) };
}

/** Sheet "TH dd-mm-yyyy" of the upper level's roll-up, replacing one of the same day. */
export async function writeRollupSheet(
  context: Excel.RequestContext,
  rollup: Rollup,
  settings: RollupSettings,
  madeAt: LocalDateTime
): Promise<Written> {
  const layout = rollupLayout(rollup, settings, madeAt);
  return { sheet: layout.name, ...(await writeLayoutSheet(context, layout)) };
}
