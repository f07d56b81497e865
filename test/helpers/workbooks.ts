/** Real files for tests: plan workbooks changed one habit at a time with ExcelJS, and hand-made zips. */
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import type { Plan } from "../../src/core/model";
import { planLayouts } from "../../src/core/template";
import { writeLayouts } from "../../src/xlsx/files";

/** Writes `plan` as DanVan writes a plan workbook, then lets `edit` change it as a user would in Excel. */
export async function planFile(
  path: string,
  plan: Plan,
  edit?: (wb: ExcelJS.Workbook) => void
): Promise<string> {
  await writeLayouts(path, planLayouts(plan));
  if (edit) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    edit(wb);
    await wb.xlsx.writeFile(path);
  }
  return path;
}

export function sheetOf(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** A sheet copied the way Excel's "Move or Copy… → Create a copy" does, values and merges. */
export function copySheet(wb: ExcelJS.Workbook, from: string, name: string): ExcelJS.Worksheet {
  const source = sheetOf(wb, from);
  const copy = wb.addWorksheet(name);
  source.eachRow((row, r) => row.eachCell((cell, c) => (copy.getCell(r, c).value = cell.value)));
  return copy;
}

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** The zip's CRC-32 of `data`, continuing from `crc`. */
export function crc32(data: Buffer, crc = 0): number {
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

/** An entry already deflated (for contents too large to hold: its size and CRC as declared). */
export interface DeflatedEntry {
  name: string;
  compressed: Buffer;
  size: number;
  crc: number;
}

function header(signature: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  b.writeUInt32LE(signature, 0);
  return b;
}

function deflated(e: { name: string; data: Buffer | string } | DeflatedEntry): DeflatedEntry {
  if (!("data" in e)) return e;
  const data = Buffer.from(e.data);
  return { name: e.name, compressed: deflateRawSync(data), size: data.length, crc: crc32(data) };
}

/** A zip file of deflated entries, with a central directory as every zip reader expects. */
export function zipFile(
  entries: ({ name: string; data: Buffer | string } | DeflatedEntry)[]
): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const d of entries.map(deflated)) {
    const name = Buffer.from(d.name, "utf8");
    const local = header(0x04034b50, 30);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(d.crc, 14);
    local.writeUInt32LE(d.compressed.length, 18);
    local.writeUInt32LE(d.size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = header(0x02014b50, 46);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(d.crc, 16);
    entry.writeUInt32LE(d.compressed.length, 20);
    entry.writeUInt32LE(d.size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, d.compressed);
    central.push(entry, name);
    offset += local.length + name.length + d.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = header(0x06054b50, 22);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
