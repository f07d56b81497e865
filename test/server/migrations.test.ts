import { createCampaign } from "../../server/admin";
import { migrate } from "../../server/store/migrations";
import { authenticate, enroll, push } from "../../server/sync";
import { cleanPlan } from "../helpers/plans";
import { storeTargets } from "../helpers/sync-env";

describe.each(storeTargets())("stored rows move to protocol 2 on $name", (target) => {
  test("a row and a conflict stored with the old 'sent' time get their full sent date and time", async () => {
    const { db, cleanup } = await target.open();
    try {
      const { codes } = await createCampaign(db, cleanPlan());
      const device = await authenticate(db, (await enroll(db, codes.hamlets["Bình Hòa"])).token);
      const args = {
        hamlet: "Bình Hòa",
        date: "2025-03-10",
        baseVersion: 0,
        values: { phat_quang_m: 5 },
        note: "",
        reporter: "",
        sentAt: "2025-03-10T14:05",
      };
      await push(db, device, "client-one-xyz", [{ id: 1, args }]);
      // As a version-1 server stored it.
      await db.write(async (tx) => {
        await tx.run(`UPDATE journal_rows SET data = ?`, [
          JSON.stringify({ values: { phat_quang_m: 5 }, note: "", reporter: "", sent: "14:05" }),
        ]);
        await tx.run(
          `INSERT INTO conflicts (campaign_id, hamlet_id, day, base_version, current_version, proposed, device_id, client_id, mutation_id, created_at)
          SELECT campaign_id, hamlet_id, '2025-03-11', 0, 1, ?, device_id, 'c', 1, 'now' FROM journal_rows`,
          [JSON.stringify({ values: {}, note: "", reporter: "", sent: null })]
        );
        await tx.run("DELETE FROM schema_migrations WHERE version >= 2");
      });
      await migrate(db);
      const row = await db.read((tx) => tx.get<{ data: string }>("SELECT data FROM journal_rows"));
      expect(JSON.parse(row!.data)).toEqual({
        values: { phat_quang_m: 5 },
        note: "",
        reporter: "",
        sentAt: "2025-03-10T14:05",
      });
      const conflict = await db.read((tx) =>
        tx.get<{ proposed: string }>("SELECT proposed FROM conflicts")
      );
      expect(JSON.parse(conflict!.proposed)).toEqual({
        values: {},
        note: "",
        reporter: "",
        sentAt: null,
      });
    } finally {
      await db.close();
      await cleanup();
    }
  });
});
