/**
 * The hierarchy through the API only, on both stores: the operator creates two provinces once; everything below
 * them (communes, campaigns, hamlets, reports, roll-ups) goes through devices' sessions, each kept to its subtree.
 * Both provinces have a commune "Tân Phong" with a hamlet "Cầu": nothing of one may reach the other.
 */
import type { FastifyInstance } from "fastify";
import { createProvince } from "../../server/admin";
import type { Database } from "../../server/store/database";
import type { Plan } from "../../src/core/model";
import { type NewCommuneReport, buildCommuneReport } from "../../src/core/rollup";
import { OLD_SERVER_REPORT, type Transport, fetchTransport } from "../../src/sync/client";
import { AuthError, ServerError } from "../../src/sync/errors";
import { type Identity, enroll } from "../../src/sync/identity";
import { PROTOCOL_VERSION } from "../../src/sync/protocol";
import { memoryPlace } from "../../src/sync/saved";
import { SyncSession } from "../../src/sync/session";
import { seedPlanWithJournal } from "../helpers/plans";
import { listen, storeTargets } from "../helpers/sync-env";
import { MemoryJournal, losingFirstAnswer, tanPhong } from "../sync/devices";

const DAY = "2024-12-12";

/** A device enrolled through the API, with its session (outbox in memory, journal in memory). */
class Member {
  readonly outbox = memoryPlace();
  readonly journal = new MemoryJournal();
  private constructor(readonly identity: Identity) {}

  static async enrol(url: string, code: string, name = "Máy thử"): Promise<Member> {
    return new Member(
      await enroll(fetchTransport(url), { server: url, code, name }, memoryPlace())
    );
  }

  session(transport: Transport = fetchTransport(this.identity.server)): SyncSession {
    return new SyncSession(this.identity, {
      transport,
      outbox: [this.outbox],
      journal: this.journal,
      notify: () => undefined,
      retry: { attempts: 2, baseMs: 0 },
    });
  }
}

/** The commune's report of DAY sent at `time`, from the sample journal (of `hamlets` only, when given). */
function reportOf(time: string, hamlets?: string[]): NewCommuneReport {
  const plan: Plan = seedPlanWithJournal();
  if (hamlets) plan.journal = plan.journal.filter((r) => hamlets.includes(r.hamlet));
  const [h, m] = time.split(":").map(Number);
  return buildCommuneReport(
    plan,
    DAY,
    { date: DAY, minutes: h * 60 + m },
    { commune: "Tân Phong" }
  );
}

const unreachable: Transport = {
  post: async () => {
    throw new Error("offline");
  },
};

