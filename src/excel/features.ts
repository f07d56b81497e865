/* global Office */
/**
 * The manifest declares ExcelApi 1.4 so the add-in installs on Excel 2019 and 2021; everything newer is
 * feature-detected here and skipped where the host lacks it.
 */
export const DECLARED_EXCEL_API = "1.4";

export const FEATURE = {
  suspendCalculation: "1.6",
  freezePanes: "1.7",
  dataValidation: "1.8",
  pageLayout: "1.9",
  autoFilter: "1.9",
  suspendScreenUpdating: "1.9",
  specialCells: "1.9",
  mergedAreas: "1.13",
  shapes: "1.9",
} as const;

export type Feature = keyof typeof FEATURE;

export function supports(feature: Feature): boolean {
  try {
    return Office.context.requirements.isSetSupported("ExcelApi", FEATURE[feature]);
  } catch {
    return false;
  }
}
