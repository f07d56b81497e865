/**
 * The workbooks as they come out of a printer: `danvan demo`'s plan workbook and daily report converted to PDF
 * by LibreOffice, then measured with poppler (pages, paper, orientation, words, text size). CI installs both
 * (.ci/run) and sets DANVAN_REQUIRE_PRINT=1, so there this suite never skips.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import jsQR from "jsqr";
import { enrolmentLayout } from "../../src/core/enrolment-layout";
import { enrolmentLink } from "../../src/core/enrolment-link";
import type { SheetLayout } from "../../src/core/layout";
import { buildReport } from "../../src/core/report";
import { reportLayout } from "../../src/core/report-layout";
import { rollupLayout } from "../../src/core/rollup-layout";
import { planLayouts } from "../../src/core/template";
import { writeLayouts } from "../../src/xlsx/files";
import { syntheticPlan } from "../../bench/synthetic";
import { SEED_DAY_3, seedPlanWithJournal } from "../helpers/plans";
import { hamletCodes } from "../helpers/enrolment";
import { TAY_NINH, provinceRollup } from "../helpers/rollups";
import { tempDir } from "../helpers/tmp";

const has = (tool: string, flag: string) =>
  spawnSync(tool, [flag], { encoding: "utf8" }).status === 0;
/** Column widths are in digits of Calibri: printed with another font they come out wider than in Excel. */
const calibri = () =>
  /Carlito|Calibri/.test(spawnSync("fc-match", ["Calibri"], { encoding: "utf8" }).stdout ?? "");
const tools =
  has("soffice", "--version") && has("pdfinfo", "-v") && has("pdftotext", "-v") && calibri();
if (!tools && process.env.DANVAN_REQUIRE_PRINT)
  throw new Error(
    "DANVAN_REQUIRE_PRINT is set but soffice, poppler-utils or a Calibri-metric font is missing (.ci/run installs them)"
  );
const maybe = tools ? describe : describe.skip;

const dir = tempDir();
/** The plan `danvan demo` writes. */
const demoPlan = () => seedPlanWithJournal("samples/ke-hoach-mau.txt");
const BIN = join(__dirname, "../../bin/danvan.js");

/** The workbook as a PDF, with a profile of its own so parallel conversions do not collide. */
function toPdf(xlsx: string): string {
  const r = spawnSync(
    "soffice",
    [
      `-env:UserInstallation=file://${dir()}/lo-profile`,
      "--headless",
      "--convert-to",
      "pdf",
      "--outdir",
      dir(),
      xlsx,
    ],
    { encoding: "utf8", timeout: 120_000 }
  );
  expect(r.status).toBe(0);
  return xlsx.replace(/\.xlsx$/, ".pdf");
}

/** Each page's orientation, "portrait" or "landscape", all A4. */
function pages(pdf: string): string[] {
  const info = spawnSync("pdfinfo", ["-f", "1", "-l", "999", pdf], { encoding: "utf8" }).stdout;
  return [...info.matchAll(/Page +\d+ size: +([\d.]+) x ([\d.]+) pts \(A4\)/g)].map((m) =>
    Number(m[1]) < Number(m[2]) ? "portrait" : "landscape"
  );
}

