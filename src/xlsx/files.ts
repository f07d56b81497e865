/** Reading and writing workbook files for the CLI, with Vietnamese errors instead of exceptions. */
import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname } from "node:path";
import ExcelJS from "exceljs";
import type { Grid } from "../core/grid";
import type { SheetLayout } from "../core/layout";
import { InputError } from "./errors";
import { MAX_UNPACKED_BYTES, workbookProblem } from "./package";
import { workbookToGrid } from "./read";
import { addSheet, layoutsToWorkbook } from "./write";

export { InputError };

/** The workbook in `path`; anything that is not an .xlsx plan workbook is refused before it is parsed. */
export async function openWorkbook(path: string): Promise<ExcelJS.Workbook> {
  if (!existsSync(path)) throw new InputError(`Không tìm thấy tệp "${path}".`);
  const stat = statSync(path);
  if (stat.isDirectory()) throw new InputError(`"${path}" là thư mục, không phải tệp Excel.`);
  if (stat.size > MAX_UNPACKED_BYTES)
    throw new InputError(
      `"${path}" quá lớn để là một sổ kế hoạch; tệp bị hỏng hoặc không phải sổ kế hoạch.`
    );
  const bytes = readFileSync(path);
  const problem = workbookProblem(bytes);
  if (problem) throw new InputError(`"${path}" ${problem}`);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new InputError(
      `Không đọc được "${path}": tệp không phải sổ Excel (.xlsx) hoặc đã bị hỏng.`
    );
  }
  return wb;
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

/** One sheet into `path`: added to (or replacing its namesake in) a workbook already there, else a new file. */
export async function writeSheet(path: string, layout: SheetLayout): Promise<void> {
  if (existsSync(path)) await replaceSheet(await openWorkbook(path), path, layout);
  else await writeLayouts(path, [layout]);
}
