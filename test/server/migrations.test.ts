import { rmSync } from "node:fs";
import { createCampaign } from "../../server/admin";
import { codeHash, hash } from "../../server/secrets";
import { migrate } from "../../server/store/migrations";
import { SqliteDatabase } from "../../server/store/sqlite";
import { enroll, pull, push } from "../../server/sync";
import { cleanPlan } from "../helpers/plans";
import { rowArgs } from "./http";
import { storeTargets } from "../helpers/sync-env";

describe.each(storeTargets())("stored rows move to protocol 2 on $name", (target) => {
  test("a row and a conflict stored with the old 'sent' time get their full sent date and time", async () => {
    const { db, cleanup } = await target.open();
    try {
      const { codes } = await createCampaign(db, cleanPlan());
      const device = { token: (await enroll(db, codes.hamlets["Bình Hòa"])).token };
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
        await tx.run("DELETE FROM schema_migrations WHERE version = 2");
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

  test("a store from before per-campaign numbering keeps every cookie it handed out: no change is skipped", async () => {
    const { db, cleanup } = await target.open();
    try {
      const device = async (name: string) => {
        const plan = cleanPlan();
        plan.settings.place_name = name;
        const e = await enroll(db, (await createCampaign(db, plan)).codes.hamlets["Bình Hòa"]);
        return { caller: { token: e.token }, clientID: e.clientID, next: 1 };
      };
      const a = await device("An Bình");
      const b = await device("Tân Phong");
      const write = (who: typeof a, date: string) =>
        push(db, who.caller, who.clientID, [
          {
            id: who.next++,
            args: {
              hamlet: "Bình Hòa",
              date,
              baseVersion: 0,
              values: { phat_quang_m: 1 },
              note: "",
              reporter: "",
              sentAt: null,
            },
          },
        ]);
      const dates = async (who: typeof a, cookie: number) =>
        (await pull(db, who.caller, who.clientID, cookie)).rows.map((r) => r.date);
      await write(a, "2025-03-10");
      await write(b, "2025-03-10");
      await write(a, "2025-03-11");
      // As the version-2 server left it: one global counter at 3, rows numbered 1 (A), 2 (B), 3 (A).
      await db.write(async (tx) => {
        await tx.run(
          "UPDATE journal_rows SET change = CASE WHEN day = '2025-03-11' THEN 3 WHEN campaign_id = (SELECT MIN(id) FROM campaigns) THEN 1 ELSE 2 END"
        );
        await tx.run("UPDATE counters SET value = 3 WHERE name = 'change'");
        await tx.run("DROP INDEX orgs_parent");
        await tx.run("DROP INDEX conflicts_open");
        await tx.run("ALTER TABLE campaigns DROP COLUMN last_change");
        await tx.run("DELETE FROM schema_migrations WHERE version = 3");
      });
      await migrate(db);
      // A client of A that pulled at global 2 gets A's third change; B's client at global 3 is up to date.
      expect(await dates(a, 2)).toEqual(["2025-03-11"]);
      expect(await dates(b, 3)).toEqual([]);
      await write(b, "2025-03-12");
      expect(await dates(b, 3)).toEqual(["2025-03-12"]);
      expect((await pull(db, b.caller, b.clientID, 3)).reset).toBe(false);
    } finally {
      await db.close();
      await cleanup();
    }
  });
});

describe.each(storeTargets())("the hierarchy's schema (migration 4) on $name", (target) => {
  /** A store left at schema 3, as the server before the hierarchy made it. */
  async function storeAtVersion3() {
    const opened = await target.open();
    if (opened.db.dialect === "postgres") {
      await opened.db.write(async (tx) => {
        await tx.run("DROP SCHEMA public CASCADE");
        await tx.run("CREATE SCHEMA public");
      });
      await migrate(opened.db, 3);
      return opened;
    }
    await opened.db.close();
    rmSync(opened.url);
    const db = new SqliteDatabase(opened.url);
    await migrate(db, 3);
    return { ...opened, db };
  }

  test("codes get their 14 days from when they were made, devices and their rows stay, and nothing breaks a foreign key", async () => {
    const { db, cleanup } = await storeAtVersion3();
    try {
      const made = new Date(Date.now() - 3 * 24 * 3600e3).toISOString();
      await db.write(async (tx) => {
        await tx.run(
          "INSERT INTO orgs (id, kind, name, parent_id) VALUES (1, 'commune', 'Tân Phong', NULL), (2, 'hamlet', 'Bình Hòa', 1)"
        );
        await tx.run(
          "INSERT INTO campaigns (id, commune_id, name, start_date, end_date, plan, created_at) VALUES (1, 1, 'Đợt', '2025-03-10', '2025-03-14', ?, ?)",
          [JSON.stringify(cleanPlan()), made]
        );
        await tx.run(
          "INSERT INTO enrollment_codes (code_hash, campaign_id, scope, org_id, created_at) VALUES (?, 1, 'hamlet', 2, ?), (?, 1, 'hamlet', 2, '2020-01-01T00:00:00.000Z')",
          [codeHash("ABCD-EFGH"), made, codeHash("OLDS-CODE")]
        );
        await tx.run(
          "INSERT INTO devices (token_hash, campaign_id, scope, org_id, name, created_at) VALUES (?, 1, 'hamlet', 2, 'Cũ', ?)",
          [hash("old-token"), made]
        );
      });
      await migrate(db);
      const codes = await db.read((tx) =>
        tx.all<{ expires_at: string; failures: number }>(
          "SELECT expires_at, failures FROM enrollment_codes ORDER BY created_at"
        )
      );
      expect(codes.map((c) => [c.expires_at, Number(c.failures)])).toEqual([
        ["2020-01-15T00:00:00.000Z", 0],
        [new Date(Date.parse(made) + 14 * 24 * 3600e3).toISOString(), 0],
      ]);
      await expect(enroll(db, "OLDS-CODE")).rejects.toThrow(
        "Mã đăng ký đã hết hạn (dùng được đến 15/01/2020)"
      );
      expect(await enroll(db, "ABCD-EFGH")).toMatchObject({
        scope: "hamlet",
        hamlet: "Bình Hòa",
        commune: "Tân Phong",
        campaign: 1,
      });
      const args = rowArgs("Bình Hòa", "2025-03-10", 5);
      expect(
        await push(db, { token: "old-token" }, "client-old-device", [{ id: 1, args }])
      ).toMatchObject({
        results: [{ status: "applied", version: 1 }],
      });
      // The device made after the migration is numbered after the old one.
      const ids = await db.read((tx) =>
        tx.all<{ name: string }>("SELECT name FROM devices ORDER BY id")
      );
      expect(ids.map((r) => r.name)).toEqual(["Cũ", "Thiết bị"]);
    } finally {
      await db.close();
      await cleanup();
    }
  });
});
