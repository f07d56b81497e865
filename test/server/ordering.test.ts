/**
 * Per-campaign ordering and one transaction per push, on both stores: communes never wait for each other's
 * writes, nobody's pull waits for a write, a pull's cookie never skips a commit of its own campaign, and a push
 * of many mutations is one transaction of as many statements as a push of one.
 */
import type { FastifyInstance } from "fastify";
import { createCampaign } from "../../server/admin";
import type { Database } from "../../server/store/database";
import type { EnrollResponse, PullResponse, PushResponse } from "../../src/sync/protocol";
import { cleanPlan } from "../helpers/plans";
import { listen, storeTargets } from "../helpers/sync-env";
import { InstrumentedDatabase } from "./instrumented";
import { http, rowArgs } from "./http";

const DAYS = ["2025-03-10", "2025-03-11", "2025-03-12", "2025-03-13", "2025-03-14"];

/** Fails the test with `what` instead of hanging when a request waits on a lock it should not need. */
function unblocked<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const stuck = new Promise<never>(
    (_, reject) =>
      (timer = setTimeout(() => reject(new Error(`${what} waited for another campaign`)), 20_000))
  );
  return Promise.race([p, stuck]).finally(() => clearTimeout(timer));
}

describe.each(storeTargets())("ordering on $name", (target) => {
  let base: Database;
  let db: InstrumentedDatabase;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let api: ReturnType<typeof http>;

  beforeAll(async () => {
    ({ db: base, cleanup } = await target.open());
    db = new InstrumentedDatabase(base);
    let url: string;
    ({ app, url } = await listen(db, { enrollPerMinute: 100_000 }));
    api = http(url);
  });
  afterAll(async () => {
    await app.close();
    await base.close();
    await cleanup();
  });

  async function commune(name: string) {
    const plan = cleanPlan();
    plan.settings.place_name = name;
    const { campaign, codes } = await createCampaign(base, plan);
    const enroll = async (code: string) =>
      (await api.post("/enroll", { code })).body as EnrollResponse;
    return {
      campaign,
      hamlet: await enroll(codes.hamlets["Bình Hòa"]),
      other: await enroll(codes.hamlets["Sân Bay"]),
      commune: await enroll(codes.commune),
    };
  }

  test("while one commune's push holds its campaign, another commune pushes and both pull", async () => {
    const a = await commune("An Bình");
    const b = await commune("Tân Phong");
    const before = (await api.pull(a.commune)).body as PullResponse;
    const hold = db.holdCampaign(a.campaign);
    const held = api.push(a.hamlet, [{ id: 1, args: rowArgs("Bình Hòa", "2025-03-10", 111) }]);
    await hold.entered;
    try {
      // Reads never wait for a write, on either store.
      const aPull = (await unblocked("a pull of the held campaign", api.pull(a.commune)))
        .body as PullResponse;
      expect(aPull).toMatchObject({ cookie: before.cookie, rows: [] });
      expect((await unblocked("a pull of the other campaign", api.pull(b.commune))).status).toBe(
        200
      );
      if (target.name === "postgres") {
        // The other commune's write goes through while the first still holds its campaign.
        const pushed = await unblocked(
          "a push of the other campaign",
          api.push(b.hamlet, [{ id: 1, args: rowArgs("Bình Hòa", "2025-03-10", 222) }])
        );
        expect(pushed.body).toMatchObject({ results: [{ status: "applied" }] });
        expect(((await api.pull(b.commune)).body as PullResponse).rows).toMatchObject([
          { values: { phat_quang_m: 222 } },
        ]);
      }
    } finally {
      hold.release();
    }
    expect((await held).body).toMatchObject({ results: [{ status: "applied", version: 1 }] });
    // The held commit comes after the cookie handed out while it was open: the next pull brings it.
    const after = (await api.pull(a.commune, before.cookie)).body as PullResponse;
    expect(after.rows).toMatchObject([{ hamlet: "Bình Hòa", values: { phat_quang_m: 111 } }]);
  });

  test("a commune pulling by cookie while its hamlets push at once ends with every row, none skipped", async () => {
    const c = await commune("Hòa Hiệp");
    const writers = [
      { who: c.hamlet, hamlet: "Bình Hòa" },
      { who: c.other, hamlet: "Sân Bay" },
    ];
    const seen = new Map<string, number>();
    let cookie: unknown = null;
    let pushing = true;
    const pulls = (async () => {
      while (pushing) {
        const r = (await api.pull(c.commune, cookie)).body as PullResponse;
        for (const row of r.rows) seen.set(`${row.hamlet} ${row.date}`, row.version);
        cookie = r.cookie;
      }
    })();
    await Promise.all(
      writers.map(async ({ who, hamlet }) => {
        for (let i = 1; i <= 25; i++) {
          // One device's edits follow each other: base 0 is never a conflict with its own rows.
          const r = await api.push(who, [
            { id: i, args: rowArgs(hamlet, DAYS[i % DAYS.length], i) },
          ]);
          expect((r.body as PushResponse).results[0].status).toBe("applied");
        }
      })
    );
    pushing = false;
    await pulls;
    const last = (await api.pull(c.commune, cookie)).body as PullResponse;
    for (const row of last.rows) seen.set(`${row.hamlet} ${row.date}`, row.version);
    const everything = (await api.pull(c.commune)).body as PullResponse;
    expect(seen).toEqual(new Map(everything.rows.map((r) => [`${r.hamlet} ${r.date}`, r.version])));
    expect(everything.rows).toHaveLength(10);
    // Every commit of the campaign took a number of its own, and the counter is the newest of them.
    const numbers = await base.read((tx) =>
      tx.all<{ change: number }>("SELECT change FROM journal_rows WHERE campaign_id = ?", [
        c.campaign,
      ])
    );
    const head = await base.read((tx) =>
      tx.get<{ last_change: number }>("SELECT last_change FROM campaigns WHERE id = ?", [
        c.campaign,
      ])
    );
    expect(new Set(numbers.map((n) => Number(n.change))).size).toBe(10);
    expect(Number(head!.last_change)).toBe(Math.max(...numbers.map((n) => Number(n.change))));
  });

  test("thirty mutations are one transaction of as many statements as one mutation", async () => {
    const c = await commune("Phước Lợi");
    const measure = async (mutations: { id: number; args: unknown }[]) => {
      const [writes, statements] = [db.writes, db.statements];
      const r = await api.push(c.commune, mutations);
      expect((r.body as PushResponse).results.every((x) => x.status === "applied")).toBe(true);
      return { writes: db.writes - writes, statements: db.statements - statements };
    };
    const one = await measure([{ id: 1, args: rowArgs("Bình Hòa", "2025-03-10", 1) }]);
    const thirty = await measure(
      Array.from({ length: 30 }, (_, i) => ({
        id: i + 2,
        args: rowArgs(i % 2 ? "Sân Bay" : "Bình Hòa", DAYS[i % DAYS.length], 10 + i),
      }))
    );
    expect(one.writes).toBe(1);
    expect(thirty).toEqual(one);
  });

  test("a push that fails before its commit leaves nothing of its batch; resent, each mutation is applied once", async () => {
    const c = await commune("Long Hòa");
    const batch = DAYS.map((day, i) => ({ id: i + 1, args: rowArgs("Bình Hòa", day, i + 1) }));
    db.failNext = true;
    expect((await api.push(c.hamlet, batch)).status).toBe(500);
    expect((await api.pull(c.hamlet)).body).toMatchObject({ lastMutationID: 0, rows: [] });
    const r = await api.push(c.hamlet, batch);
    expect(r.body).toMatchObject({ lastMutationID: 5 });
    const again = await api.push(c.hamlet, batch);
    expect((again.body as PushResponse).results.map((x) => x.status)).toEqual(
      Array(5).fill("duplicate")
    );
    const audit = await base.read((tx) =>
      tx.all("SELECT 1 FROM audit WHERE campaign_id = ?", [c.campaign])
    );
    expect(audit).toHaveLength(5);
  });

  test("a gap after good mutations keeps the good ones and names the id to resend from", async () => {
    const c = await commune("Tân Bình");
    const r = await api.push(c.hamlet, [
      { id: 1, args: rowArgs("Bình Hòa", "2025-03-10") },
      { id: 2, args: rowArgs("Bình Hòa", "2025-03-11") },
      { id: 4, args: rowArgs("Bình Hòa", "2025-03-12") },
    ]);
    expect(r).toMatchObject({
      status: 409,
      body: {
        code: "gap",
        lastMutationID: 2,
        error: "Thiếu thay đổi số 3; gửi lại từ thay đổi cũ nhất.",
      },
    });
    expect(((await api.pull(c.hamlet)).body as PullResponse).rows.map((x) => x.date)).toEqual([
      "2025-03-10",
      "2025-03-11",
    ]);
  });
});
