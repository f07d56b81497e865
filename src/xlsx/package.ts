/**
 * Whether a file is an .xlsx workbook worth opening, decided from its bytes before any parsing: an
 * .xlsx is a zip holding xl/workbook.xml, and the sizes its central directory declares bound what
 * unpacking it would cost (a 0.25 MB file can unpack to 250 MB).
 */
import { formatVietnameseNumber } from "../core/quantity";

/** More than any plan workbook unpacks to; a file beyond it is damaged or not a plan workbook. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const U32_MAX = 0xffffffff;

export interface ZipEntry {
  name: string;
  /** Declared uncompressed size in bytes. */
  size: number;
}

function findEndOfDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--)
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) return i;
  return -1;
}

/** Where the central directory starts and how many entries it has (zip64 when the plain record overflows). */
function directory(bytes: Buffer, end: number): { offset: number; count: number } | null {
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (offset !== U32_MAX && count !== 0xffff) return { offset, count };
  const locator = end - 20;
  if (locator < 0 || bytes.readUInt32LE(locator) !== ZIP64_LOCATOR) return null;
  const record = Number(bytes.readBigUInt64LE(locator + 8));
  if (record + 56 > bytes.length) return null;
  return {
    count: Number(bytes.readBigUInt64LE(record + 32)),
    offset: Number(bytes.readBigUInt64LE(record + 48)),
  };
}

/** The uncompressed size, from the zip64 extra field when the 32-bit one overflows. */
function entrySize(bytes: Buffer, at: number, extraStart: number, extraEnd: number): number {
  const size = bytes.readUInt32LE(at + 24);
  if (size !== U32_MAX) return size;
  for (let i = extraStart; i + 4 <= extraEnd;) {
    const id = bytes.readUInt16LE(i);
    const length = bytes.readUInt16LE(i + 2);
    if (id === 0x0001 && length >= 8) return Number(bytes.readBigUInt64LE(i + 4));
    i += 4 + length;
  }
  return Infinity;
}

/** The entries a zip's central directory declares, or null when the bytes are not a readable zip. */
export function zipEntries(bytes: Buffer): ZipEntry[] | null {
  const end = findEndOfDirectory(bytes);
  const dir = end < 0 ? null : directory(bytes, end);
  if (!dir) return null;
  const entries: ZipEntry[] = [];
  let at = dir.offset;
  for (let i = 0; i < dir.count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength > bytes.length) return null;
    const name = bytes.toString("utf8", at + 46, nameEnd);
    entries.push({ name, size: entrySize(bytes, at, nameEnd, nameEnd + extraLength) });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

const megabytes = (n: number) => `${formatVietnameseNumber(Math.ceil(n / (1024 * 1024)))} MB`;

/**
 * Why `bytes` cannot be opened as a plan workbook, in a Vietnamese sentence that follows the file's name,
 * or null when it can.
 */
export function workbookProblem(bytes: Buffer): string | null {
  if (bytes.subarray(0, OLE2.length).equals(OLE2))
    return "là sổ Excel cũ (.xls) hoặc sổ có đặt mật khẩu, không phải sổ Excel .xlsx; hãy mở bằng Excel và lưu lại dạng .xlsx (không đặt mật khẩu).";
  const entries = zipEntries(bytes);
  if (!entries) return "không phải sổ Excel (.xlsx) hoặc đã bị hỏng.";
  const names = new Set(entries.map((e) => e.name.replace(/^\//, "")));
  if (names.has("content.xml") && names.has("mimetype"))
    return "là bảng tính OpenDocument (.ods), không phải sổ Excel; hãy mở bằng LibreOffice hoặc Excel và lưu lại dạng .xlsx.";
  if (names.has("xl/workbook.bin"))
    return "là sổ Excel nhị phân (.xlsb), không phải sổ Excel .xlsx; hãy mở bằng Excel và lưu lại dạng .xlsx.";
  if (!names.has("xl/workbook.xml"))
    return "không phải sổ Excel (.xlsx): tệp nén không có phần sổ tính (xl/workbook.xml).";
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > MAX_UNPACKED_BYTES)
    return `giải nén ra ${megabytes(total)}, quá ${megabytes(MAX_UNPACKED_BYTES)} một sổ kế hoạch có thể có; tệp bị hỏng hoặc không phải sổ kế hoạch.`;
  return null;
}