interface Word {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function words(pdf: string): Word[] {
  const html = spawnSync("pdftotext", ["-bbox", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  }).stdout;
  const out: Word[] = [];
  html
    .split("<page ")
    .slice(1)
    .forEach((page, i) => {
      for (const m of page.matchAll(
        /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g
      )) {
        const [x0, y0, x1, y1] = m.slice(1, 5).map(Number);
        out.push({ page: i + 1, text: m[5].replace(/&amp;/g, "&"), x0, y0, x1, y1 });
      }
    });
  return out;
}

/**
 * Words printed over one another: text running past its cell into the next one's, or a wrapped header taller
 * than its row spilling over the row below. Lines of one paragraph touch by a point or two; these cover half a line.
 */
function overlapping(printed: Word[]): string[] {
  const out: string[] = [];
  printed.forEach((a, i) => {
    for (const b of printed.slice(i + 1)) {
      if (a.page !== b.page) continue;
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (across > 1 && down > 0.5 * Math.min(a.y1 - a.y0, b.y1 - b.y0))
        out.push(`${a.text} / ${b.text} (page ${a.page})`);
    }
  });
  return out;
}

/** The words a sheet's text cells print (within its print area), as a reader would find them on paper. */
function printedWords(layout: SheetLayout): string[] {
  const lastCol = layout.print?.area
    ? layout.print.area.split(":")[1].charCodeAt(0) - 64
    : Infinity;
  return layout.cells
    .filter((c) => typeof c.value === "string" && c.col <= lastCol)
    .flatMap((c) => String(c.value).split(/[\s\u00a0]+/))
    .filter(Boolean);
}

/** A layout written by the CLI's writer and printed to PDF. */
async function printed(name: string, layout: SheetLayout): Promise<string> {
  const path = join(dir(), `${name}.xlsx`);
  await writeLayouts(path, [layout]);
  return toPdf(path);
}

const DPI = 200;

/** The page as the printer's pixels, RGBA for jsQR. */
function pagePixels(
  pdf: string,
  page: number
): { width: number; height: number; rgba: Uint8ClampedArray } {
  const out = join(dir(), `page-${page}`);
  const args = [
    "-gray",
    "-r",
    String(DPI),
    "-f",
    String(page),
    "-l",
    String(page),
    "-singlefile",
    pdf,
    out,
  ];
  expect(spawnSync("pdftoppm", args).status).toBe(0);
  const pgm = readFileSync(`${out}.pgm`);
  const [, width, height] = /^P5\s+(\d+)\s+(\d+)\s+255\s/
    .exec(pgm.subarray(0, 40).toString("latin1"))!
    .map(Number);
  const gray = pgm.subarray(pgm.length - width * height);
  const rgba = new Uint8ClampedArray(width * height * 4);
  gray.forEach((g, i) => rgba.set([g, g, g, 255], i * 4));
  return { width, height, rgba };
}

/** What a QR reader finds in a box of the page given in points (pdftotext's coordinates). */
function qrIn(
  page: { width: number; rgba: Uint8ClampedArray },
  box: { x0: number; y0: number; x1: number; y1: number }
): string | undefined {
  const px = (pt: number) => Math.round((pt * DPI) / 72);
  const [x0, y0, w, h] = [px(box.x0), px(box.y0), px(box.x1 - box.x0), px(box.y1 - box.y0)];
  const crop = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    crop.set(
      page.rgba.subarray(((y0 + y) * page.width + x0) * 4, ((y0 + y) * page.width + x0 + w) * 4),
      y * w * 4
    );
  return jsQR(crop, w, h)?.data;
}

maybe("printed through LibreOffice", () => {
  let book = "";
  let report = "";
  beforeAll(() => {
    const r = spawnSync(process.execPath, [BIN, "demo", "--dir", dir()], { encoding: "utf8" });
    expect(r.status).toBe(0);
    book = toPdf(join(dir(), "ke-hoach.xlsx"));
    report = toPdf(
      join(
        dir(),
        readdirSync(dir()).find((f) => /^bc-.*\.xlsx$/.test(f))!
      )
    );
  });

  test("the demo's plan workbook prints one page per sheet, landscape where wide (was 51 pages)", () => {
    // Kế hoạch; eight hamlets, Toàn xã, Nhật ký, Thời hạn; Thành viên; the day's report on two pages.
    expect(pages(book)).toEqual([
      "portrait",
      ...Array(11).fill("landscape"),
      "portrait",
      "portrait",
      "portrait",
    ]);
    // The settings' labels and their values print on the same page.
    const first = words(book)
      .filter((w) => w.page === 1)
      .map((w) => w.text);
    expect(first).toEqual(
      expect.arrayContaining(["Tên", "Phối", "Ngày", "04/12/2024", "CHỈ", "TIÊU"])
    );
  });

  test("the daily report prints on portrait A4 at ≥ 90 % scale, 13 pt text, no word or figure broken", () => {
    expect(pages(report)).toEqual(["portrait", "portrait"]);
    const printed = words(report);
    // pdftotext gives a word the height of its font's box, 1.22 em for Liberation Serif (Times New Roman's
    // metrics): a 13 pt word printed at full scale is 15.9 pt tall, at the old 75 % scale 12 pt.
    const hamlet = printed.find((w) => w.text === "Trại")!;
    const scale = (hamlet.y1 - hamlet.y0) / (13 * 1.22);
    expect(scale).toBeGreaterThanOrEqual(0.9);
    expect(scale).toBeLessThanOrEqual(1.01);
    expect(overlapping(printed)).toEqual([]);
    const plan = demoPlan();
    const expected = printedWords(
      reportLayout(plan, buildReport(plan, SEED_DAY_3.date, SEED_DAY_3))
    );
    const seen = new Set(printed.map((w) => w.text));
    expect(expected.filter((w) => !seen.has(w))).toEqual([]);
    // The signature block prints with section IV, on the last page, under the name of the Trưởng ban.
    const last = printed.filter((w) => w.page === 2).map((w) => w.text);
    expect(last).toEqual(expect.arrayContaining(["IV.", "TRƯỞNG", "Trương", "Xanh"]));
  });

  test("every word of the plan workbook's sheets prints whole and apart: nothing cut, no header split or spilt", () => {
    const printed = words(book);
    expect(overlapping(printed)).toEqual([]);
    const seen = new Set(printed.map((w) => w.text));
    for (const layout of planLayouts(demoPlan())) {
      const missing = printedWords(layout).filter((w) => !seen.has(w));
      expect({ sheet: layout.name, missing }).toEqual({ sheet: layout.name, missing: [] });
    }
  });

  test("a journal longer than a page repeats its header row on every page", async () => {
    const path = join(dir(), "nhat-ky-dai.xlsx");
    await writeLayouts(
      path,
      planLayouts(syntheticPlan(40, 1, 5)).filter((l) => l.name === "Nhật ký")
    );
    const pdf = toPdf(path);
    const count = pages(pdf).length;
    expect(count).toBeGreaterThan(1);
    const headed = new Set(
      words(pdf)
        .filter((w) => w.text === "Người")
        .map((w) => w.page)
    );
    expect(headed.size).toBe(count);
  });
});

maybe("the upper level's sheets printed through LibreOffice", () => {
  test("TH of 100 communes prints portrait one page wide at full size, every commune named, its header on every page", async () => {
    const layout = rollupLayout(provinceRollup(100), TAY_NINH, SEED_DAY_3);
    const pdf = await printed("th-100", layout);
    const count = pages(pdf).length;
    expect(pages(pdf)).toEqual(Array(count).fill("portrait"));
    const all = words(pdf);
    const commune = all.find((w) => w.text === "Phong")!;
    expect((commune.y1 - commune.y0) / (13 * 1.22)).toBeGreaterThanOrEqual(0.9);
    expect(overlapping(all)).toEqual([]);
    const seen = new Set(all.map((w) => w.text));
    expect(printedWords(layout).filter((w) => !seen.has(w))).toEqual([]);
    // Nothing past the right margin (15 mm): the page is one page wide without shrinking.
    expect(Math.max(...all.map((w) => w.x1))).toBeLessThanOrEqual(595.3 - 15 * (72 / 25.4) + 1);
    const headed = new Set(all.filter((w) => w.text === "Gửi").map((w) => w.page));
    expect([...headed].sort((a, b) => a - b)).toEqual(
      Array.from({ length: count }, (_, i) => i + 1)
    );
  });

  test("Mã đăng ký of 8 hamlets prints on one A4 page, and every printed QR code reads back as its hamlet's link", async () => {
    const codes = hamletCodes(demoPlan().hamlets.map((h) => h.name));
    const pdf = await printed("ma-8", enrolmentLayout(codes, SEED_DAY_3));
    expect(pages(pdf)).toEqual(["portrait"]);
    const all = words(pdf);
    const column = all.find((w) => w.text === "QR" && w.y0 > 100)!;
    const page = pagePixels(pdf, 1);
    for (const c of codes.codes) {
      const code = all.find((w) => w.text === c.code)!;
      const middle = (code.y0 + code.y1) / 2;
      const box = { x0: column.x0 - 30, x1: 590, y0: middle - 44, y1: middle + 44 };
      expect({ hamlet: c.name, read: qrIn(page, box) }).toEqual({
        hamlet: c.name,
        read: enrolmentLink(codes.server, c.code),
      });
    }
  });

  test("Mã đăng ký of 40 hamlets prints on 5 pages, its header row on each", async () => {
    const codes = hamletCodes(Array.from({ length: 40 }, (_, i) => `Số ${i + 1}`));
    const pdf = await printed("ma-40", enrolmentLayout(codes, SEED_DAY_3));
    // Eight rows under the heading on the first page, nine on each of the next, 78 pt each.
    expect(pages(pdf)).toEqual(Array(5).fill("portrait"));
    const headed = new Set(
      words(pdf)
        .filter((w) => w.text === "STT")
        .map((w) => w.page)
    );
    expect(headed.size).toBe(5);
  });
});
