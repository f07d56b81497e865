/**
 * The daily report as a print-ready sheet in the Party document format (Hướng dẫn 36-HD/VPTW): 13 pt Times New
 * Roman on A4 portrait, columns sized for their content so the page prints one page wide at full scale.
 *
 * Figures are written as text in the Vietnamese form ("12.500.000", "88%"): a number format's separators follow
 * the computer's regional settings (the same cell reads "12,500,000" on an English one) and Excel has no format
 * that fixes them, while nothing computes from a report's cells, which are a dated snapshot.
 */
import { formatDate, formatTime } from "./dates";
import {
  NO_BREAK,
  SheetBuilder,
  TABLE,
  figureText as figure,
  lowerFirst,
  partyHeading,
  partyReport,
  signatureBlock,
} from "./document";
import type { SheetLayout } from "./layout";
import type { Plan } from "./model";
import { formatVietnameseNumber } from "./quantity";
import { FORCE_INDICATORS, RESULT_INDICATORS } from "./indicators";
import { type DailyReport, reportSheetName } from "./report";
import { fold } from "./text";

/**
 * Nine columns shared by the tables: STT | Ấp | five forces | LLVT | Đối ứng. The results table puts Nội dung
 * over columns 2–3 and Kế hoạch over 7–8; the heading's left block is columns 1–4, its right block 5–9.
 */
const COLS = 9;
const LEFT_BLOCK = 4;
/** Column that takes the page width the content leaves: Ấp, the start of Nội dung. */
const FLEX_COL = 2;

const percent = (p: number) => `${formatVietnameseNumber(Math.round(p * 100))}%`;

function header(s: SheetBuilder, plan: Plan, report: DailyReport): void {
  const st = plan.settings;
  partyHeading(s, { ...st, date: report.date, number_suffix: "BC/BCĐ" }, LEFT_BLOCK);
  s.line("BÁO CÁO NHANH", { align: "center", bold: true, size: 14 });
  s.line(`Kết quả ${lowerFirst(st.name || "đợt công tác dân vận")}`, {
    align: "center",
    bold: true,
  });
  const day =
    report.day !== null
      ? ` (ngày thứ ${report.day}${report.campaign_days ? `/${report.campaign_days}` : ""} của đợt)`
      : "";
  s.line(`Ngày ${formatDate(report.date)}${day}`, { align: "center", italic: true });
  s.gap();
}

const TH = TABLE.head;
const TD = TABLE.figure;
/** Head counts are short: centred under their headers. */
const COUNT = TABLE.count;
const TEXT = TABLE.text;

/** Whether a hamlet met the đối ứng ratio that day: "Đạt", "Thiếu 3", or nothing without a ratio. */
function ratioText(report: DailyReport, hamlet: string): string {
  const short = report.forces[hamlet].short;
  if (short === null) return "";
  return short === 0 ? "Đạt" : `Thiếu${NO_BREAK}${figure(short)}`;
}

function forces(s: SheetBuilder, plan: Plan, report: DailyReport): void {
  s.line("I. LỰC LƯỢNG THAM GIA", { bold: true });
  const ratio = report.ratio ? ` ${report.ratio.people}:${report.ratio.forces}` : "";
  const heads = ["STT", "Ấp", ...FORCE_INDICATORS.map((f) => f.label), `Đối ứng${ratio}`];
  heads.forEach((h, i) => s.put(i + 1, h, TH));
  s.row++;
  plan.hamlets.forEach((h, i) => {
    const values = report.hamlets[h.name];
    s.put(1, String(i + 1), COUNT);
    s.put(2, h.name, TEXT);
    // A hamlet that sent nothing has no figures to show, not a row of zeros.
    if (report.missing.includes(h.name))
      s.put(3, "Chưa gửi báo cáo", { ...TEXT, align: "center", italic: true }, COLS);
    else {
      FORCE_INDICATORS.forEach((f, j) => s.put(3 + j, figure(values[f.key]), COUNT));
      s.put(COLS, ratioText(report, h.name), { ...TEXT, align: "center" });
    }
    s.row++;
  });
  s.put(1, "Cộng", { ...TH, fill: undefined }, 2);
  FORCE_INDICATORS.forEach((f, j) =>
    s.put(3 + j, figure(report.day_total[f.key]), { ...COUNT, bold: true })
  );
  s.put(COLS, null, TD);
  s.row++;
  s.gap();
}

/** The target, or where Chỉ tiêu disagrees with the works both, on two lines: "1.330" / "(chi tiết 4.330)". */
function targetText(report: DailyReport, key: (typeof RESULT_INDICATORS)[number]["key"]): string {
  const target = report.targets[key] ?? null;
  const stated = report.stated_targets[key];
  if (target === null) return "";
  if (stated === undefined) return figure(target);
  return `${figure(stated)}\n${["(chi", "tiết", `${figure(target)})`].join(NO_BREAK)}`;
}

