/** Every .xlsx the CLI writes opens again, whatever text reached it (import, report, rows pulled by sync). */
import { join } from "node:path";
import ExcelJS from "exceljs";
import { MAX_CELL_CHARS } from "../../src/core/limits";
import { readPlan } from "../../src/core/reader";
import { buildReport } from "../../src/core/report";
import { reportLayout } from "../../src/core/report-layout";
import { planLayouts } from "../../src/core/template";
import { hasXmlUnsafe } from "../../src/core/text";
import { readGrid, writeLayouts } from "../../src/xlsx/files";
import { writeJournalRows } from "../../src/xlsx/journal";
import { cleanPlan, work } from "../helpers/plans";
import { tempDir } from "../helpers/tmp";

const dir = tempDir();
const UNSAFE = "\uFFFE\uFFFF\u0001\u000B\uD800";

async function texts(path: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) => row.eachCell((c) => typeof c.value === "string" && out.push(c.value)))
  );
  return out;
}

test("a plan with odd hamlet names and forbidden characters is written as a workbook that reopens with the full names", async () => {
  const plan = cleanPlan();
  const long = "Mới Thành Lập Năm Hai Nghìn Không Trăm";
  plan.hamlets[0].name = "19/5";
  plan.hamlets[1].name = long;
  plan.hamlets[0].works[0].description = `Phát quang${UNSAFE} đường tổ 1`;
  plan.journal = plan.journal.map((r, i) => ({ ...r, hamlet: i % 2 ? long : "19/5" }));
  plan.members = plan.members.map((m, i) => ({ ...m, hamlet: i % 2 ? long : "19/5" }));
  const path = join(dir(), "ke-hoach.xlsx");
  await writeLayouts(path, planLayouts(plan));
  const { plan: back, findings } = readPlan(await readGrid(path));
  expect(back.hamlets.map((h) => [h.name, h.sheet])).toEqual([
    ["19/5", "Ấp 19-5"],
    [long, "Ấp Mới Thành Lập Năm Hai Nghì~1"],
  ]);
  expect(back.hamlets[0].works[0].description).toBe("Phát quang đường tổ 1");
  expect(findings.filter((f) => f.code === "HAMLET_UNKNOWN")).toEqual([]);
  expect((await texts(path)).some(hasXmlUnsafe)).toBe(false);
});

test("a report whose journal note holds U+FFFF is written, and the file reopens", async () => {
  const plan = cleanPlan();
  plan.journal[2].note = `Mưa lớn${UNSAFE}, nghỉ buổi chiều`;
  const path = join(dir(), "bc.xlsx");
  await writeLayouts(path, [
    reportLayout(plan, buildReport(plan, "2025-03-11", { date: "2025-03-11", minutes: 900 })),
  ]);
  expect(await texts(path)).toContain("- Ấp Bình Hòa: Mưa lớn, nghỉ buổi chiều");
});

test("journal rows pulled by sync with U+FFFE in a note are written into a file that reopens", async () => {
  const path = join(dir(), "sync.xlsx");
  await writeLayouts(path, planLayouts(cleanPlan()));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  writeJournalRows(wb, [
    {
      hamlet: "Sân Bay",
      date: "2025-03-12",
      values: { nhan_dan: 3 },
      note: `Đã\uFFFE xong${UNSAFE}`,
      reporter: "B\uFFFF",
      sentAt: "2025-03-12T14:30",
    },
  ]);
  await wb.xlsx.writeFile(path);
  const { plan } = readPlan(await readGrid(path));
  expect(plan.journal.find((r) => r.date === "2025-03-12")).toMatchObject({
    hamlet: "Sân Bay",
    note: "Đã xong",
    reporter: "B",
  });
});

test("text longer than a cell can hold is cut to Excel's 32,767 characters", async () => {
  const plan = cleanPlan();
  plan.commune_works.push(
    work({ category: "van_dong", description: "Vận động ".repeat(5000), cost_vnd: 1_000_000 })
  );
  const path = join(dir(), "dai.xlsx");
  await writeLayouts(path, planLayouts(plan));
  const longest = (await texts(path)).reduce((n, t) => Math.max(n, t.length), 0);
  expect(longest).toBe(MAX_CELL_CHARS);
});
