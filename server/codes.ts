/**
 * Enrolment codes: one-time, for one org (and a campaign, for hamlets), valid for 14 days, and locked after five
 * wrong tries. A code's first four characters are its tag, kept in clear: a wrong code sharing a tag counts
 * against the code that has it, so guessing the rest of one code is five tries, not unlimited.
 */
import { formatDate, vietnamNow } from "../src/core/dates";
import type { EnrollRequest, Scope } from "../src/sync/protocol";
import { LEVEL } from "./orgs";
import { codeHash, newCode, normalCode } from "./secrets";
import type { Sql } from "./store/database";

export const CODE_DAYS = 14;
export const MAX_CODE_FAILURES = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface CodeFor {
  scope: Scope;
  org: number;
  /** A hamlet's campaign (a commune's, when an old admin code named one); null above the commune. */
  campaign: number | null;
}

/** A wrong try counts against the codes sharing its first four characters. */
const tagOf = (code: string) => normalCode(code).slice(0, 4);

/** A new code for `target`, shown once; returns it with the moment it expires (ISO, UTC). */
export async function issueCode(
  tx: Sql,
  target: CodeFor
): Promise<{ code: string; expires_at: string }> {
  const code = newCode();
  const at = Date.now();
  const expires_at = new Date(at + CODE_DAYS * DAY_MS).toISOString();
  await tx.run(
    "INSERT INTO enrollment_codes (code_hash, campaign_id, scope, org_id, created_at, expires_at, tag) VALUES (?, ?, ?, ?, ?, ?, ?)",
    [
      codeHash(code),
      target.campaign,
      target.scope,
      target.org,
      new Date(at).toISOString(),
      expires_at,
      tagOf(code),
    ]
  );
  return { code, expires_at };
}

export type Taken = { ok: true; code: CodeFor } | { ok: false; refusal: string };

/**
 * Uses the code up, or says why not in Vietnamese. Taking it is one statement, so two devices racing for one code
 * cannot both win. A wrong code's failure is counted here: the caller commits before refusing. With `only`
 * (a hamlet's phone), a code of another level is refused and left unused, no failure counted: it is a right code,
 * for another device.
 */
export async function takeCode(
  tx: Sql,
  code: string,
  only?: EnrollRequest["scope"]
): Promise<Taken> {
  const at = new Date().toISOString();
  const hashed = codeHash(code);
  const row = await tx.get<{ campaign_id: number | null; scope: Scope; org_id: number }>(
    `UPDATE enrollment_codes SET used_at = ? WHERE code_hash = ? AND used_at IS NULL AND expires_at > ? AND failures < ?
     AND scope = COALESCE(CAST(? AS TEXT), scope) RETURNING campaign_id, scope, org_id`,
    [at, hashed, at, MAX_CODE_FAILURES, only ?? null]
  );
  if (row) {
    const campaign = row.campaign_id === null ? null : Number(row.campaign_id);
    return { ok: true, code: { scope: row.scope, org: Number(row.org_id), campaign } };
  }
  const known = await tx.get<{
    used_at: string | null;
    expires_at: string;
    failures: number;
    scope: Scope;
  }>("SELECT used_at, expires_at, failures, scope FROM enrollment_codes WHERE code_hash = ?", [
    hashed,
  ]);
  if (known && !known.used_at && only && known.scope !== only)
    return { ok: false, refusal: notForHamlet(known.scope) };
  if (known && !known.used_at && Number(known.failures) >= MAX_CODE_FAILURES)
    return {
      ok: false,
      refusal: `Mã đăng ký đã bị khóa vì nhập sai quá ${MAX_CODE_FAILURES} lần; hãy xin mã mới.`,
    };
  if (known && !known.used_at) {
    const until = formatDate(vietnamNow(Date.parse(known.expires_at)).date);
    return {
      ok: false,
      refusal: `Mã đăng ký đã hết hạn (dùng được đến ${until}); hãy xin mã mới.`,
    };
  }
  if (!known)
    await tx.run(
      "UPDATE enrollment_codes SET failures = failures + 1 WHERE tag = ? AND used_at IS NULL",
      [tagOf(code)]
    );
  return {
    ok: false,
    refusal:
      "Mã đăng ký không đúng hoặc đã được dùng; kiểm tra lại từng ký tự (dạng ABCD-EF23), hoặc xin cấp trên mã mới.",
  };
}

/** A commune's (or district's, province's) code typed on a hamlet's phone: what it is, and what to ask for. */
function notForHamlet(scope: Scope): string {
  const level = LEVEL[scope];
  const where = scope === "commune" ? ", dùng trong sổ Excel" : "";
  return `Mã này là mã của ${level}${where}, nên không dùng được ở đây (mã vẫn còn nguyên cho ${level}). Hãy xin xã mã của ấp (trên tờ Mã đăng ký).`;
}
