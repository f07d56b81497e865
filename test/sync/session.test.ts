/**
 * The one sync session every client uses, against the real server on loopback (SQLite, and PostgreSQL when it
 * answers): what a device sends, what it is told back, and what happens to its saved state.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { createCampaign, issueHamletCode, revokeDevice } from "../../server/admin";
import type { Database } from "../../server/store/database";
import { type Transport, fetchTransport } from "../../src/sync/client";
import { AuthError, VersionError } from "../../src/sync/errors";
import { listen, storeTargets } from "../helpers/sync-env";
import { tempDir } from "../helpers/tmp";
import {
  Device,
  journalRow,
  losingFirstAnswer,
  memoryDevice,
  readPlanFile,
  tanPhong,
  typeRows,
  writePlanFile,
} from "./devices";

const dir = tempDir();

describe.each(storeTargets())("the sync session on $name", (target) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let url: string;
  let codes: { commune: string; hamlets: Record<string, string> };
  let campaign: number;
  let planFile: string;
  const file = (name: string) => join(dir(), `${target.name}-${name}.xlsx`);
  const serverRow = async (hamlet: string, day: string) => {
    const row = await db.read((tx) =>
      tx.get<{ data: string }>(
        "SELECT r.data FROM journal_rows r JOIN orgs o ON o.id = r.hamlet_id WHERE o.name = ? AND r.day = ?",
        [hamlet, day]
      )
    );
    return row ? JSON.parse(row.data) : null;
  };
  const newCode = async (hamlet: string) => (await issueHamletCode(db, hamlet, { campaign })).code;

  beforeAll(async () => {
    ({ db, cleanup } = await target.open());
    ({ app, url } = await listen(db, { enrollPerMinute: 1000 }));
    const created = await createCampaign(db, tanPhong());
    ({ codes, campaign } = created);
    planFile = file("plan");
    await writePlanFile(planFile, tanPhong());
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await cleanup();
  });

  test("a hamlet device sends only the row that counts for each day, says which rows it did not send, and leaves its workbook as typed", async () => {
    const cau = await Device.enrol(url, codes.hamlets["Cầu"], planFile, file("cau"));
    await typeRows(cau.file, [
      journalRow("10/12/2024", "Cầu", { quan_doi: 12, nhan_dan: 7, phat_quang_m: 1000 }, "14h30"),
      // The same day again below it, sent earlier: the 14:30 row counts, as the workbook's own report says.
      journalRow("10/12/2024", "Cầu", { quan_doi: 12, nhan_dan: 7, phat_quang_m: 500 }, "14h00"),
      journalRow("11/12/2024", "Trại Bí", { dan_quan: 6, lam_duong_m: 150 }, "14h10"),
    ]);
    const before = statSync(cau.file).mtimeMs;
    expect(await cau.sync()).toEqual({
      pushed: 1,
      pulled: 0,
      refused: [
        {
          hamlet: "Trại Bí",
          date: "2024-12-11",
          reason: "Thiết bị này chỉ gửi nhật ký của ấp Cầu.",
        },
      ],
      conflicts: [],
      pending: 0,
      reports: [],
    });
    expect(await serverRow("Cầu", "2024-12-10")).toMatchObject({
      values: { phat_quang_m: 1000 },
      sentAt: "2024-12-10T14:30",
    });
    expect(statSync(cau.file).mtimeMs).toBe(before);
    expect((await readPlanFile(cau.file)).journal).toHaveLength(3);
    expect(await cau.sync()).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
  });

  test("an edit that meets another device's is a conflict the device is told about; the commune settles it, retried, and every workbook gets the kept row", async () => {
    const cau = await Device.enrol(url, await newCode("Cầu"), planFile, file("cau-2"));
    await typeRows(cau.file, [
      journalRow("10/12/2024", "Cầu", { quan_doi: 12, nhan_dan: 7, phat_quang_m: 700 }, "14h45"),
    ]);
    expect(await cau.sync()).toEqual({
      pushed: 0,
      pulled: 1,
      refused: [],
      conflicts: [
        {
          hamlet: "Cầu",
          date: "2024-12-10",
          reason: "Dòng đã được sửa ở thiết bị khác; xã sẽ chọn bản giữ lại.",
        },
      ],
      pending: 0,
      reports: [],
    });
    // Its workbook now shows the row the server keeps until the commune chooses.
    expect((await readPlanFile(cau.file)).journal[0].values.phat_quang_m).toBe(1000);

    const xa = await Device.enrol(url, codes.commune, planFile, file("xa"));
    const seen = await xa.sync();
    expect(seen.conflicts).toEqual([
      expect.objectContaining({
        hamlet: "Cầu",
        date: "2024-12-10",
        device: file("cau-2"),
        current: expect.objectContaining({
          values: expect.objectContaining({ phat_quang_m: 1000 }),
        }),
        proposed: expect.objectContaining({
          values: expect.objectContaining({ phat_quang_m: 700 }),
        }),
      }),
    ]);
    // The answer to "keep the proposed row" is lost; the retry finds it settled and the sync goes on.
    const session = await xa.session(losingFirstAnswer(fetchTransport(url), /resolve$/));
    expect(await session.resolve(seen.conflicts[0].id!, "proposed")).toMatchObject({
      pulled: 1,
      conflicts: [],
    });
    expect(
      (await readPlanFile(xa.file)).journal.find((r) => r.hamlet === "Cầu")?.values.phat_quang_m
    ).toBe(700);
    expect(await cau.sync()).toMatchObject({ pulled: 1, conflicts: [] });
    expect((await readPlanFile(cau.file)).journal[0].values.phat_quang_m).toBe(700);
  });

  test("a row the server refuses is listed with its hamlet, day and reason, even when the first answer was lost", async () => {
    const traiBi = await Device.enrol(url, codes.hamlets["Trại Bí"], planFile, file("traibi"));
    await typeRows(traiBi.file, [
      journalRow("12/12/2024", "Trại Bí", { dan_quan: 6, lam_duong_m: 150 }, "14h10", {
        note: "x".repeat(2500),
      }),
      journalRow("13/12/2024", "Trại Bí", { dan_quan: 6, lam_duong_m: 200 }, "14h10"),
    ]);
    const outcome = await traiBi.sync(losingFirstAnswer(fetchTransport(url), /push$/));
    const stored = await db.read((tx) => tx.all<{ reason: string }>("SELECT reason FROM rejected"));
    expect(stored).toHaveLength(1);
    expect(outcome).toEqual({
      pushed: 1,
      pulled: 0,
      refused: [{ hamlet: "Trại Bí", date: "2024-12-12", reason: stored[0].reason }],
      conflicts: [],
      pending: 0,
      reports: [],
    });
    expect(await serverRow("Trại Bí", "2024-12-13")).toMatchObject({
      values: { lam_duong_m: 200 },
    });
  });

  test("a revoked device is told to enrol again; its outbox waits and goes through under the new enrolment", async () => {
    const moi = await Device.enrol(url, codes.hamlets["Mới"], planFile, file("moi"));
    await moi.sync();
    const devices = await db.read((tx) =>
      tx.all<{ id: number }>(
        "SELECT d.id FROM devices d JOIN orgs o ON o.id = d.org_id WHERE o.name = 'Mới'"
      )
    );
    for (const d of devices) await revokeDevice(db, Number(d.id));
    await typeRows(moi.file, [
      journalRow("10/12/2024", "Mới", { nhan_dan: 9, phat_quang_m: 300 }, "14h20"),
    ]);
    await expect(moi.sync()).rejects.toThrow(
      new AuthError("Thiết bị chưa đăng ký hoặc đã bị thu hồi; hãy đăng ký lại.")
    );
    expect(await (await moi.session()).pending()).toBe(1);
    await moi.enrolAgain(await newCode("Mới"));
    expect(await moi.sync()).toMatchObject({ pushed: 1, pending: 0 });
    expect(await serverRow("Mới", "2024-12-10")).toMatchObject({ values: { phat_quang_m: 300 } });
  });

  test("an outdated DanVan is told to update, and its edits wait", async () => {
    const gocat = await Device.enrol(url, codes.hamlets["Gò Cát"], planFile, file("gocat"));
    await typeRows(gocat.file, [
      journalRow("10/12/2024", "Gò Cát", { nhan_dan: 4, phat_quang_m: 250 }, "14h20"),
    ]);
    const outdated: Transport = {
      post: (path, body, token) =>
        fetchTransport(url).post(path, { ...(body as object), protocolVersion: 1 }, token),
    };
    const failure = await gocat.sync(outdated).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(VersionError);
    expect((failure as Error).message).toMatch(/hãy cập nhật DanVan/);
    expect(await (await gocat.session()).pending()).toBe(1);
  });

  test("a damaged outbox is set aside under a dated name, the user is told, and later edits still reach the server", async () => {
    const dongDai = await Device.enrol(url, codes.hamlets["Đồng Dài"], planFile, file("dongdai"));
    await typeRows(dongDai.file, [
      journalRow("10/12/2024", "Đồng Dài", { nhan_dan: 3, dam_va_m: 100 }, "14h00"),
    ]);
    await dongDai.sync();
    const damaged = dongDai.outbox.text!.slice(0, 40);
    dongDai.outbox.text = damaged;
    await typeRows(dongDai.file, [
      journalRow("11/12/2024", "Đồng Dài", { nhan_dan: 3, dam_va_m: 120 }, "14h00"),
    ]);
    // Reusing the old client id would make the server take the new edit for one it already has, and drop it.
    expect(await dongDai.sync()).toMatchObject({
      pushed: 2,
      conflicts: [],
      refused: [],
      pending: 0,
      reports: [],
    });
    expect(await serverRow("Đồng Dài", "2024-12-11")).toMatchObject({ values: { dam_va_m: 120 } });
    const [aside, text] = [...dongDai.outbox.aside][0];
    expect(text).toBe(damaged);
    expect(aside).toMatch(/^hàng chờ thử \(hỏng \d{8}-\d{6}\)$/);
    expect(dongDai.notices).toEqual([
      `Hàng chờ đồng bộ ở hàng chờ thử bị hỏng (không đọc được nội dung); bản hỏng đã được cất sang ${aside}. Các dòng trong sổ sẽ được gửi lại từ đầu; máy chủ bỏ qua dòng đã có, dòng khác bản trên máy chủ thành xung đột để xã chọn.`,
    ]);
  });

  test("an outbox saved by the previous DanVan still sends its edits; one from a newer DanVan is left alone", async () => {
    const xomThap = await Device.enrol(url, codes.hamlets["Xóm Tháp"], planFile, file("xomthap"));
    const args = {
      hamlet: "Xóm Tháp",
      date: "2024-12-10",
      baseVersion: 0,
      values: { nhan_dan: 5, dam_va_m: 60 },
      note: "",
      reporter: "",
      sentAt: "2024-12-10T14:00",
    };
    xomThap.outbox.text = JSON.stringify({
      clientID: xomThap.identity.clientID,
      nextMutationID: 2,
      pending: [{ id: 1, args, hash: "h" }],
      cookie: null,
      known: {},
    });
    expect(await xomThap.sync()).toMatchObject({ pushed: 1, pending: 0 });
    expect(await serverRow("Xóm Tháp", "2024-12-10")).toMatchObject({ values: { dam_va_m: 60 } });

    const newer = JSON.stringify({ format: 4, anything: true });
    xomThap.outbox.text = newer;
    await expect(xomThap.sync()).rejects.toThrow(VersionError);
    await expect(xomThap.sync()).rejects.toThrow(
      /do một phiên bản DanVan mới hơn ghi \(phiên bản 4\); hãy cập nhật DanVan trên máy này\./
    );
    expect(xomThap.outbox.text).toBe(newer);
  });

  test("a client with no workbook (the phone page) syncs through the same session", async () => {
    const phone = await memoryDevice(url, codes.hamlets["Bàu Đưng"]);
    phone.journal.set({
      hamlet: "Bàu Đưng",
      date: "2024-12-10",
      data: {
        values: { nhan_dan: 8, phat_quang_m: 900 },
        note: "",
        reporter: "Ba",
        sentAt: "2024-12-10T14:02",
      },
    });
    expect(await phone.session.sync()).toEqual({
      pushed: 1,
      pulled: 0,
      refused: [],
      conflicts: [],
      pending: 0,
      reports: [],
    });
    expect(await serverRow("Bàu Đưng", "2024-12-10")).toMatchObject({
      values: { phat_quang_m: 900 },
      reporter: "Ba",
    });
  });

  test("rows a client failed to write come again at the next sync, and its older copy is never sent over them", async () => {
    const row = (phat_quang_m: number) => ({
      hamlet: "Sân Bay",
      date: "2024-12-10",
      data: {
        values: { nhan_dan: 2, phat_quang_m },
        note: "",
        reporter: "",
        sentAt: "2024-12-10T14:00",
      },
    });
    const first = await memoryDevice(url, codes.hamlets["Sân Bay"]);
    const second = await memoryDevice(url, await newCode("Sân Bay"));
    first.journal.set(row(100));
    await first.session.sync();
    expect(await second.session.sync()).toMatchObject({ pulled: 1 });
    first.journal.set(row(200));
    expect(await first.session.sync()).toMatchObject({ pushed: 1 });
    second.journal.failNext = true;
    await expect(second.session.sync()).rejects.toThrow("bộ nhớ đầy");
    expect(await second.session.sync()).toEqual({
      pushed: 0,
      pulled: 1,
      refused: [],
      conflicts: [],
      pending: 0,
      reports: [],
    });
    expect(second.journal.rows.get("2024-12-10|Sân Bay")?.data.values.phat_quang_m).toBe(200);
    expect(await serverRow("Sân Bay", "2024-12-10")).toMatchObject({
      values: { phat_quang_m: 200 },
    });
  });
});
