/** Add-in figures for `npm run bench`: TONG against a plain sum, syncs per operation, bundle sizes. */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { tong } from "../src/core/formulas";
import { layoutToGrid } from "../src/core/layout";
import { planLayouts } from "../src/core/template";
import {
  checkWorkbook,
  writeDailyReport,
  writeFindingsSheet,
  writeSummary,
} from "../src/excel/tasks";
import { syntheticPlan } from "./synthetic";
import { time } from "./timing";

const ROOT = join(__dirname, "../..");

export function tongRatio(cells: number): string[] {
  const texts = ["3.000 m", "1,5 km", "8 900 m", "740m", "1.330 m"];
  const vietnamese = [Array.from({ length: cells }, (_, i) => [texts[i % texts.length]])];
  const numbers = Array.from({ length: cells }, (_, i) => (i % 5) * 100 + 300);
  const ours = time(7, () => tong([vietnamese]));
  const plain = time(7, () => numbers.reduce((a, b) => a + b, 0));
  return [
    `DANVAN.TONG trên ${cells.toLocaleString("en")} ô chữ có đơn vị: ${ours.toFixed(1)} ms; cộng ${cells.toLocaleString("en")} số trơn: ${plain.toFixed(2)} ms`,
    `  TONG / tổng số trơn = ${(ours / plain).toFixed(0)}× thời gian`,
  ];
}

interface FakeBook {
  syncs: number;
}

/** The in-memory Excel the browser test uses, here to count context.sync() per operation. */
function fakeExcel(hamlets: number): () => number {
  const g = globalThis as unknown as {
    window: unknown;
    installFakeExcel: (grid: unknown) => void;
    __book: FakeBook;
  };
  g.window = globalThis;
  const source = readFileSync(join(ROOT, "test/fakes/fake-excel.js"), "utf8");
  new Function(`${source}\nglobalThis.installFakeExcel = installFakeExcel;`)();
  const plan = syntheticPlan(hamlets, 5, 15);
  g.installFakeExcel({ sheets: planLayouts(plan).map(layoutToGrid) });
  return () => g.__book.syncs;
}

export async function syncsPerOperation(): Promise<string[]> {
  const at = { date: "2024-12-24", minutes: 15 * 60 };
  const ops: [string, (c: Excel.RequestContext) => Promise<unknown>][] = [
    ["Kiểm tra", (c) => checkWorkbook(c, at)],
    ["Báo cáo ngày", (c) => writeDailyReport(c, at, { replace: true })],
    ["Kiểm tra (ribbon)", (c) => writeFindingsSheet(c, at)],
    ["Tổng hợp + biểu đồ", (c) => writeSummary(c)],
  ];
  const out = ["context.sync() mỗi thao tác (3 ấp | 40 ấp):"];
  for (const [name, op] of ops) {
    const counts: number[] = [];
    for (const hamlets of [3, 40]) {
      const syncs = fakeExcel(hamlets);
      await Excel.run(op);
      counts.push(syncs());
    }
    out.push(`  ${name}: ${counts.join(" | ")}`);
  }
  return out;
}

export function bundleSizes(): string[] {
  const size = (file: string) =>
    existsSync(file) ? gzipSync(readFileSync(file)).length / 1024 : NaN;
  const functions = size(join(ROOT, "dist/functions.js"));
  const taskpane = size(join(ROOT, "dist/taskpane.js"));
  // The phone page's JS and CSS, service worker included (test/phone/phone.e2e.test.ts holds it to 100).
  const phone = ["phone.js", "style.css", "sw.js"].reduce(
    (n, f) => n + size(join(ROOT, "dist/ap", f)),
    0
  );
  return [
    `Gói gzip: functions.js ${functions.toFixed(1)} KiB (ngân sách 40), taskpane.js ${taskpane.toFixed(1)} KiB (ngân sách 350), trang điện thoại /ap/ ${phone.toFixed(1)} KiB (ngân sách 100)`,
  ];
}
