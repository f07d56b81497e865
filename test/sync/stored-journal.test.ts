/**
 * The phone page's sync, without a browser: its journal and outbox in a key-value storage, the shared session,
 * the real server on loopback. An entry is kept before any network, waits while there is none, and is sent
 * exactly once when the server answers; a correction replaces the row.
 */
import type { FastifyInstance } from "fastify";
import { createCampaign, issueHamletCode } from "../../server/admin";
import type { Database } from "../../server/store/database";
import { type LocalRow, type Transport, fetchTransport } from "../../src/sync/client";
import { UnreachableError } from "../../src/sync/errors";
import { type Identity, enroll } from "../../src/sync/identity";
import { type KeyValue, keyValuePlace } from "../../src/sync/key-value";
import { memoryPlace } from "../../src/sync/saved";
import { SyncSession } from "../../src/sync/session";
import { StoredJournal } from "../../src/sync/stored-journal";
import { listen, storeTargets } from "../helpers/sync-env";
import { tanPhong } from "./devices";

/** A phone's storage: what outlives a closed page. */
function phoneStorage(): KeyValue & { keys: Map<string, string> } {
  const keys = new Map<string, string>();
  return {
    keys,
    getItem: async (key) => keys.get(key) ?? null,
    setItem: async (key, value) => void keys.set(key, value),
  };
}

const offline: Transport = {
  post: async () => {
    throw new TypeError("Failed to fetch");
  },
};

/** The page as it opens: a new session over what the phone kept. */
function openPage(
  identity: Identity,
  storage: KeyValue,
  transport: Transport,
  notices: string[] = []
) {
  const place = (key: string) => keyValuePlace(storage, key, "bộ nhớ của trình duyệt");
  const journal = new StoredJournal(place("journal"), (m) => notices.push(m));
  const session = new SyncSession(identity, {
    transport,
    outbox: [place("outbox")],
    journal,
    notify: (m) => notices.push(m),
    retry: { attempts: 2, baseMs: 0 },
  });
  return { journal, session };
}

const entry = (
  hamlet: string,
  date: string,
  values: Record<string, number>,
  sentAt: string
): LocalRow => ({
  hamlet,
  date,
  data: { values, note: "", reporter: "Ba", sentAt },
});

describe.each(storeTargets())("the phone's journal and outbox on $name", (target) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let url: string;
  let campaign: number;
  const serverRows = (hamlet: string, day: string) =>
    db.read((tx) =>
      tx.all<{ data: string; version: number }>(
        "SELECT r.data, r.version FROM journal_rows r JOIN orgs o ON o.id = r.hamlet_id WHERE o.name = ? AND r.day = ?",
        [hamlet, day]
      )
    );
  const enrolPhone = async (hamlet: string) =>
    enroll(
      fetchTransport(url),
      {
        server: url,
        code: (await issueHamletCode(db, hamlet, { campaign })).code,
        name: "Điện thoại",
      },
      memoryPlace()
    );

  beforeAll(async () => {
    ({ db, cleanup } = await target.open());
    ({ app, url } = await listen(db, { enrollPerMinute: 1000 }));
    ({ campaign } = await createCampaign(db, tanPhong()));
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await cleanup();
  });

  test("an entry waits in the outbox with no network, through a reopened page, and is sent exactly once", async () => {
    const identity = await enrolPhone("Cầu");
    const storage = phoneStorage();
    const page = openPage(identity, storage, offline);
    await page.journal.put(
      entry(
        "Cầu",
        "2024-12-12",
        { quan_doi: 12, nhan_dan: 7, phat_quang_m: 800 },
        "2024-12-12T14:00"
      )
    );
    expect(await page.session.queue()).toBe(1);
    expect(await page.session.waiting()).toEqual([{ hamlet: "Cầu", date: "2024-12-12" }]);
    await expect(page.session.sync()).rejects.toThrow(UnreachableError);
    expect(await serverRows("Cầu", "2024-12-12")).toEqual([]);

    const reopened = openPage(identity, storage, fetchTransport(url));
    expect(await reopened.session.waiting()).toEqual([{ hamlet: "Cầu", date: "2024-12-12" }]);
    expect(await reopened.session.sync()).toEqual({
      pushed: 1,
      pulled: 0,
      refused: [],
      conflicts: [],
      pending: 0,
      reports: [],
    });
    expect(await reopened.session.waiting()).toEqual([]);
    expect(await reopened.session.sync()).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
    const rows = await serverRows("Cầu", "2024-12-12");
    expect(rows.map((r) => [JSON.parse(r.data).values, Number(r.version)])).toEqual([
      [{ quan_doi: 12, nhan_dan: 7, phat_quang_m: 800 }, 1],
    ]);
  });

  test("queueing the same entry again adds nothing, and a correction replaces the row on the server", async () => {
    const identity = await enrolPhone("Trại Bí");
    const page = openPage(identity, phoneStorage(), fetchTransport(url));
    await page.journal.put(
      entry("Trại Bí", "2024-12-11", { dan_quan: 6, lam_duong_m: 150 }, "2024-12-11T14:10")
    );
    expect(await page.session.queue()).toBe(1);
    expect(await page.session.queue()).toBe(0);
    await page.session.sync();
    await page.journal.put(
      entry("Trại Bí", "2024-12-11", { dan_quan: 6, lam_duong_m: 180 }, "2024-12-11T14:40")
    );
    expect(await page.journal.rows()).toHaveLength(1);
    expect(await page.session.sync()).toMatchObject({ pushed: 1, conflicts: [], pending: 0 });
    const rows = await serverRows("Trại Bí", "2024-12-11");
    expect(
      rows.map((r) => [
        JSON.parse(r.data).values.lam_duong_m,
        JSON.parse(r.data).sentAt,
        Number(r.version),
      ])
    ).toEqual([[180, "2024-12-11T14:40", 2]]);
  });

  test("rows another device of the hamlet sent come into the phone; a damaged journal is set aside and its days come back", async () => {
    const other = openPage(await enrolPhone("Sân Bay"), phoneStorage(), fetchTransport(url));
    await other.journal.put(entry("Sân Bay", "2024-12-10", { nhan_dan: 4 }, "2024-12-10T13:50"));
    await other.session.sync();

    const storage = phoneStorage();
    const notices: string[] = [];
    const page = openPage(await enrolPhone("Sân Bay"), storage, fetchTransport(url), notices);
    expect(await page.session.sync()).toMatchObject({ pushed: 0, pulled: 1 });
    expect(await page.journal.rows()).toEqual([
      entry("Sân Bay", "2024-12-10", { nhan_dan: 4 }, "2024-12-10T13:50"),
    ]);

    storage.keys.set("journal", '{"format":1,"rows":[{"hamlet":"Sân Bay"');
    expect(await page.journal.rows()).toEqual([]);
    expect(notices).toEqual([
      expect.stringMatching(
        /^Nhật ký lưu trên máy ở bộ nhớ của trình duyệt \(khóa journal\) bị hỏng \(không đọc được nội dung\); bản hỏng đã được cất sang khóa journal\.hong-\d{8}-\d{6}\. Các ngày đã gửi sẽ được nhận lại/
      ),
    ]);
    expect(await page.session.sync()).toMatchObject({ pulled: 1 });
    expect((await page.journal.rows()).map((r) => r.data.values)).toEqual([{ nhan_dan: 4 }]);
  });
});
