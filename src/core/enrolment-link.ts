/**
 * The enrolment link the commune hands a hamlet (printed as a QR code on "Mã đăng ký"): the phone page's
 * address with the code after `#`, so the code never reaches a server log. One home for both directions: the
 * sheet writes it, the phone page and the task pane read it back.
 */

export function enrolmentLink(server: string, code: string): string {
  return `${server.trim().replace(/\/+$/, "")}/ap/#code=${encodeURIComponent(code.trim())}`;
}

/** A code as typed or scanned: no spaces, upper case ("k7pm q2xd" → "K7PMQ2XD"). */
export function normalCode(code: string): string {
  return code.replace(/\s+/g, "").toUpperCase();
}

/** The code a link's fragment carries ("#code=K7PM-Q2XD"), or null. */
export function codeFromFragment(fragment: string): string | null {
  const m = /(?:^#?|&)code=([^&]*)/.exec(fragment);
  if (!m) return null;
  let code: string;
  try {
    code = decodeURIComponent(m[1].replace(/\+/g, " "));
  } catch {
    return null;
  }
  return normalCode(code) || null;
}
