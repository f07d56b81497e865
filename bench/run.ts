/**
 * `npm run bench`: check + totals + report on synthetic data at 1× and 10×, and the quantity parser against
 * a bare Number(). Machines here are noisy, so each figure is a median of several runs and the results that
 * matter are the ratios measured within this one run.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { checkGrid } from "../src/core/checks";
import { layoutToGrid } from "../src/core/layout";
import type { Plan } from "../src/core/model";
import { parseQuantity } from "../src/core/quantity";
import { buildReport } from "../src/core/report";
import { reportLayout } from "../src/core/report-layout";
import { planLayouts } from "../src/core/template";
import { computeTotals } from "../src/core/totals";
import { bundleSizes, syncsPerOperation, tongRatio } from "./addin";
import { importScaling } from "./import";
import { rollupBench } from "./rollup";
import { syncBench } from "./sync";
import { syntheticPlan } from "./synthetic";
import { time } from "./timing";

/** Read the grids, check, total and build the report of the last day: what one click of Kiểm tra + Báo cáo does. */
function pipeline(plan: Plan): () => void {
  const grid = { sheets: planLayouts(plan).map(layoutToGrid) };
  const asOf = { date: plan.settings.end!, minutes: 16 * 60 };
  return () => {
    const { plan: read } = checkGrid(grid, asOf);
    computeTotals(read);
    reportLayout(read, buildReport(read, asOf.date, asOf));
  };
}

interface Scaling {
  rows: number;
  ms: number;
  rows_10x: number;
  ms_10x: number;
  ratio: number;
}

function scaling(
  label: string,
  make: (scale: number) => Plan,
  runs: number
): { lines: string[]; figures: Scaling } {
  const one = make(1);
  const ten = make(10);
  const t1 = time(runs, pipeline(one));
  // An odd count of runs, at least three: the median is then a run, not the slower of two.
  const t10 = time(Math.max(3, Math.ceil(runs / 3)) | 1, pipeline(ten));
  const rows = (p: Plan) => p.hamlets.reduce((n, h) => n + h.works.length, 0) + p.journal.length;
  const round = (x: number) => Math.round(x * 10) / 10;
  const figures = {
    rows: rows(one),
    ms: round(t1),
    rows_10x: rows(ten),
    ms_10x: round(t10),
    ratio: Math.round((t10 / t1) * 100) / 100,
  };
  const lines = [
    `${label}`,
    `  1×: ${one.hamlets.length} ấp, ${figures.rows} dòng — ${t1.toFixed(1)} ms`,
    `  10×: ${ten.hamlets.length} ấp, ${figures.rows_10x} dòng — ${t10.toFixed(1)} ms`,
    `  10× / 1× = ${figures.ratio.toFixed(2)} (tuyến tính: 10)`,
  ];
  return { lines, figures };
}

function parserThroughput(n: number): string[] {
  const texts = [
    "3.000 m",
    "1,5 km",
    "90 triệu đồng",
    "500.000đ",
    "10.500 000đ",
    "04 tuyến",
    "8 900 m",
    "1.330",
  ];
  const vietnamese = Array.from({ length: n }, (_, i) => texts[i % texts.length]);
  const plain = Array.from({ length: n }, (_, i) => String((i * 37) % 100_000));
  let sink = 0;
  const ours = time(7, () => {
    for (const s of vietnamese) sink += parseQuantity(s)!.value;
  });
  const bare = time(7, () => {
    for (const s of plain) sink += Number(s);
  });
  return [
    `Bộ đọc số lượng: ${n.toLocaleString("en")} chuỗi`,
    `  parseQuantity (chuỗi tiếng Việt): ${ours.toFixed(1)} ms (${Math.round(n / ours).toLocaleString("en")} chuỗi/ms)`,
    `  Number() (chuỗi số trơn): ${bare.toFixed(2)} ms (${Math.round(n / bare).toLocaleString("en")} chuỗi/ms)`,
    `  parseQuantity / Number() = ${(ours / bare).toFixed(1)}× thời gian${sink === -1 ? "" : ""}`,
  ];
}

/**
 * `npm run bench [-- --json] [-- --only core|sync|national|rollup]`: --json also writes bench/results.json (and
 * prints it); --only core runs the check + totals + report scaling alone (its figures under "core"), --only sync
 * the sync figures alone, --only national the national day alone, --only rollup the province's and the country's
 * roll-up alone (DANVAN_BENCH_COMMUNES=N for fewer communes than the country's 3,321).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
  const out = [`DanVan bench — Node ${process.version}, ${new Date().toISOString()}`];
  const core: Record<string, Scaling> = {};
  if (!only || only === "core") {
    const commune = scaling(
      "Xã tổng hợp (40 ấp × 20 công việc × 15 ngày): kiểm tra + tổng hợp + báo cáo",
      (k) => syntheticPlan(40 * k, 20, 15),
      9
    );
    const province = scaling(
      "Nhật ký cấp tỉnh (100 xã × 10 ấp × 15 ngày): kiểm tra + tổng hợp + báo cáo",
      (k) => syntheticPlan(1000 * k, 1, 15),
      5
    );
    Object.assign(core, { commune: commune.figures, province: province.figures });
    out.push(...commune.lines, ...province.lines);
  }
  if (!only) {
    out.push(
      ...parserThroughput(1_000_000),
      ...importScaling(),
      ...tongRatio(100_000),
      ...(await syncsPerOperation()),
      ...bundleSizes()
    );
  }
  const sync =
    only === "core" || only === "rollup"
      ? { lines: [], results: {} }
      : await syncBench({ stores: only !== "national", national: true });
  const rollup = !only || only === "rollup" ? await rollupBench() : { lines: [], results: {} };
  report(
    [...out, ...sync.lines, ...rollup.lines],
    { core, ...sync.results, ...rollup.results },
    args.includes("--json")
  );
}

const RESULTS = join(__dirname, "../../bench/results.json");

/**
 * Prints the lines; with --json writes the figures to bench/results.json and prints them. A partial run (--only)
 * replaces its own sections and keeps the others' figures.
 */
function report(lines: string[], results: Record<string, unknown>, json: boolean): void {
  process.stdout.write(lines.join("\n") + "\n");
  if (!json) return;
  const fresh = Object.fromEntries(Object.entries(results).filter(([, v]) => !isEmpty(v)));
  const kept = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as object) : {};
  const text = JSON.stringify({ ...kept, ...fresh }, null, 2);
  writeFileSync(RESULTS, text + "\n");
  process.stdout.write(text + "\n");
}

const isEmpty = (v: unknown) => typeof v === "object" && v !== null && !Object.keys(v).length;

void main();
