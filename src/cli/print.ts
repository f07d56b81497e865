/** Plain-text output for people at a terminal (JSON output is the core's data as is). */
import { category, CATEGORY_KEYS } from "../core/categories";
import { formatDate } from "../core/dates";
import type { DailyReportStatus, DeadlineView } from "../core/deadlines";
import { REPORT_STATUS_TEXT } from "../core/deadlines";
import { type Finding, summarize } from "../core/findings";
import { type LeftOutMap, leftOutCells } from "../core/left-out";
import { formatVietnameseNumber } from "../core/quantity";
import { RESULT_INDICATORS } from "../core/indicators";
import type { DailyReport } from "../core/report";
import { type Totals, describeSums } from "../core/totals";

const SEVERITY_TEXT = { error: "LỖI", warning: "CẢNH BÁO", info: "LƯU Ý" } as const;

export function printFindings(findings: Finding[]): string {
  const lines = findings.map((f) => {
    const where = f.sheet ? `${f.sheet}${f.cell ? `!${f.cell}` : ""}` : "";
    return `${SEVERITY_TEXT[f.severity].padEnd(9)} ${f.code.padEnd(22)} ${where ? `[${where}] ` : ""}${f.message}`;
  });
  const s = summarize(findings);
  lines.push(`Tổng cộng: ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.infos} lưu ý.`);
  return lines.join("\n");
}

/** The error findings of `totals`, `deadlines` or `report`, for stderr. */
export function printErrors(errors: Finding[]): string {
  const lines = printFindings(errors).split("\n").slice(0, -1);
  lines.push(
    `Sổ có ${errors.length} lỗi; số liệu có thể chưa đủ. Sửa các ô trên (chi tiết: danvan check).`
  );
  return lines.join("\n");
}

/** " (chưa tính ô Ấp Cầu!F5)" after a figure that left out flagged cells. */
function leftOutNote(left: LeftOutMap, ...paths: string[]): string {
  const cells = leftOutCells(left, ...paths);
  return cells.length ? ` (chưa tính ô ${cells.join(", ")} vì có lỗi)` : "";
}

export function printTotals(t: Totals, left: LeftOutMap = {}): string {
  const lines = ["KẾ HOẠCH: chỉ tiêu ghi trong kế hoạch | cộng các công việc chi tiết"];
  for (const key of CATEGORY_KEYS) {
    if (!t.stated[key] && !t.itemised[key]) continue;
    lines.push(
      `- ${category(key).label}: ${describeSums(t.stated[key], key)} | ${describeSums(t.itemised[key], key)}${leftOutNote(left, `stated.${key}`, `itemised.${key}`)}`
    );
  }
  const categorised = new Set(
    leftOutCells(left, ...CATEGORY_KEYS.flatMap((k) => [`stated.${k}`, `itemised.${k}`]))
  );
  const elsewhere = leftOutCells(left, "stated", "itemised").filter((c) => !categorised.has(c));
  if (elsewhere.length)
    lines.push(`- Không thuộc loại nào: chưa tính ô ${elsewhere.join(", ")} vì có lỗi.`);
  lines.push("", "THEO ẤP (kế hoạch; đã thực hiện theo nhật ký)");
  for (const [name, h] of Object.entries(t.hamlets)) {
    const plan = CATEGORY_KEYS.filter((k) => h.plan[k]).map(
      (k) => `${category(k).label} ${describeSums(h.plan[k], k)}`
    );
    const done = RESULT_INDICATORS.filter((r) => h.done[r.key] > 0).map(
      (r) => `${r.label} ${formatVietnameseNumber(h.done[r.key])} ${r.unit}`
    );
    lines.push(
      `- Ấp ${name}: ${plan.join("; ") || "chưa có công việc"}${leftOutNote(left, `hamlets.${name}.plan`)}${done.length ? `\n    đã làm: ${done.join("; ")}` : ""}${leftOutNote(left, `hamlets.${name}.done`)}`
    );
  }
  const inHamlets = new Set(
    leftOutCells(left, ...Object.keys(t.hamlets).map((n) => `hamlets.${n}.done`))
  );
  const unknown = leftOutCells(left, "done").filter((c) => !inHamlets.has(c));
  if (unknown.length) lines.push(`- Chưa tính vào ấp nào: ô ${unknown.join(", ")} vì có lỗi.`);
  return lines.join("\n");
}

export function printDeadlines(deadlines: DeadlineView[], reports: DailyReportStatus[]): string {
  const lines = ["THỜI HẠN"];
  for (const d of deadlines) lines.push(`- ${d.content} (${d.unit || "—"}): ${d.status_text}`);
  if (!deadlines.length) lines.push("- (không có)");
  lines.push("", "BÁO CÁO NGÀY");
  const byDate = new Map<string, DailyReportStatus[]>();
  for (const r of reports) byDate.set(r.date, [...(byDate.get(r.date) ?? []), r]);
  for (const [date, rows] of byDate) {
    const bad = rows
      .filter((r) => r.status !== "on_time")
      .map((r) => `${r.hamlet}: ${REPORT_STATUS_TEXT[r.status]}${r.sent ? ` (${r.sent})` : ""}`);
    lines.push(`- ${formatDate(date)}: ${bad.length ? bad.join("; ") : "đủ, đúng giờ"}`);
  }
  if (!byDate.size) lines.push("- Chưa đến ngày báo cáo nào.");
  return lines.join("\n");
}

export function printReport(r: DailyReport, left: LeftOutMap = {}): string {
  const lines = [
    `BÁO CÁO NHANH ngày ${formatDate(r.date)}${r.day !== null ? ` (ngày thứ ${r.day} của đợt)` : ""}`,
  ];
  lines.push(
    `Lực lượng: LLVT ${r.day_total.llvt}, đoàn viên hội viên ${r.day_total.doan_the}, nhân dân ${r.day_total.nhan_dan}.`
  );
  for (const i of RESULT_INDICATORS) {
    if (!r.day_total[i.key] && !r.cumulative[i.key]) continue;
    const pct = r.percent_done[i.key];
    lines.push(
      `- ${i.label}: ${formatVietnameseNumber(r.day_total[i.key])} ${i.unit} trong ngày, lũy kế ${formatVietnameseNumber(r.cumulative[i.key])} ${i.unit}${pct != null ? ` (${Math.round(pct * 100)}% kế hoạch)` : ""}${leftOutNote(left, `day_total.${i.key}`, `cumulative.${i.key}`)}`
    );
  }
  const wholeRows = [...(left.day_total ?? []), ...(left.cumulative ?? [])];
  if (wholeRows.length)
    lines.push(`- Chưa tính các dòng nhật ký ${[...new Set(wholeRows)].join(", ")} vì có lỗi.`);
  lines.push(
    `Ấp chưa báo cáo: ${r.missing.join(", ") || "không có"}. Ấp gửi trễ: ${r.late.join(", ") || "không có"}.`
  );
  return lines.join("\n");
}
