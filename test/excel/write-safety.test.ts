/** What the add-in writes into the open workbook never holds a character the saved .xlsx could not. */
import { writeJournalEntries } from "../../src/excel/journal";
import { writeDailyReport } from "../../src/excel/tasks";
import { hasXmlUnsafe } from "../../src/core/text";
import { mockWorkbook, writtenValues } from "../helpers/excel-mock";
import { cleanPlan, planToGrid } from "../helpers/plans";

const UNSAFE = "\uFFFE\uFFFF\u0001\uD800";

test("rows pulled by sync lose U+FFFE and the like before they reach Nhật ký", async () => {
  const wb = mockWorkbook(planToGrid(cleanPlan()));
  await writeJournalEntries(wb.context, [
    {
      hamlet: "Sân Bay",
      date: "2025-03-12",
      values: { nhan_dan: 3 },
      note: `Đã${UNSAFE} xong`,
      reporter: `B${UNSAFE}`,
      sentAt: "2025-03-12T14:30",
    },
  ]);
  const written = wb
    .sheet("Nhật ký")
    .ranges.flatMap((r) =>
      Array.isArray(r.mock.values) ? (r.mock.values as unknown[][]).flat() : []
    );
  expect(written).toEqual(expect.arrayContaining(["Đã xong", "B"]));
  expect(written.some((v) => typeof v === "string" && hasXmlUnsafe(v))).toBe(false);
});

test("a report made from a journal note holding U+FFFF is written without it", async () => {
  const grid = planToGrid({
    ...cleanPlan(),
    journal: cleanPlan().journal.map((r) => ({ ...r, note: `Mưa${UNSAFE} lớn` })),
  });
  const wb = mockWorkbook(grid);
  await writeDailyReport(wb.context, { date: "2025-03-11", minutes: 16 * 60 }, { replace: false });
  const values = writtenValues(wb.sheet("BC 11-03-2025")).flat();
  // The leading apostrophe keeps Excel from reading "- …" as a formula; Excel does not show it.
  expect(values).toContain("'- Ấp Bình Hòa: Mưa lớn");
  expect(values.some((v) => typeof v === "string" && hasXmlUnsafe(v))).toBe(false);
});
