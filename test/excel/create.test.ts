/** Tạo sổ → Ghi vào sổ never drops the journal rows, deadlines or members a workbook already has. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { importPlanText } from "../../src/core/importer";
import type { Plan } from "../../src/core/model";
import { emptyPlan } from "../../src/core/model";
import { writePlanWorkbook } from "../../src/excel/tasks";
import { mockWorkbook } from "../helpers/excel-mock";
import { planToGrid } from "../helpers/plans";

const SEED = readFileSync(join(__dirname, "../fixtures/ke-hoach-tan-phong.txt"), "utf8");
const imported = (): Plan => importPlanText(SEED).plan;

/** The workbook a commune has used for three days: 24 journal rows, a deadline and a member of its own. */
function usedWorkbook() {
  const plan = imported();
  plan.journal = ["2024-12-10", "2024-12-11", "2024-12-12"].flatMap((date) =>
    plan.hamlets.map((h) => ({
      date,
      hamlet: h.name,
      values: { nhan_dan: 3, phat_quang_m: 100 },
      note: "",
      reporter: "Tổ trưởng",
      sent_minutes: 14 * 60,
      sent_date: date,
    }))
  );
  plan.deadlines.push({
    content: "Họp rút kinh nghiệm giữa đợt",
    unit: "Ban Chỉ đạo xã",
    recipient: "",
    due: "2024-12-17",
    time: null,
    done: null,
    note: "",
  });
  plan.members.push({
    no: 22,
    name: "Trần Thanh Hưng",
    position: "Phó Chỉ huy trưởng Ban CHQS",
    role: "Thành viên",
    hamlet: "",
  });
  const grid = planToGrid(plan);
  grid.sheets.push({ name: "BC 12-12-2024", rows: [["BÁO CÁO NHANH"]] });
  return grid;
}

const written = (wb: ReturnType<typeof mockWorkbook>, sheet: string) =>
  Object.fromEntries(
    wb
      .sheet(sheet)
      .ranges.filter((r) => Array.isArray(r.mock.values))
      .map((r) => [r.address, (r.mock.values as unknown[][])[0][0]])
  );

test("on a workbook in use, Ghi vào sổ first asks, naming what would be replaced and what is kept, and writes nothing", async () => {
  const wb = mockWorkbook(usedWorkbook());
  const outcome = await writePlanWorkbook(wb.context, imported(), { replace: false });
  expect(outcome.status).toBe("confirm");
  const question = outcome.status === "confirm" ? outcome.question : "";
  expect(question).toMatch(
    /^Sổ đang có trang "Kế hoạch" \(kế hoạch "Phối hợp liên ngành làm công tác dân vận đợt II năm 2024", 5 chỉ tiêu\), trang "Ấp Cầu" \(4 công việc, người phụ trách Ngô Huỳnh Gấm\), /
  );
  expect(question).toContain('trang "Toàn xã" (4 công việc)');
  expect(question).toMatch(
    /ghi kế hoạch mới sẽ thay các trang này\. Giữ nguyên 24 dòng nhật ký, 5 thời hạn, 22 thành viên\. Ghi đè\?$/
  );
  expect(wb.added()).toEqual([]);
  expect(wb.syncs()).toBe(2);
});

test("with consent it rewrites the plan's sheets only: Nhật ký, Thời hạn, Thành viên and reports are left as they are", async () => {
  const wb = mockWorkbook(usedWorkbook());
  const outcome = await writePlanWorkbook(wb.context, imported(), { replace: true });
  expect(outcome).toEqual({
    status: "written",
    message:
      "Đã ghi 10 trang (Kế hoạch, 8 trang ấp, Toàn xã). Giữ nguyên 24 dòng nhật ký, 5 thời hạn, 22 thành viên.",
  });
  expect(wb.added()).toEqual([
    "Kế hoạch",
    "Ấp Cầu",
    "Ấp Trại Bí",
    "Ấp Sân Bay",
    "Ấp Mới",
    "Ấp Bàu Đưng",
    "Ấp Gò Cát",
    "Ấp Đồng Dài",
    "Ấp Xóm Tháp",
    "Toàn xã",
  ]);
  for (const kept of ["Nhật ký", "Thời hạn", "Thành viên", "BC 12-12-2024"]) {
    expect(wb.sheet(kept)).toMatchObject({ name: kept, deleted: false, ranges: [] });
  }
  expect(wb.syncs()).toBe(3);
});

test("deadlines and members of the plan that the workbook lacks are added below its own rows", async () => {
  const plan = imported();
  plan.deadlines.push({
    content: "Nộp báo cáo tổng kết về huyện",
    unit: "Ban Chỉ đạo xã",
    recipient: "Ban Chỉ đạo huyện",
    due: "2024-12-30",
    time: null,
    done: null,
    note: "",
  });
  plan.members.push({
    no: null,
    name: "Lê Văn Mới",
    position: "Công chức Văn phòng",
    role: "Thành viên",
    hamlet: "",
  });
  const wb = mockWorkbook(usedWorkbook());
  const outcome = await writePlanWorkbook(wb.context, plan, { replace: true });
  expect(outcome.status === "written" && outcome.message).toBe(
    "Đã ghi 10 trang (Kế hoạch, 8 trang ấp, Toàn xã). Thêm 1 thời hạn và 1 thành viên vào các trang có sẵn. Giữ nguyên 24 dòng nhật ký, 5 thời hạn, 22 thành viên."
  );
  // Five deadlines (rows 2–6) and 22 members (rows 2–23) were there: the new ones come right below.
  expect(written(wb, "Thời hạn")).toMatchObject({
    A7: "Nộp báo cáo tổng kết về huyện",
    B7: "Ban Chỉ đạo xã",
    C7: "Ban Chỉ đạo huyện",
    D7: 45656,
  });
  expect(written(wb, "Thành viên")).toEqual({
    A24: 23,
    B24: "Lê Văn Mới",
    C24: "Công chức Văn phòng",
    D24: "Thành viên",
    E24: "",
  });
  expect(wb.sheet("Nhật ký").ranges).toEqual([]);
});

test("a workbook made with Tạo sổ trống takes the plan without a question, keeping its empty hamlet sheet", async () => {
  const empty = emptyPlan();
  empty.hamlets = [{ name: "1", responsible: "", works: [] }];
  const wb = mockWorkbook(planToGrid(empty));
  const outcome = await writePlanWorkbook(wb.context, imported(), { replace: false });
  expect(outcome).toEqual({
    status: "written",
    message:
      'Đã ghi 10 trang (Kế hoạch, 8 trang ấp, Toàn xã). Thêm 4 thời hạn và 21 thành viên vào các trang có sẵn. Giữ nguyên trang "Ấp 1".',
  });
});
