/* global Excel */
/**
 * "Gửi báo cáo lên", for the Báo cáo tab and the ribbon alike: the commune's report of a day read from the open
 * workbook, sent through the device's outbox, and what to tell the user of it.
 */
import { formatDate } from "../core/dates";
import { readCommuneReport } from "../excel/hierarchy";
import { now } from "./now";
import type { SyncSession } from "../sync/session";
import type { Identity } from "./syncSession";
import type { Message } from "./useTask";

/** Only a commune's device sends up; a hamlet's, a district's or a province's never sees the action. */
export const sendsReports = (identity: Identity | null): identity is Identity =>
  identity?.scope === "commune";

/**
 * Sends the report of `date` (by default the day Báo cáo ngày takes) and says what became of it: taken (its
 * version), waiting for the network, or refused with the reason. Failures of Excel or the server are thrown.
 */
export async function sendReportUp(
  identity: Identity | null,
  session: (identity: Identity) => SyncSession,
  date?: string
): Promise<Message> {
  if (!sendsReports(identity))
    return { intent: "warning", say: (t) => ({ title: t.send.notCommune }) };
  const place = { commune: identity.commune, district: identity.district ?? null };
  const read = await Excel.run((context) => readCommuneReport(context, now(), place, date));
  if (read.status === "no-plan")
    return { intent: "info", say: (t) => ({ title: t.noPlan.title, body: t.noPlan.body }) };
  if (read.status === "refused")
    return { intent: "error", say: (t) => ({ title: t.report.refused, body: read.reason }) };
  const day = formatDate(read.report.date);
  const sent = await session(identity).sendReport(read.report);
  if (sent.sent)
    return { intent: "success", say: (t) => ({ title: t.send.sent(day, sent.version) }) };
  if (sent.queued) return { intent: "warning", say: (t) => ({ title: t.send.queued }) };
  return { intent: "error", say: (t) => ({ title: t.send.refused, body: sent.reason }) };
}
