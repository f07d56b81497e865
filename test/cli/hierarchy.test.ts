/**
 * The onboarding and the daily report going up with the danvan command only, on SQLite and PostgreSQL: the
 * operator creates the province (the one command that needs the store), then each device works through the
 * server within its own subtree.
 */
import { formatDate } from "../../src/core/dates";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import type { Database } from "../../server/store/database";
import { cliAsync } from "../helpers/cli";
import { listen, storeTargets } from "../helpers/sync-env";
import { tempDir } from "../helpers/tmp";
import { cleanPlan } from "../helpers/plans";
import { journalRow, typeRows, writePlanFile } from "../sync/devices";

const DAY = "2025-03-10";
const FORCES = { quan_doi: 3, dan_quan: 3, cong_an: 3, doan_the: 4, nhan_dan: 3 };
const dir = tempDir();

/** danvan as a user runs it, without blocking this process (its server answers the call). */
const danvan = (home: string, ...args: string[]) =>
  cliAsync(dir, () => ({ DANVAN_HOME: join(dir(), home) }))(...args);

describe.each(storeTargets())(
  "onboarding and the report sent up with danvan on $name",
  (target) => {
    let db: Database;
    let dbUrl: string;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    let url: string;
    const home = (who: string) => `${target.name}-${who}`;
    const file = (name: string) => join(dir(), `${target.name}-${name}.xlsx`);

    beforeAll(async () => {
      ({ db, url: dbUrl, cleanup } = await target.open());
      ({ app, url } = await listen(db, { enrollPerMinute: 1000 }));
      // An Bình's plan without its journal: the hamlets' rows arrive through the server.
      const plan = cleanPlan();
      plan.journal = [];
      await writePlanFile(file("plan"), plan);
      for (const f of ["xa", "cau"]) copyFileSync(file("plan"), file(f));
    });
    afterAll(async () => {
      await app.close();
      await db.close();
      await cleanup();
    });

    test("operator → province → commune → hamlet, the report sent up and rolled up", async () => {
      const province = await danvan(
        home("tinh"),
        "admin",
        "org",
        "create",
        "--db",
        dbUrl,
        "--kind",
        "province",
        "--name",
        "Tây Ninh",
        "--json"
      );
      expect(province.code).toBe(0);
      expect(province.json()).toMatchObject({
        org: expect.any(Number),
        code: expect.stringMatching(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/),
      });
      expect(
        (await danvan(home("tinh"), "enroll", "--server", url, "--code", province.json().code))
          .stdout
      ).toBe("Đã đăng ký thiết bị cho tỉnh Tây Ninh.\n");

      const communeCode = await danvan(
        home("tinh"),
        "code",
        "--server",
        url,
        "--commune",
        "An Bình",
        "--json"
      );
      expect(communeCode.code).toBe(0);
      expect(
        await danvan(home("xa"), "enroll", "--server", url, "--code", communeCode.json().code)
      ).toMatchObject({
        code: 0,
        stdout: "Đã đăng ký thiết bị cho xã An Bình.\n",
      });
      const campaign = await danvan(
        home("xa"),
        "campaign",
        "create",
        file("plan"),
        "--server",
        url,
        "--json"
      );
      expect(campaign.code).toBe(0);
      const { hamlets } = campaign.json().codes;
      expect(Object.keys(hamlets)).toEqual(["Bình Hòa", "Sân Bay"]);
      expect(campaign.json()).toMatchObject({ campaign: expect.any(Number) });

      expect(
        (await danvan(home("cau"), "enroll", "--server", url, "--code", hamlets["Bình Hòa"])).code
      ).toBe(0);
      expect(
        await danvan(home("cau"), "code", "--server", url, "--hamlet", "Sân Bay")
      ).toMatchObject({
        code: 2,
        stderr: "Lỗi: Chỉ thiết bị của xã cấp mã cho ấp; đây là thiết bị của ấp.\n",
      });
      await typeRows(file("cau"), [
        journalRow(DAY, "Bình Hòa", { ...FORCES, phat_quang_m: 350 }, "14h05"),
      ]);
      // The commune types Sân Bay's row itself.
      await typeRows(file("xa"), [
        journalRow(DAY, "Sân Bay", { ...FORCES, phat_quang_m: 100 }, "14h30"),
      ]);
      expect((await danvan(home("cau"), "sync", file("cau"), "--json")).json()).toMatchObject({
        pushed: 1,
        pending: 0,
      });
      expect((await danvan(home("xa"), "sync", file("xa"), "--json")).json()).toMatchObject({
        pulled: 1,
      });

      const send = ["report", file("xa"), "--date", DAY, "--send", "--server", url, "--json"];
      const first = await danvan(home("xa"), ...send, "--as-of", `${DAY}T15:40`);
      expect(first.code).toBe(0);
      expect(first.json()).toMatchObject({ sent: true, version: 1 });
      expect((await danvan(home("xa"), ...send, "--as-of", `${DAY}T15:45`)).json()).toMatchObject({
        sent: true,
        version: 2,
      });

      const hamletSend = await danvan(
        home("cau"),
        "report",
        file("cau"),
        "--date",
        DAY,
        "--send",
        "--json"
      );
      expect(hamletSend).toMatchObject({
        code: 2,
        stderr: "Lỗi: Chỉ thiết bị của xã gửi báo cáo lên cấp trên.\n",
      });
      expect(await danvan(home("cau"), "rollup", "--date", DAY, "--json")).toMatchObject({
        code: 2,
        stderr: "Lỗi: Chỉ thiết bị của tỉnh hoặc huyện xem tổng hợp các xã.\n",
      });

      const rolled = await danvan(
        home("tinh"),
        "rollup",
        "--server",
        url,
        "--date",
        DAY,
        "--json",
        "--out",
        file("th")
      );
      expect(rolled.code).toBe(0);
      expect(rolled.json()).toEqual({
        date: DAY,
        communes: {
          "An Bình": {
            sent_at: `${DAY}T15:45`,
            late: false,
            version: 2,
            day_total: expect.objectContaining({ phat_quang_m: 450, nhan_dan: 6, llvt: 18 }),
            cumulative: expect.objectContaining({ phat_quang_m: 450 }),
          },
        },
        total: {
          day_total: expect.objectContaining({ phat_quang_m: 450 }),
          cumulative: expect.objectContaining({ phat_quang_m: 450 }),
        },
        missing: [],
        late: [],
      });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file("th"));
      expect(wb.worksheets.map((w) => w.name)).toEqual(["TH 10-03-2025"]);
    });

    test("the province's deadline marks a commune late; --out adds only the TH sheet to a workbook", async () => {
      const settings = await danvan(
        home("tinh"),
        "rollup-settings",
        "--deadline",
        "15:30",
        "--signer",
        "Nguyễn Văn A",
        "--json"
      );
      expect(settings.json()).toMatchObject({
        deadline: 15 * 60 + 30,
        signer: "Nguyễn Văn A",
        party_committee: "TỈNH ỦY TÂY NINH",
      });
      copyFileSync(file("plan"), file("tinh-book"));
      const rolled = await danvan(
        home("tinh"),
        "rollup",
        "--date",
        DAY,
        "--out",
        file("tinh-book")
      );
      expect(rolled.code).toBe(0);
      expect(rolled.stdout).toContain("Xã gửi trễ: An Bình.");
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file("tinh-book"));
      expect(wb.worksheets.map((w) => w.name)).toContain("TH 10-03-2025");
      expect(wb.worksheets.length).toBeGreaterThan(1);
    });

    test("offline the report waits (exit 1) and the next sync sends it once", async () => {
      const offline = await danvan(
        home("xa"),
        "report",
        file("xa"),
        "--date",
        DAY,
        "--send",
        "--server",
        "http://127.0.0.1:9",
        "--json",
        "--as-of",
        `${DAY}T15:50`
      );
      expect(offline.code).toBe(1);
      expect(offline.json()).toMatchObject({ sent: false, queued: true });
      const sync = await danvan(home("xa"), "sync", file("xa"));
      expect(sync.code).toBe(0);
      expect(sync.stdout).toContain(`Đã gửi báo cáo ngày ${formatDate(DAY)} lên cấp trên (lần 3).`);
      expect((await danvan(home("xa"), "sync", file("xa"), "--json")).json()).toMatchObject({
        pending: 0,
        reports: [],
      });
      const rolled = (await danvan(home("tinh"), "rollup", "--date", DAY, "--json")).json();
      expect(rolled.communes["An Bình"]).toMatchObject({ version: 3, sent_at: `${DAY}T15:50` });
    });

    test("a commune lists its devices and revokes one of them; one outside its subtree is refused", async () => {
      const code = (await danvan(home("xa"), "code", "--hamlet", "Bình Hòa", "--json")).json().code;
      expect(
        (
          await danvan(
            home("cau2"),
            "enroll",
            "--server",
            url,
            "--code",
            code,
            "--name",
            "Máy thứ hai"
          )
        ).code
      ).toBe(0);
      const devices = (await danvan(home("xa"), "devices", "--json")).json().devices;
      const second = devices.find((d: { name: string }) => d.name === "Máy thứ hai");
      expect(second).toMatchObject({ scope: "hamlet", org: "Bình Hòa", revoked: false });
      const province = devices.length;
      expect((await danvan(home("tinh"), "devices", "--json")).json().devices.length).toBe(
        province + 1
      );
      expect(await danvan(home("cau"), "revoke", "--device", String(second.id))).toMatchObject({
        code: 2,
        stderr: "Lỗi: Thiết bị của ấp không thu hồi thiết bị.\n",
      });
      expect(await danvan(home("xa"), "revoke", "--device", String(second.id))).toMatchObject({
        code: 0,
        stdout: `Đã thu hồi thiết bị ${second.id}.\n`,
      });
      copyFileSync(file("plan"), file("cau2"));
      expect((await danvan(home("cau2"), "sync", file("cau2"))).code).toBe(2);
    });
  }
);