describe.each(storeTargets())("the hierarchy through the API on $name", (target) => {
  let db: Database;
  let cleanup: () => Promise<void>;
  let app: FastifyInstance;
  let url: string;
  type Chain = { province: Member; commune: Member; hamlet: Member; codes: Record<string, string> };
  const chains: Record<string, Chain> = {};

  /** Operator → province → commune → hamlet, the operator's call the only one outside the API. */
  async function chain(provinceName: string): Promise<Chain> {
    const { code } = await createProvince(db, provinceName);
    const province = await Member.enrol(url, code, `Máy tỉnh ${provinceName}`);
    const communeCode = await province.session().issueCode({ commune: "Tân Phong" });
    const commune = await Member.enrol(url, communeCode.code, "Máy xã");
    const created = await commune.session().createCampaign(tanPhong());
    const hamlet = await Member.enrol(url, created.codes.hamlets["Cầu"], "Điện thoại ấp Cầu");
    return { province, commune, hamlet, codes: created.codes.hamlets };
  }

  beforeAll(async () => {
    ({ db, cleanup } = await target.open());
    ({ app, url } = await listen(db, { enrollPerMinute: 1000 }));
    chains.tayNinh = await chain("Tây Ninh");
    chains.longAn = await chain("Long An");
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    await cleanup();
  });

  test("each enrolment says where the device sits; a commune from its province's code follows its newest campaign", () => {
    const { province, commune, hamlet } = chains.tayNinh;
    expect(province.identity).toMatchObject({
      scope: "province",
      province: "Tây Ninh",
      commune: "",
      campaign: null,
    });
    expect(commune.identity).toMatchObject({
      scope: "commune",
      commune: "Tân Phong",
      province: "Tây Ninh",
      campaign: null,
    });
    expect(hamlet.identity).toMatchObject({
      scope: "hamlet",
      hamlet: "Cầu",
      commune: "Tân Phong",
      province: "Tây Ninh",
    });
    expect(hamlet.identity.campaign).toEqual(expect.any(Number));
  });

  test("a hamlet's rows reach its own commune only, never the same-named commune of the other province", async () => {
    const { tayNinh, longAn } = chains;
    tayNinh.hamlet.journal.set({
      hamlet: "Cầu",
      date: DAY,
      data: {
        values: { nhan_dan: 7, phat_quang_m: 120 },
        note: "",
        reporter: "A",
        sentAt: `${DAY}T14:00`,
      },
    });
    expect(await tayNinh.hamlet.session().sync()).toMatchObject({ pushed: 1, pending: 0 });
    expect(await tayNinh.commune.session().sync()).toMatchObject({ pulled: 1 });
    expect([...tayNinh.commune.journal.rows.values()]).toMatchObject([
      { hamlet: "Cầu", data: { values: { phat_quang_m: 120 } } },
    ]);
    await longAn.commune.session().sync();
    expect(longAn.commune.journal.rows.size).toBe(0);
    expect(tayNinh.codes["Cầu"]).not.toBe(longAn.codes["Cầu"]);
  });

  test("reports and roll-ups stay in their province; a re-sent day replaces its report, the old version kept", async () => {
    const { tayNinh, longAn } = chains;
    const first = await tayNinh.commune.session().sendReport(reportOf("15:40", ["Cầu"]));
    expect(first).toEqual({ sent: true, version: 1 });
    const again = await tayNinh.commune.session().sendReport(reportOf("15:50"));
    expect(again).toEqual({ sent: true, version: 2 });
    expect(await longAn.commune.session().sendReport(reportOf("17:05", ["Cầu"]))).toEqual({
      sent: true,
      version: 1,
    });

    const full = reportOf("15:50");
    const tn = (await tayNinh.province.session().rollup(DAY)).rollup;
    expect(Object.keys(tn.communes)).toEqual(["Tân Phong"]);
    expect(tn.communes["Tân Phong"]).toMatchObject({
      version: 2,
      late: false,
      sent_at: `${DAY}T15:50`,
    });
    expect(tn.total.day_total).toEqual(full.day_total);
    expect(tn.missing).toEqual([]);
    const la = (await longAn.province.session().rollup(DAY)).rollup;
    expect(la.communes["Tân Phong"]).toMatchObject({ version: 1, late: true });
    expect(la.total.day_total).toEqual(reportOf("17:05", ["Cầu"]).day_total);
    expect(la.late).toEqual(["Tân Phong"]);
    expect(la.total.day_total.phat_quang_m).toBeLessThan(tn.total.day_total.phat_quang_m);

    const versions = await db.read((tx) =>
      tx.all<{ version: number; latest: number }>(
        "SELECT r.version, r.latest FROM commune_reports r JOIN orgs m ON m.id = r.commune_id JOIN orgs p ON p.id = m.parent_id WHERE p.name = 'Tây Ninh' ORDER BY r.version"
      )
    );
    expect(versions.map((v) => [Number(v.version), Number(v.latest)])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    expect(
      await tayNinh.province.session().communeReport(DAY, { commune: "Tân Phong" })
    ).toMatchObject({
      version: 2,
      commune: "Tân Phong",
      day_total: full.day_total,
    });
  });

  test("a hamlet device neither sends up nor reads a roll-up or a commune's report", async () => {
    const hamlet = chains.tayNinh.hamlet;
    expect(await hamlet.session().sendReport(reportOf("15:00"))).toEqual({
      sent: false,
      queued: false,
      reason: "Chỉ thiết bị của xã gửi báo cáo lên cấp trên.",
    });
    // Sent by hand, past the session's own check: the server refuses it too.
    const pushed = await fetchTransport(url).post(
      "/push",
      {
        protocolVersion: PROTOCOL_VERSION,
        clientID: hamlet.identity.clientID,
        mutations: [{ id: 1, name: "putReport", args: reportOf("15:00") }],
      },
      hamlet.identity.token
    );
    expect(pushed.body).toMatchObject({
      results: [{ status: "rejected", reason: "Chỉ thiết bị của xã gửi báo cáo lên cấp trên." }],
    });
    await expect(hamlet.session().rollup(DAY)).rejects.toThrow(
      new ServerError("Chỉ thiết bị của tỉnh hoặc huyện xem tổng hợp các xã.", "forbidden")
    );
    await expect(hamlet.session().communeReport(DAY)).rejects.toThrow(
      "Thiết bị của ấp không xem báo cáo của xã."
    );
    await expect(hamlet.session().issueCode({ hamlet: "Trại Bí" })).rejects.toThrow(
      "Chỉ thiết bị của xã cấp mã cho ấp; đây là thiết bị của ấp."
    );
  });

  test("a commune reads its own report, not another commune's, and no roll-up", async () => {
    const { tayNinh, longAn } = chains;
    const other = await tayNinh.province.session().issueCode({ commune: "Tân Hòa" });
    const tanHoa = await Member.enrol(url, other.code);
    await tanHoa.session().createCampaign(tanPhong());
    expect((await tayNinh.commune.session().communeReport(DAY)).version).toBe(2);
    await expect(tanHoa.session().communeReport(DAY, { commune: "Tân Phong" })).rejects.toThrow(
      "Thiết bị của xã Tân Hòa chỉ xem báo cáo của xã mình."
    );
    await expect(tanHoa.session().communeReport(DAY)).rejects.toThrow(
      "Xã Tân Hòa chưa gửi báo cáo ngày 12/12/2024."
    );
    await expect(tayNinh.commune.session().rollup(DAY)).rejects.toThrow(
      "Chỉ thiết bị của tỉnh hoặc huyện"
    );
    // Long An's province does not reach Tây Ninh's communes by name.
    await expect(
      longAn.province.session().communeReport(DAY, { commune: "Tân Hòa" })
    ).rejects.toThrow('Không có xã "Tân Hòa" trong Long An.');
    expect((await tayNinh.province.session().rollup(DAY)).rollup.missing).toEqual(["Tân Hòa"]);
  });

  test("a commune under a district is another commune than the province's own of the same name; the deadline is the province's", async () => {
    const { province } = chains.tayNinh;
    const code = await province.session().issueCode({ commune: "Tân Phong", district: "Tân Biên" });
    const inDistrict = await Member.enrol(url, code.code);
    expect(inDistrict.identity).toMatchObject({
      commune: "Tân Phong",
      district: "Tân Biên",
      province: "Tây Ninh",
    });
    await inDistrict.session().createCampaign(tanPhong());
    expect(await inDistrict.session().sendReport(reportOf("16:45"))).toEqual({
      sent: true,
      version: 1,
    });
    const before = (await province.session().rollup(DAY)).rollup;
    expect(Object.keys(before.communes).sort()).toEqual(["Tân Phong", "Tân Phong (Tân Biên)"]);
    expect(before.late).toEqual(["Tân Phong (Tân Biên)"]);
    expect(await province.session().rollupSettings({ deadline: 17 * 60 })).toMatchObject({
      deadline: 17 * 60,
      party_committee: "TỈNH ỦY TÂY NINH",
    });
    const after = await province.session().rollup(DAY);
    expect(after.rollup.late).toEqual([]);
    expect(after.settings.deadline).toBe(17 * 60);
    await expect(chains.tayNinh.commune.session().rollupSettings({ deadline: 0 })).rejects.toThrow(
      "Chỉ thiết bị của tỉnh hoặc huyện đặt giờ nhận báo cáo của các xã."
    );
  });

  test("devices are listed and revoked within the caller's subtree only", async () => {
    const { tayNinh, longAn } = chains;
    const code = await tayNinh.commune.session().issueCode({ hamlet: "Trại Bí" });
    expect(code).toMatchObject({ scope: "hamlet", name: "Trại Bí" });
    const traiBi = await Member.enrol(url, code.code, "Điện thoại Trại Bí");
    const seen = await tayNinh.commune.session().devices();
    expect(seen.map((d) => d.name)).toEqual(["Máy xã", "Điện thoại ấp Cầu", "Điện thoại Trại Bí"]);
    expect(seen.filter((d) => d.self).map((d) => d.name)).toEqual(["Máy xã"]);
    await expect(tayNinh.commune.session().revoke(seen.find((d) => d.self)!.id)).rejects.toThrow(
      "Không thu hồi được chính thiết bị đang dùng"
    );
    const target = seen.find((d) => d.name === "Điện thoại Trại Bí")!;
    expect(target).toMatchObject({
      scope: "hamlet",
      org: "Trại Bí",
      parent: "Tân Phong",
      revoked: false,
    });
    await expect(longAn.commune.session().revoke(target.id)).rejects.toThrow(
      `Thiết bị số ${target.id} không thuộc xã Tân Phong.`
    );
    await expect(longAn.province.session().revoke(target.id)).rejects.toThrow(
      "không thuộc tỉnh Long An"
    );
    await tayNinh.province.session().revoke(target.id);
    await expect(traiBi.session().sync()).rejects.toThrow(AuthError);
    expect(
      (await tayNinh.commune.session().devices()).find((d) => d.id === target.id)?.revoked
    ).toBe(true);
    expect((await longAn.province.session().devices()).map((d) => d.name)).not.toContain(
      "Điện thoại Trại Bí"
    );
  });

  test("codes expire and lock after five wrong tries, in Vietnamese; a code can be reissued", async () => {
    const province = chains.longAn.province.session();
    const old = await province.issueCode({ commune: "Bình Hòa" });
    expect(Date.parse(old.expires_at) - Date.now()).toBeGreaterThan(13.9 * 24 * 3600e3);
    await db.write((tx) =>
      tx.run(
        "UPDATE enrollment_codes SET expires_at = '2024-12-01T00:00:00.000Z' WHERE expires_at = ?",
        [old.expires_at]
      )
    );
    await expect(Member.enrol(url, old.code)).rejects.toThrow(
      "Mã đăng ký đã hết hạn (dùng được đến 01/12/2024); hãy xin mã mới."
    );
    const fresh = await province.issueCode({ commune: "Bình Hòa" });
    const [tag, rest] = fresh.code.split("-");
    const wrong = rest === "2222" ? "3333" : "2222";
    for (let i = 0; i < 5; i++)
      await expect(Member.enrol(url, `${tag}-${wrong}`)).rejects.toThrow(
        "Mã đăng ký không đúng hoặc đã được dùng; kiểm tra lại từng ký tự (dạng ABCD-EF23), hoặc xin cấp trên mã mới."
      );
    await expect(Member.enrol(url, fresh.code)).rejects.toThrow(
      "Mã đăng ký đã bị khóa vì nhập sai quá 5 lần; hãy xin mã mới."
    );
    const third = await province.issueCode({ commune: "Bình Hòa" });
    expect((await Member.enrol(url, third.code)).identity).toMatchObject({
      scope: "commune",
      commune: "Bình Hòa",
    });
  });

  test("a report sent while the server is down waits in the outbox and is sent exactly once", async () => {
    const commune = chains.longAn.commune;
    const report = reportOf("16:10");
    expect(await commune.session(unreachable).sendReport(report)).toEqual({
      sent: false,
      queued: true,
    });
    expect(await commune.session(unreachable).pending()).toBe(1);
    // Back online: the next sync delivers it, its answer lost once; the resend is acknowledged, not stored again.
    await commune.session(losingFirstAnswer(fetchTransport(url), /push/)).sync();
    await commune.session().sync();
    expect(await commune.session().pending()).toBe(0);
    const stored = await db.read((tx) =>
      tx.all<{ version: number; sent_at: string }>(
        "SELECT r.version, r.sent_at FROM commune_reports r JOIN orgs m ON m.id = r.commune_id JOIN orgs p ON p.id = m.parent_id WHERE p.name = 'Long An' AND m.name = 'Tân Phong' ORDER BY r.version"
      )
    );
    expect(stored.map((r) => [Number(r.version), r.sent_at])).toEqual([
      [1, `${DAY}T17:05`],
      [2, `${DAY}T16:10`],
    ]);
    expect((await commune.session().communeReport(DAY)).version).toBe(2);
  });

  test("a server older than the report keeps it queued and says to update the server", async () => {
    const commune = chains.tayNinh.commune;
    const oldServer: Transport = {
      post: async (path, body, token) =>
        path === "/push" && JSON.stringify(body).includes("putReport")
          ? {
              status: 400,
              body: { code: "invalid", error: 'Dữ liệu không hợp lệ: "mutations.0.name" …' },
            }
          : fetchTransport(url).post(path, body, token),
    };
    await expect(commune.session(oldServer).sendReport(reportOf("15:55"))).rejects.toThrow(
      OLD_SERVER_REPORT
    );
    expect(await commune.session().pending()).toBe(1);
    await commune.session().sync();
    expect((await commune.session().communeReport(DAY)).version).toBe(3);
  });
});
