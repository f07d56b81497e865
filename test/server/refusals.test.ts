/**
 * The server refuses what it must not store (issue 7): each case is the real push, on SQLite and PostgreSQL.
 * A refused row is a rejected mutation with a Vietnamese reason — the queue moves on, nothing is stored.
 */
import type { FastifyInstance } from "fastify";
import { createCampaign } from "../../server/admin";
import type { Database } from "../../server/store/database";
import { ErrorBody, type EnrollResponse, type PullResponse } from "../../src/sync/protocol";
import { cleanPlan } from "../helpers/plans";
import { listen, storeTargets } from "../helpers/sync-env";
import { http, rowArgs } from "./http";

const good = rowArgs("Bình Hòa", "2025-03-11");

const BAD_ROWS: { what: string; args: Record<string, unknown>; reason: string }[] = [
  {
    what: "a note holding U+FFFE",
    args: { note: "Đã xong\uFFFE" },
    reason: "Ghi chú có ký tự Excel không lưu được (như U+FFFE); hãy xoá ký tự đó rồi gửi lại.",
  },
  {
    what: "a reporter holding a control character",
    args: { reporter: "Ba\u0007" },
    reason:
      "Người báo cáo có ký tự Excel không lưu được (như U+FFFE); hãy xoá ký tự đó rồi gửi lại.",
  },
  {
    what: "30 February",
    args: { date: "2024-02-30" },
    reason: 'Ngày "2024-02-30" không có trên lịch.',
  },
  {
    what: "month 13, day 45",
    args: { date: "2024-13-45" },
    reason: 'Ngày "2024-13-45" không có trên lịch.',
  },
  {
    what: "0000-00-00",
    args: { date: "0000-00-00" },
    reason: 'Ngày "0000-00-00" không có trên lịch.',
  },
  {
    what: "a day in 1999",
    args: { date: "1999-01-01" },
    reason: "Ngày 01/01/1999 ngoài đợt 10/03/2025 – 14/03/2025.",
  },
  {
    what: "a day in 2099",
    args: { date: "2099-12-31" },
    reason: "Ngày 31/12/2099 ngoài đợt 10/03/2025 – 14/03/2025.",
  },
  {
    what: "the day after the campaign",
    args: { date: "2025-03-15" },
    reason: "Ngày 15/03/2025 ngoài đợt 10/03/2025 – 14/03/2025.",
  },
  {
    what: 'sent at "99:99"',
    args: { sentAt: "2025-03-11T99:99" },
    reason: 'Giờ gửi "99:99" không có thật (từ 00:00 đến 23:59).',
  },
  {
    what: 'sent at "24:00"',
    args: { sentAt: "2025-03-11T24:00" },
    reason: 'Giờ gửi "24:00" không có thật (từ 00:00 đến 23:59).',
  },
  {
    what: "sent on 30 February",
    args: { sentAt: "2025-02-30T14:00" },
    reason: 'Ngày gửi "2025-02-30" không có trên lịch.',
  },
  {
    what: "1.5 soldiers",
    args: { values: { quan_doi: 1.5 } },
    reason: "Quân đội = 1,5: phải là số nguyên (người).",
  },
  {
    what: "10^12 soldiers",
    args: { values: { quan_doi: 1e12 } },
    reason:
      "Quân đội = 1.000.000.000.000: quá mức một ấp có thể có trong một ngày (tối đa 2.000 người).",
  },
  {
    what: "half a house",
    args: { values: { nha_dai_doan_ket_can: 0.5 } },
    reason: "Nhà đại đoàn kết (căn) = 0,5: phải là số nguyên (căn).",
  },
  {
    what: "2.5 sessions",
    args: { values: { tuyen_truyen_buoi: 2.5 } },
    reason: "Tuyên truyền (buổi) = 2,5: phải là số nguyên (buổi).",
  },
  {
    what: "1.5 events",
    args: { values: { van_nghe_the_thao_cuoc: 1.5 } },
    reason: "Văn nghệ, thể thao (cuộc) = 1,5: phải là số nguyên (cuộc).",
  },
  {
    what: "a billion metres cleared in a day",
    args: { values: { phat_quang_m: 1e9 } },
    reason:
      "Phát quang (m) = 1.000.000.000: quá mức một ấp có thể có trong một ngày (tối đa 100.000 m).",
  },
  {
    what: "a negative count",
    args: { values: { nhan_dan: -3 } },
    reason: "Nhân dân = -3: số liệu không được âm.",
  },
  {
    what: "an indicator the journal has not",
    args: { values: { xyz: 1 } },
    reason: 'Không có chỉ tiêu "xyz" trong nhật ký.',
  },
  {
    what: "baseVersion 1e300",
    args: { baseVersion: 1e300 },
    reason: "Phiên bản gốc của dòng không hợp lệ.",
  },
  {
    what: "a date that is not text",
    args: { date: 20250311 },
    reason: 'Dữ liệu không hợp lệ: "date" phải là chữ.',
  },
  {
    what: "no hamlet",
    args: { hamlet: undefined },
    reason: 'Dữ liệu không hợp lệ: thiếu "hamlet".',
  },
];

