/**
 * The store's write transactions, on both stores: writes that arrive together (on SQLite they share one commit)
 * each commit whole or fail alone, and a write is answered only once it is committed.
 */
import type { Database } from "../../server/store/database";
import { storeTargets } from "../helpers/sync-env";

describe.each(storeTargets())("write transactions on $name", (target) => {
  let db: Database;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    ({ db, cleanup } = await target.open());
  });
  afterAll(async () => {
    await db.close();
    await cleanup();
  });

  const days = () =>
    db.read((tx) =>
      tx.all<{ day: string }>("SELECT day FROM audit WHERE action = 'test' ORDER BY day")
    );

  test("twenty writes at once: the one that fails leaves nothing, the others are all there when answered", async () => {
    const writes = Array.from({ length: 20 }, (_, i) =>
      db.write(async (tx) => {
        const day = `2025-03-${String(i + 1).padStart(2, "0")}`;
        for (const version of [1, 2]) {
          await tx.run(
            "INSERT INTO audit (campaign_id, hamlet_id, day, device_id, action, version, at) VALUES (0, 0, ?, 0, 'test', ?, 'now')",
            [day, version]
          );
        }
        if (i === 7) throw new Error("refused halfway");
        return day;
      })
    );
    const outcomes = await Promise.allSettled(writes);
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([
      { status: "rejected", reason: new Error("refused halfway") },
    ]);
    const answered = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value, o.value] : []));
    expect((await days()).map((r) => r.day)).toEqual(answered.sort());
  });

  test("a write after a failed one goes through", async () => {
    await expect(db.write(async () => Promise.reject(new Error("no")))).rejects.toThrow("no");
    await db.write((tx) =>
      tx.run(
        "INSERT INTO audit (campaign_id, hamlet_id, day, device_id, action, version, at) VALUES (0, 0, '2025-04-01', 0, 'test', 1, 'now')"
      )
    );
    expect((await days()).map((r) => r.day)).toContain("2025-04-01");
  });
});
