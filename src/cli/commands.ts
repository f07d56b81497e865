/** The `danvan` commands (PRODUCT.md §7) over the core and the .xlsx adapter. */
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { checkGrid } from "../core/checks";
import { type LocalDateTime, parseAsOf, parseDate, vietnamNow } from "../core/dates";
import { dailyReportStatuses, deadlineViews } from "../core/deadlines";
import { type Finding, summarize } from "../core/findings";
import { MAX_PLAN_CHARS, importPlanText, planTooLarge } from "../core/importer";
import { reportLeftOut, totalsLeftOut } from "../core/left-out";
import { type Plan, emptyPlan } from "../core/model";
import { buildReport, reportDay, reportToJson } from "../core/report";
import { reportLayout } from "../core/report-layout";
import { planLayouts, sheetNameNotes } from "../core/template";
import { DocumentError, MAX_DOCX_BYTES, docxText, fileTooLarge, isOfficeFile } from "../docx/read";
import { computeTotals, totalsToJson } from "../core/totals";
import { bareHamletName } from "../core/text";
import { InputError, openWorkbook, replaceSheet, writeLayouts, writeSheet } from "../xlsx/files";
import { workbookToGrid } from "../xlsx/read";
import { type Args, UsageError } from "./args";
import { sendReport } from "./hierarchy-commands";
import { printDeadlines, printErrors, printFindings, printReport, printTotals } from "./print";

export interface Output {
  stdout: string;
  /** The error findings of a command that is not `check` itself, in text mode. */
  stderr?: string;
  code: 0 | 1 | 2;
}

const json = (value: unknown) => JSON.stringify(value, null, 2);

function inputPath(args: Args, what: string): string {
  const path = args.positional[0];
  if (!path) throw new UsageError(`Thiếu tên tệp ${what}.`);
  return path;
}

function outPath(args: Args): string {
  const out = args.options.get("out");
  if (!out) throw new UsageError("Thiếu --out <tệp.xlsx>.");
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`Tệp ra "${out}" phải có đuôi .xlsx.`);
  return out;
}

/**
 * The file a new workbook goes to. An existing one is never overwritten silently: it may hold a commune's journal,
 * and `new`/`import` replace every sheet (--force says the user means it).
 */
function newWorkbookPath(args: Args): string {
  const out = outPath(args);
  if (existsSync(out) && !args.switches.has("force"))
    throw new InputError(
      `Tệp "${out}" đã có; ghi sổ mới vào đó sẽ thay mọi trang (cả nhật ký, thời hạn, thành viên). Chọn tên tệp khác, hoặc thêm --force nếu chắc chắn muốn ghi đè.`
    );
  return out;
}

export function asOf(args: Args, nowMs: number): LocalDateTime {
  const text = args.options.get("as-of");
  if (text === undefined) return vietnamNow(nowMs);
  const parsed = parseAsOf(text);
  if (!parsed) throw new UsageError(`--as-of "${text}" không hợp lệ; dùng dạng 2024-12-09T16:00.`);
  return parsed;
}

export async function newWorkbook(args: Args): Promise<Output> {
  const out = newWorkbookPath(args);
  const plan = emptyPlan();
  const names = (args.options.get("ap") ?? "1").split(",").map(bareHamletName).filter(Boolean);
  plan.hamlets = names.map((name) => ({ name, responsible: "", works: [] }));
  await writeLayouts(out, planLayouts(plan));
  return {
    stdout: `Đã tạo sổ kế hoạch trống ${out} với ${names.length} ấp: ${names.join(", ")}.`,
    code: 0,
  };
}

/** UTF-8, or UTF-16 with its byte-order mark (Word's "Unicode text" on Windows). */
function decodeText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString("utf16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return Buffer.from(bytes.subarray(2)).swap16().toString("utf16le");
  return bytes.toString("utf8").replace(/^\uFEFF/, "");
}

/** A character takes at most 4 bytes: a bigger text file is refused before it is read. */
const MAX_TEXT_BYTES = MAX_PLAN_CHARS * 4;

/** The plan's text from a .txt (UTF-8 or UTF-16) or a .docx; a .doc or any other file is refused. */
async function readPlanText(path: string): Promise<string> {
  if (!existsSync(path)) throw new InputError(`Không tìm thấy tệp "${path}".`);
  const stat = statSync(path);
  if (stat.isDirectory()) throw new InputError(`"${path}" là thư mục, không phải tệp kế hoạch.`);
  const size = stat.size;
  const office = size >= 4 && isOfficeFile(readHead(path));
  const tooBig = fileTooLarge(size, office ? MAX_DOCX_BYTES : MAX_TEXT_BYTES, path);
  if (tooBig) throw new InputError(tooBig);
  const bytes = readFileSync(path);
  if (office) {
    try {
      return await docxText(bytes, path);
    } catch (e) {
      if (e instanceof DocumentError) throw new InputError(e.message);
      throw e;
    }
  }
  const text = decodeText(bytes);
  if (text.includes("\uFFFD"))
    throw new InputError(`"${path}" không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8.`);
  const tooLarge = planTooLarge(text.length, `"${path}"`);
  if (tooLarge) throw new InputError(tooLarge);
  return text;
}