function results(s: SheetBuilder, report: DailyReport): void {
  s.line("II. KẾT QUẢ THỰC HIỆN", { bold: true });
  s.put(1, "STT", TH);
  s.put(2, "Nội dung", TH, 3);
  ["Đơn vị", "Trong ngày", "Lũy kế"].forEach((h, i) => s.put(4 + i, h, TH));
  s.put(7, "Kế hoạch", TH, 8);
  s.put(COLS, "Đạt (%)", TH);
  s.row++;
  RESULT_INDICATORS.forEach((r, i) => {
    const pct = report.percent_done[r.key];
    s.put(1, String(i + 1), COUNT);
    s.put(2, r.label, TEXT, 3);
    s.put(4, r.unit, { border: true, align: "center" });
    s.put(5, figure(report.day_total[r.key]), TD);
    s.put(6, figure(report.cumulative[r.key]), TD);
    s.put(7, targetText(report, r.key), { ...TD, wrap: true }, 8);
    s.put(COLS, pct == null ? "" : percent(pct), TD);
    s.row++;
  });
  const mismatched = RESULT_INDICATORS.filter((r) => r.key in report.stated_targets);
  if (mismatched.length)
    s.line(
      `Ghi chú: chỉ tiêu ghi trong kế hoạch khác với tổng các công việc chi tiết ở ${mismatched.map((r) => lowerFirst(r.label)).join(", ")}; cột Kế hoạch ghi cả hai số, tỷ lệ đạt tính trên tổng các công việc chi tiết.`,
      { italic: true, size: 12 }
    );
  s.gap();
}

/** "Phát quang, dọn vệ sinh 500 m; Tặng quà 5 phần" — what a hamlet did that day. */
function hamletResultText(report: DailyReport, hamlet: string): string {
  const values = report.hamlets[hamlet];
  const parts = RESULT_INDICATORS.filter((r) => values[r.key] > 0).map(
    (r) => `${r.label} ${figure(values[r.key])} ${r.unit}`
  );
  if (report.missing.includes(hamlet)) return "Chưa gửi báo cáo";
  return parts.length ? parts.join("; ") : "Không có kết quả trong ngày";
}

function perHamlet(s: SheetBuilder, plan: Plan, report: DailyReport): void {
  s.line("III. KẾT QUẢ TỪNG ẤP TRONG NGÀY", { bold: true });
  s.put(1, "STT", TH);
  s.put(2, "Ấp", TH);
  s.put(3, "Kết quả", TH, COLS);
  s.row++;
  plan.hamlets.forEach((h, i) => {
    s.put(1, String(i + 1), COUNT);
    s.put(2, h.name, TEXT);
    s.put(3, hamletResultText(report, h.name), TEXT, COLS);
    s.row++;
  });
  s.gap();
}

function followUp(s: SheetBuilder, plan: Plan, report: DailyReport): number {
  const start = s.row;
  s.line("IV. TÌNH HÌNH BÁO CÁO VÀ GHI CHÚ", { bold: true });
  const until = plan.settings.report_to ?? 15 * 60;
  s.line(
    `- Ấp chưa gửi báo cáo: ${report.missing.length ? report.missing.join(", ") : "không có"}.`
  );
  s.line(
    `- Ấp gửi sau ${formatTime(until)}: ${report.late.length ? report.late.join(", ") : "không có"}.`
  );
  for (const n of report.notes) s.line(`- Ấp ${n.hamlet}: ${n.note}`);
  s.line(
    `Số liệu tổng hợp lúc ${formatTime(report.made_at.minutes)} ngày ${formatDate(report.made_at.date)} từ sổ nhật ký.`,
    { italic: true, size: 12 }
  );
  s.gap();
  return start;
}

/** The head of the steering committee, who signs: the Trưởng ban in Thành viên, when the plan names one. */
export function signer(plan: Plan): string {
  const head = plan.members.find(
    (m) =>
      /^truong ban\b/.test(fold(m.role)) ||
      m.position.split(/\s[-–]\s|[,;]/).some((part) => /^truong ban chi dao/.test(fold(part)))
  );
  return head?.name ?? "";
}

function signature(s: SheetBuilder, plan: Plan): void {
  signatureBlock(s, plan.settings.report_place, signer(plan), LEFT_BLOCK);
}

export function reportLayout(plan: Plan, report: DailyReport): SheetLayout {
  const s = new SheetBuilder(COLS);
  header(s, plan, report);
  forces(s, plan, report);
  results(s, report);
  perHamlet(s, plan, report);
  const closing = followUp(s, plan, report);
  signature(s, plan);
  return partyReport(s, reportSheetName(report.date), FLEX_COL, closing);
}
