/** The commune keeps the current row or takes the proposed one; either way the conflict is closed and audited. */
import { type Caller, identify, now } from "./devices";
import { SyncError } from "./errors";
import { RowBatch } from "./row-batch";
import type { Database, Statement } from "./store/database";

export async function resolveConflict(
  db: Database,
  caller: Caller,
  id: number,
  choice: "current" | "proposed"
): Promise<void> {
  await db.write(async (tx) => {
    const { device, head } = await identify(tx, caller, tx.forUpdate("c"));
    if (device.scope !== "commune")
      throw new SyncError("forbidden", "Chỉ thiết bị của xã được giải quyết xung đột.");
    const c = await tx.get<{
      hamlet_id: number;
      day: string;
      proposed: string;
      resolved_at: string | null;
    }>(
      "SELECT hamlet_id, day, proposed, resolved_at FROM conflicts WHERE id = ? AND campaign_id = ?",
      [id, device.campaign]
    );
    if (!c || c.resolved_at)
      throw new SyncError("not_found", "Không có xung đột này hoặc đã được giải quyết.");
    const closing: Statement = [
      "UPDATE conflicts SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ?",
      [now(), device.id, choice, id],
    ];
    if (choice === "current") return tx.runAll([closing]);
    const batch = new RowBatch(tx, device.campaign, head);
    await batch.load([{ hamlet: Number(c.hamlet_id), day: c.day }]);
    batch.write(device, Number(c.hamlet_id), c.day, JSON.parse(c.proposed), {
      clientID: null,
      id: null,
    });
    await tx.runAll([closing, ...batch.statements()]);
  });
}
