/** Tokens and one-time codes: random, shown once, stored only as hashes. */
import { createHash, randomBytes, randomInt } from "node:crypto";

const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

export function hash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function newClientId(): string {
  return randomBytes(12).toString("hex");
}

/** "K7PM-Q2XD": easy to read aloud over the phone, no 0/O or 1/I/L. */
export function newCode(): string {
  const chars = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join("")}-${chars.slice(4).join("")}`;
}

/** A code as compared: no case, spaces or dashes. */
export const normalCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, "");

export function codeHash(code: string): string {
  return hash(normalCode(code));
}
