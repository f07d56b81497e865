/** The enrolment QR code: a valid PNG (zlib's own CRC and inflate accept it) that a QR reader decodes back to the link. */
import jsQR from "jsqr";
import { crc32, toBase64, zlibStored } from "../../src/core/png";
import { qrMatrix, qrPng } from "../../src/core/qr";
import { crc32 as nodeCrc, inflateSync } from "node:zlib";
import { readBlackAndWhitePng } from "../helpers/png";

const LINK = "https://danvan.tayninh.gov.vn/ap/#code=K7PM-Q2XD";

function decoded(base64: string): string | null {
  const { width, height, rgba } = readBlackAndWhitePng(Buffer.from(base64, "base64"));
  return jsQR(rgba, width, height, { inversionAttempts: "dontInvert" })?.data ?? null;
}

test("the QR code of an enrolment link reads back as that link", () => {
  const { base64, pixels } = qrPng(LINK);
  expect(decoded(base64)).toBe(LINK);
  // Version 4 (33 modules) and its 4-module quiet zone each side, 6 pixels a module (250 dpi at 2,54 cm).
  expect(qrMatrix(LINK)).toHaveLength(33);
  expect(pixels).toBe((33 + 8) * 6);
  expect(Buffer.from(base64, "base64").length).toBeLessThan(30_000);
});

test("a link with Vietnamese letters is encoded as its percent-encoded URL", () => {
  const link = "https://máy-chủ.vn/ap/#code=ABCD-2345";
  expect(decodeURI(decoded(qrPng(link).base64)!)).toBe(link);
  expect(decoded(qrPng(encodeURI(link)).base64)).toBe(encodeURI(link));
});

test("a long link still fits: a bigger version, still read back", () => {
  const link = `https://danvan.example.vn/${"duong-dan-dai/".repeat(12)}ap/#code=K7PM-Q2XD`;
  expect(decoded(qrPng(link, 4).base64)).toBe(link);
});

test("CRC-32 and the stored blocks with their Adler-32 agree with zlib, base64 with Node", () => {
  const bytes = Uint8Array.from({ length: 140_000 }, (_, i) => (i * 7919) % 251);
  expect(crc32(bytes)).toBe(nodeCrc(bytes));
  // Three stored blocks (65 535 bytes at most each) that zlib inflates back, checking their Adler-32.
  expect(Buffer.from(inflateSync(zlibStored(bytes))).equals(Buffer.from(bytes))).toBe(true);
  expect(Buffer.from(inflateSync(zlibStored(new Uint8Array()))).length).toBe(0);
  for (const n of [0, 1, 2, 3, 4, 5])
    expect(toBase64(bytes.subarray(0, n))).toBe(
      Buffer.from(bytes.subarray(0, n)).toString("base64")
    );
});