function readHead(path: string): Buffer {
  const fd = openSync(path, "r");
  try {
    const head = Buffer.alloc(4);
    readSync(fd, head, 0, 4, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}

/** What `import` says: the counts, the sheets renamed for Excel, and each warning. */
function importSummary(plan: Plan, warnings: string[], out: string | undefined): string {
  const hamletWorks = plan.hamlets.reduce((n, h) => n + h.works.length, 0);
  const lines = [
    `Đã nhập kế hoạch "${plan.settings.name}"${out ? ` vào ${out}` : ""}: ${plan.hamlets.length} ấp, ${hamletWorks} công việc của các ấp, ${plan.commune_works.length} việc toàn xã, ${plan.targets.length} chỉ tiêu, ${plan.deadlines.length} thời hạn, ${plan.members.length} thành viên.`,
  ];
  for (const n of sheetNameNotes(plan.hamlets.map((h) => h.name))) lines.push(`Ghi chú: ${n}`);
  for (const w of warnings) lines.push(`Lưu ý: ${w}`);
  return lines.join("\n");
}

/** Exit 0 when the text was read with nothing to check; 1 when the workbook was written but the text left
 * something to check (each "Lưu ý"); 2 when nothing could be imported. */
export async function importCommand(args: Args): Promise<Output> {
  const path = inputPath(args, "kế hoạch (.txt hoặc .docx)");
  const out = args.options.get("out");
  if (!out && !args.switches.has("json"))
    throw new UsageError("Thiếu --out <tệp.xlsx> (hoặc --json để chỉ in kết quả).");
  const { plan, warnings } = importPlanText(await readPlanText(path));
  if (!plan.hamlets.length && !plan.targets.length)
    throw new InputError(`Không tìm thấy nội dung kế hoạch nào trong "${path}".`);
  if (out) await writeLayouts(newWorkbookPath(args), planLayouts(plan));
  const code = warnings.length ? 1 : 0;
  if (args.switches.has("json")) return { stdout: json({ ...plan, warnings }), code };
  return { stdout: importSummary(plan, warnings, out), code };
}

/** The read every workbook command shares: the plan, its findings and the flagged cells its figures leave out. */
async function readChecked(args: Args, at: LocalDateTime) {
  const path = inputPath(args, "Excel");
  const wb = await openWorkbook(path);
  return { path, wb, ...checkGrid(workbookToGrid(wb), at) };
}

/**
 * What `totals`, `deadlines` and `report` print beside their figures: the error findings (stderr in text
 * mode, `findings` in JSON) and exit 1 when there are any, as `check` would.
 */
function withErrors(
  args: Args,
  findings: Finding[],
  body: { text: string; json: Record<string, unknown> }
): Output {
  const errors = findings.filter((f) => f.severity === "error");
  const code = errors.length ? 1 : 0;
  if (args.switches.has("json")) return { stdout: json({ ...body.json, findings: errors }), code };
  return { stdout: body.text, ...(errors.length ? { stderr: printErrors(errors) } : {}), code };
}

export async function check(args: Args, nowMs: number): Promise<Output> {
  const { findings } = await readChecked(args, asOf(args, nowMs));
  const summary = summarize(findings);
  const code = summary.errors > 0 ? 1 : 0;
  return {
    stdout: args.switches.has("json") ? json({ summary, findings }) : printFindings(findings),
    code,
  };
}

export async function totals(args: Args, nowMs: number): Promise<Output> {
  const { plan, findings, leftOut } = await readChecked(args, asOf(args, nowMs));
  const t = computeTotals(plan);
  const left = totalsLeftOut(plan, leftOut);
  return withErrors(args, findings, {
    text: printTotals(t, left),
    json: { ...totalsToJson(t), left_out: left },
  });
}

export async function deadlines(args: Args, nowMs: number): Promise<Output> {
  const at = asOf(args, nowMs);
  const { plan, findings } = await readChecked(args, at);
  const views = deadlineViews(plan, at);
  const reports = dailyReportStatuses(plan, at);
  return withErrors(args, findings, {
    text: printDeadlines(views, reports),
    json: { as_of: at, deadlines: views, daily_reports: reports },
  });
}

export async function report(args: Args, nowMs: number): Promise<Output> {
  const at = asOf(args, nowMs);
  const dateText = args.options.get("date");
  const { path: input, wb, plan, findings, leftOut } = await readChecked(args, at);
  const asked = dateText === undefined ? undefined : parseDate(dateText);
  if (asked === null)
    throw new UsageError(`--date "${dateText}" không hợp lệ; dùng dạng 2024-12-12.`);
  // No report is made from a workbook without a plan, or for a day outside the campaign (exit 2).
  const { date, refusal } = reportDay(plan, at.date, asked);
  if (refusal) throw new InputError(refusal);
  const data = buildReport(plan, date, at);
  const out = args.options.get("out");
  const layout = reportLayout(plan, data);
  // Into the workbook itself, or another existing one, the day's sheet is added (or replaced) and nothing else.
  if (out && resolve(outPath(args)) === resolve(input)) await replaceSheet(wb, out, layout);
  else if (out) await writeSheet(out, layout);
  const left = reportLeftOut(plan, leftOut, date);
  if (args.switches.has("send")) {
    const sent = await sendReport(args, plan, date, at);
    const said = withErrors(args, findings, { text: sent.text, json: sent.result });
    return { ...said, code: Math.max(said.code, sent.code) as 0 | 1 };
  }
  return withErrors(args, findings, {
    text: printReport(data, left) + (out ? `\nĐã ghi trang "${layout.name}" vào ${out}.` : ""),
    json: { ...reportToJson(data), left_out: left },
  });
}
