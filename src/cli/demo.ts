/** `danvan demo` (what `npm start` runs): the shipped sample plan to a workbook, checked, with a report. */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { checkGrid } from "../core/checks";
import { addDays, parseTime } from "../core/dates";
import { summarize } from "../core/findings";
import { importPlanText } from "../core/importer";
import type { JournalRow, Plan } from "../core/model";
import { buildReport } from "../core/report";
import { reportLayout } from "../core/report-layout";
import { planLayouts } from "../core/template";
import { readGrid, writeLayouts } from "../xlsx/files";
import type { Args } from "./args";
import type { Output } from "./commands";
import { printFindings, printReport } from "./print";

const SAMPLES = resolve(__dirname, "../../../samples");

const SampleRow = z.object({
  date: z.string(),
  hamlet: z.string(),
  values: z.record(z.number()),
  note: z.string(),
  reporter: z.string(),
  sent: z.string(),
});

function sampleJournal(): JournalRow[] {
  const rows = z
    .array(SampleRow)
    .parse(JSON.parse(readFileSync(join(SAMPLES, "nhat-ky-mau.json"), "utf8")));
  return rows.map((r) => ({ ...r, sent_minutes: parseTime(r.sent), sent_date: r.date }));
}

export async function demo(args: Args): Promise<Output> {
  const dir = args.options.get("dir") ?? "demo";
  const { plan } = importPlanText(readFileSync(join(SAMPLES, "ke-hoach-mau.txt"), "utf8"));
  const filled: Plan = { ...plan, journal: sampleJournal() };
  const book = join(dir, "ke-hoach.xlsx");
  // Day 3 of the campaign at 16:00, after that day's reporting window closed.
  const day3 = { date: addDays(filled.settings.start!, 2), minutes: 16 * 60 };
  const report = buildReport(filled, day3.date, day3);
  const reportBook = join(dir, `bc-${day3.date}.xlsx`);
  await writeLayouts(book, [...planLayouts(filled), reportLayout(filled, report)]);
  await writeLayouts(reportBook, [reportLayout(filled, report)]);
  const { findings } = checkGrid(await readGrid(book), day3);
  const s = summarize(findings);
  const lines = [
    `Sổ kế hoạch mẫu: ${book} (${filled.hamlets.length} ấp, nhật ký 3 ngày đầu). Báo cáo ngày: ${reportBook}.`,
    "",
    `KIỂM TRA lúc 16:00 ngày thứ 3 của đợt: ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.infos} lưu ý`,
    printFindings(findings),
    "",
    printReport(report),
  ];
  return { stdout: lines.join("\n"), code: 0 };
}
