/** Which journal rows of a workbook a device sends: its own hamlet's, or all its commune's hamlets'. */
import { formatTime } from "../core/dates";
import type { JournalRow } from "../core/model";
import type { Plan } from "../core/model";
import { hamletKey } from "../core/text";
import type { LocalRow } from "./client";

export interface DeviceScope {
  scope: "commune" | "hamlet";
  hamlet: string | null;
}

export interface Refused {
  hamlet: string;
  date: string;
  reason: string;
}

/** The row's full sent date and time, as the wire carries it. */
export function sentAt(row: JournalRow): string | null {
  const day = row.sent_date ?? row.date;
  return row.sent_minutes === null || !day ? null : `${day}T${formatTime(row.sent_minutes)}`;
}

export function rowsToSend(
  plan: Plan,
  device: DeviceScope
): { rows: LocalRow[]; refused: Refused[] } {
  const rows: LocalRow[] = [];
  const refused: Refused[] = [];
  const inCommune = (name: string) =>
    plan.hamlets.some((h) => hamletKey(h.name) === hamletKey(name));
  for (const r of plan.journal) {
    if (!r.date || !r.hamlet) continue;
    const allowed =
      device.scope === "commune"
        ? inCommune(r.hamlet)
        : hamletKey(r.hamlet) === hamletKey(device.hamlet ?? "");
    if (!allowed) {
      const whose = device.hamlet ? `ấp ${device.hamlet}` : "các ấp trong xã";
      refused.push({
        hamlet: r.hamlet,
        date: r.date,
        reason: `Thiết bị này chỉ gửi nhật ký của ${whose}.`,
      });
      continue;
    }
    rows.push({
      hamlet: device.hamlet ?? r.hamlet,
      date: r.date,
      data: {
        values: r.values,
        note: r.note,
        reporter: r.reporter,
        sentAt: sentAt(r),
      },
    });
  }
  return { rows, refused };
}
