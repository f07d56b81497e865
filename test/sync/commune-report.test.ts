/**
 * The invariant of the sync row path: after the hamlets sync and the commune pulls, the commune's daily report
 * and its late/missing findings for each hamlet equal that hamlet's own workbook as typed — on SQLite and on
 * PostgreSQL, with the habits that used to break it: a correction sent the next morning, a duplicate placed below
 * the original, a row without a sent time, a late row, a missing day.
 */
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { createCampaign } from "../../server/admin";
import type { Database } from "../../server/store/database";
import { checkPlan } from "../../src/core/checks";
import { type LocalDateTime, dateRange, dateToExcelSerial } from "../../src/core/dates";
import type { Plan } from "../../src/core/model";
import { buildReport } from "../../src/core/report";
import { listen, storeTargets } from "../helpers/sync-env";
import { tempDir } from "../helpers/tmp";
import { Device, journalRow, readPlanFile, tanPhong, typeRows, writePlanFile } from "./devices";

const dir = tempDir();
const AS_OF: LocalDateTime = { date: "2024-12-16", minutes: 16 * 60 };
const DAYS = dateRange("2024-12-10", "2024-12-16");
const people = { quan_doi: 3, dan_quan: 3, cong_an: 3, nhan_dan: 3 };
/** 08:10 on 12/12/2024 as Excel holds a date and time typed into Giờ gửi. */
const NEXT_MORNING = dateToExcelSerial("2024-12-12") + (8 * 60 + 10) / 1440;
/** 08:30 on 13/12/2024. */
const MORNING_AFTER_12 = dateToExcelSerial("2024-12-13") + (8 * 60 + 30) / 1440;

/** What the commune's report and findings say of one hamlet, day by day. */
function seenOf(plan: Plan, hamlet: string) {
  const days = DAYS.map((date) => {
    const r = buildReport(plan, date, AS_OF);
    return {
      date,
      figures: r.hamlets[hamlet],
      forces: r.forces[hamlet],
      missing: r.missing.includes(hamlet),
      late: r.late.includes(hamlet),
      notes: r.notes.filter((n) => n.hamlet === hamlet),
    };
  });
  const findings = checkPlan(plan, AS_OF)
    .filter(
      (f) =>
        (f.code === "REPORT_LATE" || f.code === "REPORT_MISSING") &&
        f.message.startsWith(`Ấp ${hamlet} `)
    )
    .map((f) => `${f.code} ${f.message}`)
    .sort();
  return { days, findings };
}

