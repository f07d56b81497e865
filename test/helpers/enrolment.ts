/** Enrolment codes as the server hands them out, for the hamlets of a plan. */
import type { EnrolmentSheet } from "../../src/core/enrolment-layout";

const ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A code per hamlet in the server's form ("K7PM-Q2XD"), deterministic, all expiring on `expires`. */
export function hamletCodes(hamlets: string[], expires = "2024-12-14T10:00"): EnrolmentSheet {
  const code = (i: number) =>
    Array.from({ length: 8 }, (_, k) => ALPHABET[(i * 7 + k * 13 + k * k) % ALPHABET.length])
      .join("")
      .replace(/^(.{4})/, "$1-");
  return {
    server: "https://danvan.tayninh.gov.vn",
    kind: "hamlet",
    issuer: "xã Tân Phong",
    codes: hamlets.map((name, i) => ({ name, code: code(i), expires })),
  };
}
