/** Reading and writing workbook files for the CLI, with Vietnamese errors instead of exceptions. */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import type { Grid } from "../core/grid";
import type { SheetLayout } from "../core/layout";
import { readWorkbookFile, workbookToGrid } from "./read";
import { addSheet, layoutsToWorkbook } from "./write";

/** An input problem to tell the user in one line (exit code 2). */
export class InputError extends Error {}

export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  if (!existsSync(path)) throw new InputError(`Không tìm thấy tệp "${path}".`);
  if (statSync(path).isDirectory())
    throw new InputError(`"${path}" là thư mục, không phải tệp Excel.`);
  try {
    return await readWorkbookFile(path);
  } catch {
    throw new InputError(`Không đọc được "${path}": tệp không phải Excel (.xlsx) hoặc đã bị hỏng.`);
  }
}

export async function readGrid(path: string): Promise<Grid> {
  return workbookToGrid(await openWorkbook(path));
}

async function save(wb: ExcelJS.Workbook, path: string): Promise<void> {
  try {
    mkdirSync(dirname(path), { recursive: true });
    await wb.xlsx.writeFile(path);
  } catch (e) {
    throw new InputError(
      `Không ghi được "${path}": ${(e as NodeJS.ErrnoException).code === "EACCES" ? "không có quyền ghi" : "đường dẫn không hợp lệ hoặc tệp đang mở"}.`
    );
  }
}

export async function writeLayouts(path: string, layouts: SheetLayout[]): Promise<void> {
  await save(layoutsToWorkbook(layouts), path);
}

/** Adds (or replaces) one sheet in an existing workbook file. */
export async function replaceSheet(
  wb: ExcelJS.Workbook,
  path: string,
  layout: SheetLayout
): Promise<void> {
  const old = wb.getWorksheet(layout.name);
  if (old) wb.removeWorksheet(old.id);
  addSheet(wb, layout);
  await save(wb, path);
}