describe.each(storeTargets())(
  "the commune sees each hamlet as the hamlet typed it, on $name",
  (target) => {
    let db: Database;
    let cleanup: () => Promise<void>;
    let app: FastifyInstance;
    const typed: Record<string, Plan> = {};
    let commune: Plan;
    let devices: Device[];

    beforeAll(async () => {
      ({ db, cleanup } = await target.open());
      const { url } = ({ app } = await listen(db));
      const { codes } = await createCampaign(db, tanPhong());
      const planFile = join(dir(), `${target.name}-plan.xlsx`);
      await writePlanFile(planFile, tanPhong());
      const device = (hamlet: string, code: string) =>
        Device.enrol(url, code, planFile, join(dir(), `${target.name}-${hamlet}.xlsx`));
      const cau = await device("Cầu", codes.hamlets["Cầu"]);
      await typeRows(cau.file, [
        journalRow("10/12/2024", "Cầu", { ...people, phat_quang_m: 1000 }, "14h05"),
        journalRow("11/12/2024", "Cầu", { ...people, phat_quang_m: 800 }, "14h00"),
        journalRow("12/12/2024", "Cầu", { ...people, thap_sang_m: 400 }, "14h30"),
        // A copy of 12/12 sent earlier, pasted below the original: the original still counts.
        journalRow("12/12/2024", "Cầu", { ...people, thap_sang_m: 100 }, "14h00"),
        journalRow("13/12/2024", "Cầu", { ...people, phat_quang_m: 300 }, "16h30"),
        // 14/12: nothing sent.
        // 15/12 without a sent time, above a timed row of that day: it counts, as sent at the end of its day.
        journalRow("15/12/2024", "Cầu", { ...people, phat_quang_m: 250 }, null),
        journalRow("15/12/2024", "Cầu", { ...people, phat_quang_m: 200 }, "14h10"),
      ]);
      const traiBi = await device("Trại Bí", codes.hamlets["Trại Bí"]);
      await typeRows(traiBi.file, [
        journalRow(
          "10/12/2024",
          "Trại Bí",
          { dan_quan: 6, nhan_dan: 2, lam_duong_m: 150 },
          "15h25"
        ),
        journalRow(
          "11/12/2024",
          "Trại Bí",
          { dan_quan: 6, nhan_dan: 2, lam_duong_m: 250 },
          "14h50",
          { note: "bản đầu" }
        ),
        // The correction of 11/12, sent at 08:10 the next morning: it counts, and it is late.
        journalRow(
          "11/12/2024",
          "Trại Bí",
          { dan_quan: 6, nhan_dan: 2, lam_duong_m: 280 },
          NEXT_MORNING,
          { note: "sửa lại" }
        ),
        // 12/12 sent late, then corrected the next morning: late once, for the correction that counts.
        journalRow("12/12/2024", "Trại Bí", { dan_quan: 6, nhan_dan: 2, lam_duong_m: 90 }, "16h00"),
        journalRow(
          "12/12/2024",
          "Trại Bí",
          { dan_quan: 6, nhan_dan: 2, lam_duong_m: 95 },
          MORNING_AFTER_12
        ),
        // 13/12 sent late, then retyped without a sent time: the untimed row counts and is not late.
        journalRow("13/12/2024", "Trại Bí", { dan_quan: 6, nhan_dan: 2, lam_duong_m: 60 }, "16h10"),
        journalRow("13/12/2024", "Trại Bí", { dan_quan: 6, nhan_dan: 2, lam_duong_m: 70 }, null),
      ]);
      typed["Cầu"] = await readPlanFile(cau.file);
      typed["Trại Bí"] = await readPlanFile(traiBi.file);
      expect(await cau.sync()).toMatchObject({ pushed: 5, refused: [], conflicts: [], pending: 0 });
      expect(await traiBi.sync()).toMatchObject({
        pushed: 4,
        refused: [],
        conflicts: [],
        pending: 0,
      });
      const xa = await device("xa", codes.commune);
      expect(await xa.sync()).toMatchObject({ pulled: 9, pending: 0 });
      commune = await readPlanFile(xa.file);
      devices = [cau, traiBi, xa];
    });
    afterAll(async () => {
      await app.close();
      await db.close();
      await cleanup();
    });

    test("a duplicate placed below the original, a row without a sent time, a late row and a missing day read the same at the commune", async () => {
      expect(seenOf(commune, "Cầu")).toEqual(seenOf(typed["Cầu"], "Cầu"));
      // A hamlet that sent nothing is missing every closed day at the commune too.
      expect(seenOf(commune, "Mới")).toEqual(seenOf(typed["Cầu"], "Mới"));
      // What the equality rests on, as the commune officer reads it.
      const cau = seenOf(commune, "Cầu");
      expect(cau.days.map((d) => d.figures.phat_quang_m + d.figures.thap_sang_m)).toEqual([
        1000, 800, 400, 300, 0, 250, 0,
      ]);
      expect(cau.findings).toEqual([
        "REPORT_LATE Ấp Cầu gửi báo cáo ngày 13/12/2024 lúc 16:30, sau giờ nhận 15:00.",
        "REPORT_MISSING Ấp Cầu chưa có báo cáo ngày 14/12/2024 (hạn 15:00).",
        "REPORT_MISSING Ấp Cầu chưa có báo cáo ngày 16/12/2024 (hạn 15:00).",
      ]);
      // The round trip is exact: syncing again sends and receives nothing anywhere.
      for (const d of devices)
        expect(await d.sync()).toMatchObject({ pushed: 0, pulled: 0, pending: 0 });
    });

    test("a correction sent the next morning counts, late once, at the commune as in the hamlet's workbook; an untimed retype is not late", () => {
      expect(seenOf(commune, "Trại Bí")).toEqual(seenOf(typed["Trại Bí"], "Trại Bí"));
      const traiBi = seenOf(commune, "Trại Bí");
      expect(traiBi.days[1]).toMatchObject({
        late: true,
        notes: [{ hamlet: "Trại Bí", note: "sửa lại" }],
      });
      expect(traiBi.days[1].figures.lam_duong_m).toBe(280);
      expect(traiBi.findings.filter((f) => f.startsWith("REPORT_LATE"))).toEqual([
        "REPORT_LATE Ấp Trại Bí gửi báo cáo ngày 10/12/2024 lúc 15:25, sau giờ nhận 15:00.",
        "REPORT_LATE Ấp Trại Bí gửi báo cáo ngày 11/12/2024 lúc 08:10 ngày 12/12/2024, sau giờ nhận 15:00.",
        "REPORT_LATE Ấp Trại Bí gửi báo cáo ngày 12/12/2024 lúc 08:30 ngày 13/12/2024, sau giờ nhận 15:00.",
      ]);
      expect(traiBi.days.slice(2, 4).map((d) => [d.figures.lam_duong_m, d.late])).toEqual([
        [95, true],
        [70, false],
      ]);
    });
  }
);
