/** QR codes as PNG images, pure: the matrix from qrcode-generator, the PNG from png.ts. */
import qrcode from "qrcode-generator";
import { blackAndWhitePng, toBase64 } from "./png";

/** The white border a reader needs around the code, in modules (ISO/IEC 18004). */
const QUIET_ZONE = 4;

/**
 * The QR matrix of `text` (true = dark), error correction M (15 % of the code may be smudged), the smallest
 * version that holds it. Text is sent as UTF-8 bytes: URLs are ASCII already, anything else is percent-encoded.
 */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, "M");
  qr.addData(encodeURI(decodeURISafe(text)), "Byte");
  qr.make();
  const size = qr.getModuleCount();
  return Array.from({ length: size }, (_, row) =>
    Array.from({ length: size }, (_, col) => qr.isDark(row, col))
  );
}

/** A link that is already percent-encoded stays as it is. */
function decodeURISafe(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** The QR code of `text` as a base64 PNG, `pixelsPerModule` pixels to a module, with its quiet zone. */
export function qrPng(text: string, pixelsPerModule = 6): { base64: string; pixels: number } {
  const matrix = qrMatrix(text);
  const modules = matrix.length + 2 * QUIET_ZONE;
  const pixels = modules * pixelsPerModule;
  const png = blackAndWhitePng(pixels, pixels, (x, y) => {
    const row = Math.floor(y / pixelsPerModule) - QUIET_ZONE;
    const col = Math.floor(x / pixelsPerModule) - QUIET_ZONE;
    return matrix[row]?.[col] === true;
  });
  return { base64: toBase64(png), pixels };
}
