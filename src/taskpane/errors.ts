/**
 * What a failure means to the person at the pane: each kind its own message and advice, in the pane's
 * language. Raw messages from the browser or Office.js are English and never shown; the console keeps them.
 * The sync session's own failures are worded in Vietnamese for the user and are shown as they are.
 */
import { ServerError, SyncFailure, UnreachableError } from "../sync/errors";
import type { Strings } from "./i18n";

export interface Said {
  title: string;
  body?: string;
}

/** What the failed action was: an enrolment turns a refusal into "wrong code". */
export type Action = "excel" | "enroll" | "sync";

/** fetch() rejects with a TypeError whose text depends on the browser. */
function isNetworkError(e: unknown): boolean {
  return (
    e instanceof UnreachableError ||
    (e instanceof TypeError && /fetch|network|load failed/i.test(e.message))
  );
}

/** OfficeExtension.Error: a RichApi error with Excel's code (ItemNotFound, AccessDenied, …). */
function officeCode(e: unknown): string | null {
  const x = e as { name?: unknown; code?: unknown } | null;
  return x && x.name === "RichApi.Error" && typeof x.code === "string" ? x.code : null;
}

/** The server's refusals of an enrolment code: unknown, already used, malformed. */
const CODE_REFUSED = new Set(["forbidden", "not_found", "invalid"]);

export function describeFailure(e: unknown, t: Strings, action: Action = "excel"): Said {
  const f = t.failure;
  if (isNetworkError(e)) return f.network;
  const code = officeCode(e);
  if (code) return { title: f.office(code), body: f.officeAdvice[code] ?? f.officeAdvice.other };
  if (e instanceof ServerError) {
    if (e.code === "rate_limited") return f.busy;
    if (action === "enroll" && e.code && CODE_REFUSED.has(e.code)) return f.code;
    return { title: f.server.title, body: e.message };
  }
  if (e instanceof SyncFailure) return { title: e.message };
  return f.unknown;
}
