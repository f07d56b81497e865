/** Findings: what a check reports, each tied to a sheet and cell. */
import { z } from "zod";
import type { SourceRef } from "./model";

export const FINDING_CODES = [
  "SHEET_MISSING",
  "HAMLET_UNKNOWN",
  "HAMLET_DUPLICATE",
  "SHEET_DUPLICATE",
  "SHEET_TOO_LARGE",
  "HEADER_MISSING",
  "VALUE_INVALID",
  "VALUE_NEGATIVE",
  "VALUE_IMPLAUSIBLE",
  "CATEGORY_UNKNOWN",
  "FORMULA_ERROR",
  "DATE_OUTSIDE_CAMPAIGN",
  "DATE_ORDER",
  "TARGET_MISMATCH",
  "AMOUNT_MISMATCH",
  "AMOUNT_IMPLAUSIBLE",
  "RESPONSIBLE_MISSING",
  "REPORT_MISSING",
  "REPORT_LATE",
  "REPORT_DUPLICATE",
  "PROGRESS_EXCEEDS_PLAN",
  "RATIO_BELOW_TARGET",
  "DEADLINE_OVERDUE",
  "DEADLINE_LATE",
  "DEADLINE_SOON",
] as const;
export type FindingCode = (typeof FINDING_CODES)[number];
export type Severity = "error" | "warning" | "info";

export const Finding = z.object({
  code: z.enum(FINDING_CODES),
  severity: z.enum(["error", "warning", "info"]),
  sheet: z.string().nullable(),
  cell: z.string().nullable(),
  message: z.string(),
  expected: z.union([z.number(), z.string()]).optional(),
  actual: z.union([z.number(), z.string()]).optional(),
  suggestion: z.string().optional(),
});
export type Finding = z.infer<typeof Finding>;

export function finding(
  code: FindingCode,
  severity: Severity,
  where: { sheet: string | null; cell: string | null },
  message: string,
  extra: Partial<Pick<Finding, "expected" | "actual" | "suggestion">> = {}
): Finding {
  return { code, severity, sheet: where.sheet, cell: where.cell, message, ...extra };
}

/** The sheet and cell of a record's field (the row's first column when the field has none). */
export function at(
  ref: SourceRef | undefined,
  field?: string
): { sheet: string | null; cell: string | null } {
  if (!ref) return { sheet: null, cell: null };
  const col = (field && ref.cols[field]) || Object.values(ref.cols)[0] || "A";
  return { sheet: ref.sheet, cell: `${col}${ref.row}` };
}

export function summarize(findings: readonly Finding[]): {
  errors: number;
  warnings: number;
  infos: number;
} {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  return { errors: count("error"), warnings: count("warning"), infos: count("info") };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}
