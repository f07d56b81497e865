/**
 * A black-and-white PNG, encoded in plain TypeScript so the CLI and the task pane make the same bytes without a
 * canvas, DOM or Node API: 1-bit grayscale, its pixels in stored (uncompressed) deflate blocks. A QR code of an
 * enrolment link is a few kilobytes this way, which is all a sheet needs.
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];
/** The most a stored deflate block holds. */
const STORED_BLOCK = 65_535;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65_521;
    b = (b + a) % 65_521;
  }
  return ((b << 16) | a) >>> 0;
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/** Length, type, data and CRC of one PNG chunk. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  out.set(u32(data.length));
  out.set(
    [...type].map((ch) => ch.charCodeAt(0)),
    4
  );
  out.set(data, 8);
  out.set(u32(crc32(out.subarray(4, 8 + data.length))), 8 + data.length);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A zlib stream of `raw` in stored blocks: no compression, so no compressor to carry. */
export function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / STORED_BLOCK));
  const out = new Uint8Array(2 + blocks * 5 + raw.length + 4);
  out.set([0x78, 0x01]);
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const part = raw.subarray(i * STORED_BLOCK, (i + 1) * STORED_BLOCK);
    const len = part.length;
    out.set(
      [i === blocks - 1 ? 1 : 0, len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff],
      at
    );
    out.set(part, at + 5);
    at += 5 + len;
  }
  out.set(u32(adler32(raw)), at);
  return out;
}

/** A `width` × `height` PNG, black where `dark(x, y)`, white elsewhere. */
export function blackAndWhitePng(
  width: number,
  height: number,
  dark: (x: number, y: number) => boolean
): Uint8Array {
  const stride = Math.ceil(width / 8);
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (stride + 1); // each row starts with filter type 0 (none)
    for (let x = 0; x < width; x++) if (!dark(x, y)) raw[row + 1 + (x >> 3)] |= 0x80 >> (x & 7); // 1 = white in 1-bit grayscale
  }
  const header = new Uint8Array([...u32(width), ...u32(height), 1, 0, 0, 0, 0]);
  return concat([
    new Uint8Array(SIGNATURE),
    chunk("IHDR", header),
    chunk("IDAT", zlibStored(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** Bytes as base64, the form both Excel adapters take images in. */
export function toBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => BASE64[(n >> shift) & 63]);
    const kept = Math.min(4, bytes.length - i + 1);
    out += chars.slice(0, kept).join("") + "=".repeat(4 - kept);
  }
  return out;
}
