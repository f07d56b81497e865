/** The commune keeps the current row or takes the proposed one; either way the conflict is closed and audited. */
import { type Caller, identify, now } from "./devices";
import { SyncError } from "./errors";
import { RowBatch } from "./row-batch";
import type { Database } from "./store/database";

export async function resolveConflict(
  db: Database,
  caller: Caller,
  id: number,
  choice: "current" | "proposed"
): Promise<void> {
  await db.write(async (tx) => {
    const device = await identify(tx, caller);
    if (device.scope !== "commune")
      throw new SyncError("forbidden", "Chỉ thiết bị của xã được giải quyết xung đột.");
    await tx.lock({ campaign: device.campaign });
    const c = await tx.get<{
      hamlet_id: number;
      day: string;
      proposed: string;
      resolved_at: string | null;
      last_change: number;
    }>(
      `SELECT k.hamlet_id, k.day, k.proposed, k.resolved_at, c.last_change FROM conflicts k JOIN campaigns c ON c.id = k.campaign_id
       WHERE k.id = ? AND k.campaign_id = ?`,
      [id, device.campaign]
    );
    if (!c || c.resolved_at)
      throw new SyncError("not_found", "Không có xung đột này hoặc đã được giải quyết.");
    await tx.run(
      "UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
      [now(), device.id, choice, id]
    );
    if (choice === "current") return;
    const batch = new RowBatch(tx, device.campaign, Number(c.last_change));
    await batch.load([{ hamlet: Number(c.hamlet_id), day: c.day }]);
    batch.write(device, Number(c.hamlet_id), c.day, JSON.parse(c.proposed), {
      clientID: null,
      id: null,
    });
    await batch.flush();
  });
}
