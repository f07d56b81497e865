/** Plain-text output for people at a terminal (JSON output is the core's data as is). */
import { category, CATEGORY_KEYS } from "../core/categories";
import { formatDate } from "../core/dates";
import type { DailyReportStatus, DeadlineView } from "../core/deadlines";
import { REPORT_STATUS_TEXT } from "../core/deadlines";
import { type Finding, summarize } from "../core/findings";
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

export function printTotals(t: Totals): string {
  const lines = ["KẾ HOẠCH: chỉ tiêu ghi trong kế hoạch | cộng các công việc chi tiết"];
  for (const key of CATEGORY_KEYS) {
    if (!t.stated[key] && !t.itemised[key]) continue;
    lines.push(
      `- ${category(key).label}: ${describeSums(t.stated[key], key)} | ${describeSums(t.itemised[key], key)}`
    );
  }
  lines.push("", "THEO ẤP (kế hoạch; đã thực hiện theo nhật ký)");
  for (const [name, h] of Object.entries(t.hamlets)) {
    const plan = CATEGORY_KEYS.filter((k) => h.plan[k]).map(
      (k) => `${category(k).label} ${describeSums(h.plan[k], k)}`
    );
    const done = RESULT_INDICATORS.filter((r) => h.done[r.key] > 0).map(
      (r) => `${r.label} ${formatVietnameseNumber(h.done[r.key])} ${r.unit}`
    );
    lines.push(
      `- Ấp ${name}: ${plan.join("; ") || "chưa có công việc"}${done.length ? `\n    đã làm: ${done.join("; ")}` : ""}`
    );
  }
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

export function printReport(r: DailyReport): string {
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
      `- ${i.label}: ${formatVietnameseNumber(r.day_total[i.key])} ${i.unit} trong ngày, lũy kế ${formatVietnameseNumber(r.cumulative[i.key])} ${i.unit}${pct != null ? ` (${Math.round(pct * 100)}% kế hoạch)` : ""}`
    );
  }
  lines.push(
    `Ấp chưa báo cáo: ${r.missing.join(", ") || "không có"}. Ấp gửi trễ: ${r.late.join(", ") || "không có"}.`
  );
  return lines.join("\n");
}
