/** PNG files read back for tests: chunks checked against zlib's CRC-32, pixels inflated by zlib. */
import { crc32, inflateSync } from "node:zlib";

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, as jsQR reads it */
  rgba: Uint8ClampedArray;
}

/** Decodes the 1-bit grayscale PNGs DanVan writes; throws on a bad signature, chunk CRC or format. */
export function readBlackAndWhitePng(bytes: Buffer): Pixels {
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  let at = 8;
  let header: Buffer | null = null;
  const data: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const body = bytes.subarray(at + 4, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length)).toBe(crc32(body));
    const type = body.subarray(0, 4).toString("latin1");
    if (type === "IHDR") header = body.subarray(4);
    if (type === "IDAT") data.push(body.subarray(4));
    at += 12 + length;
  }
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  expect([...header!.subarray(8)]).toEqual([1, 0, 0, 0, 0]);
  const raw = inflateSync(Buffer.concat(data));
  const stride = Math.ceil(width / 8);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(raw[y * (stride + 1)]).toBe(0);
    for (let x = 0; x < width; x++) {
      const white = (raw[y * (stride + 1) + 1 + (x >> 3)] >> (7 - (x & 7))) & 1;
      rgba.fill(white ? 255 : 0, (y * width + x) * 4, (y * width + x) * 4 + 3);
      rgba[(y * width + x) * 4 + 3] = 255;
    }
  }
  return { width, height, rgba };
}