describe.each(storeTargets())("the server refuses what it must not store, on $name", (target) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let api: ReturnType<typeof http>;
  let hamlet: EnrollResponse;
  let commune: EnrollResponse;
  let next = 1;

  beforeAll(async () => {
    ({ db, cleanup } = await target.open());
    let url: string;
    ({ app, url } = await listen(db, { enrollPerMinute: 1000 }));
    api = http(url);
    const { codes } = await createCampaign(db, cleanPlan());
    hamlet = (await api.post("/enroll", { code: codes.hamlets["Bình Hòa"] }))
      .body as EnrollResponse;
    commune = (await api.post("/enroll", { code: codes.commune })).body as EnrollResponse;
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await cleanup();
  });

  test.each(BAD_ROWS)("$what: rejected, “$reason”", async ({ args, reason }) => {
    const id = next++;
    const r = await api.push(hamlet, [{ id, args: { ...good, ...args } }]);
    expect(r).toMatchObject({
      status: 200,
      body: { lastMutationID: id, results: [{ id, status: "rejected", reason }] },
    });
  });

  test("none of them was stored, each is listed for the device, and a good row after them is applied", async () => {
    expect(((await api.pull(commune)).body as PullResponse).rows).toEqual([]);
    const pulled = (await api.pull(hamlet)).body as PullResponse;
    expect(pulled.rejected.map((r) => r.reason)).toEqual(BAD_ROWS.map((b) => b.reason));
    const r = await api.push(hamlet, [{ id: next, args: good }]);
    expect(r.body).toMatchObject({ results: [{ status: "applied", version: 1 }] });
    expect(((await api.pull(commune)).body as PullResponse).rows).toMatchObject([
      { hamlet: "Bình Hòa", date: "2025-03-11" },
    ]);
  });

  test.each(["0", "-1", "abc", "1.5", "%00", "12345678901234567890", "2147483648", "1e3"])(
    "POST /conflicts/%s/resolve → 400 with a Vietnamese typed error",
    async (id) => {
      const r = await api.post(`/conflicts/${id}/resolve`, { choice: "proposed" }, commune.token);
      expect(r.status).toBe(400);
      expect(ErrorBody.parse(r.body)).toEqual({
        code: "invalid",
        error: "Số xung đột không hợp lệ (cần một số nguyên dương).",
      });
    }
  );

  test("a conflict id that does not exist is a 404, and a bad choice a 400 in Vietnamese", async () => {
    const missing = await api.post(
      "/conflicts/2147483647/resolve",
      { choice: "proposed", baseVersion: 1e300 },
      commune.token
    );
    expect(missing).toMatchObject({ status: 404, body: { code: "not_found" } });
    const bad = await api.post("/conflicts/1/resolve", { choice: "both" }, commune.token);
    expect(bad).toMatchObject({
      status: 400,
      body: {
        code: "invalid",
        error: 'Yêu cầu không hợp lệ: "choice" phải là một trong "current", "proposed".',
      },
    });
  });

  test("a mutation id beyond what the store holds is a 400, not a server error", async () => {
    const r = await api.push(hamlet, [{ id: 1e300, args: good }]);
    expect(r).toMatchObject({
      status: 400,
      body: { code: "invalid", error: "Số thứ tự thay đổi quá lớn." },
    });
  });
});
