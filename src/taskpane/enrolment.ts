import { codeFromFragment } from "../core/enrolment-link";

/**
 * What the Đồng bộ fields take from pasted text: an enrolment link as the commune sends it
 * (https://host/ap/#code=K7PM-Q2XD) gives the server and the code; a server address gives the server alone.
 */
export function readEnrolment(text: string): { server?: string; code?: string } {
  const trimmed = text.trim();
  if (!/^https?:\/\//i.test(trimmed)) return {};
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return {};
  }
  const code = codeFromFragment(url.hash) ?? undefined;
  const base = url.pathname.replace(/\/ap(\/.*)?$/, "").replace(/\/+$/, "");
  return { server: `${url.origin}${base}`, code };
}
