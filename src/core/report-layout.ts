/** The daily report as a print-ready sheet in the Party document format (Hướng dẫn 36-HD/VPTW). */
import { formatDate, formatTime } from "./dates";
import { FORMAT, type LayoutCell, PARTY_DOCUMENT_PRINT, type SheetLayout } from "./layout";
import type { Plan } from "./model";
import { formatVietnameseNumber } from "./quantity";
import { FORCE_INDICATORS, RESULT_INDICATORS } from "./indicators";
import { type DailyReport, reportSheetName } from "./report";

const COLS = 10;
const WIDTHS = [6, 18, 10, 10, 10, 12, 10, 10, 11, 13];

class Sheet {
  readonly cells: LayoutCell[] = [];
  readonly merges: string[] = [];
  readonly heights: Record<number, number> = {};
  row = 1;

  put(
    col: number,
    value: string | number | null,
    style: Partial<LayoutCell> = {},
    toCol = col
  ): void {
    this.cells.push({ row: this.row, col, value, ...style });
    if (toCol > col) this.merges.push(`${letter(col)}${this.row}:${letter(toCol)}${this.row}`);
  }

  /** A full-width line of text. */
  line(value: string, style: Partial<LayoutCell> = {}, lines = 1): void {
    this.put(1, value, { wrap: true, ...style }, COLS);
    if (lines > 1) this.heights[this.row] = 16 * lines;
    this.row++;
  }
}

function letter(col: number): string {
  return String.fromCharCode(64 + col);
}

/** "ngày 04 tháng 12 năm 2024": day and months 1–2 with a leading zero, as the format asks. */
export function longDate(date: string): string {
  const [y, m, d] = date.split("-").map(Number);
  const month = m <= 2 ? String(m).padStart(2, "0") : String(m);
  return `ngày ${String(d).padStart(2, "0")} tháng ${month} năm ${y}`;
}

function header(s: Sheet, plan: Plan, report: DailyReport): void {
  const st = plan.settings;
  s.put(1, st.party_committee.toUpperCase() || null, { align: "center" }, 5);
  s.put(6, "ĐẢNG CỘNG SẢN VIỆT NAM", { align: "center", bold: true, underline: true }, COLS);
  s.row++;
  s.put(1, st.issuer.toUpperCase() || null, { align: "center", bold: true, wrap: true }, 5);
  s.heights[s.row] = 48;
  s.row++;
  s.put(1, "*", { align: "center" }, 5);
  s.put(
    6,
    `${st.place_name || "…"}, ${longDate(report.date)}`,
    { align: "center", italic: true },
    COLS
  );
  s.row++;
  s.put(1, "Số        -BC/BCĐ", { align: "center" }, 5);
  s.row += 2;
  s.line("BÁO CÁO NHANH", { align: "center", bold: true, size: 14 });
  s.line(
    `Kết quả ${lowerFirst(st.name || "đợt công tác dân vận")}`,
    { align: "center", bold: true },
    2
  );
  const day =
    report.day !== null
      ? ` (ngày thứ ${report.day}${report.campaign_days ? `/${report.campaign_days}` : ""} của đợt)`
      : "";
  s.line(`Ngày ${formatDate(report.date)}${day}`, { align: "center", italic: true });
  s.row++;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const TH: Partial<LayoutCell> = {
  bold: true,
  border: true,
  align: "center",
  wrap: true,
  fill: "FFDDEBF7",
};
const TD: Partial<LayoutCell> = { border: true, numFmt: FORMAT.integer };

function forces(s: Sheet, plan: Plan, report: DailyReport): void {
  s.line("I. LỰC LƯỢNG THAM GIA", { bold: true });
  const ratio = report.ratio ? `${report.ratio.people}:${report.ratio.forces}` : "";
  const heads = [
    "STT",
    "Ấp",
    ...FORCE_INDICATORS.map((f) => f.label),
    "Thiếu người dân",
    `Đối ứng ${ratio}`,
  ];
  heads.forEach((h, i) => s.put(i + 1, h, TH));
  s.heights[s.row] = 32;
  s.row++;
  plan.hamlets.forEach((h, i) => {
    const values = report.hamlets[h.name];
    const short = report.forces[h.name].short;
    s.put(1, i + 1, { ...TD, align: "center" });
    s.put(2, h.name, { border: true });
    FORCE_INDICATORS.forEach((f, j) => s.put(3 + j, values[f.key], TD));
    s.put(9, short, TD);
    s.put(
      10,
      short === null
        ? ""
        : report.missing.includes(h.name)
          ? "Chưa báo cáo"
          : short === 0
            ? "Đạt"
            : "Chưa đạt",
      { border: true, align: "center" }
    );
    s.row++;
  });
  s.put(1, "Cộng", { ...TH, fill: undefined }, 2);
  FORCE_INDICATORS.forEach((f, j) => s.put(3 + j, report.day_total[f.key], { ...TD, bold: true }));
  s.put(9, null, TD);
  s.put(10, null, TD);
  s.row += 2;
}

function results(s: Sheet, report: DailyReport): void {
  s.line("II. KẾT QUẢ THỰC HIỆN", { bold: true });
  s.put(1, "STT", TH);
  s.put(2, "Nội dung", TH, 4);
  ["Đơn vị", "Trong ngày", "Lũy kế", "Kế hoạch"].forEach((h, i) => s.put(5 + i, h, TH));
  s.put(9, "Đạt (%)", TH, COLS);
  s.row++;
  RESULT_INDICATORS.forEach((r, i) => {
    s.put(1, i + 1, { ...TD, align: "center" });
    s.put(2, r.label, { border: true }, 4);
    s.put(5, r.unit, { border: true, align: "center" });
    s.put(6, report.day_total[r.key], TD);
    s.put(7, report.cumulative[r.key], TD);
    s.put(8, report.targets[r.key] ?? null, TD);
    s.put(9, report.percent_done[r.key] ?? null, { ...TD, numFmt: FORMAT.percent }, COLS);
    s.row++;
  });
  s.row++;
}

/** "Phát quang, dọn vệ sinh 500 m; Tặng quà 5 phần" — what a hamlet did that day. */
function hamletResultText(report: DailyReport, hamlet: string): string {
  const values = report.hamlets[hamlet];
  const parts = RESULT_INDICATORS.filter((r) => values[r.key] > 0).map(
    (r) => `${r.label} ${formatVietnameseNumber(values[r.key])} ${r.unit}`
  );
  if (report.missing.includes(hamlet)) return "Chưa gửi báo cáo";
  return parts.length ? parts.join("; ") : "Không có kết quả trong ngày";
}

function perHamlet(s: Sheet, plan: Plan, report: DailyReport): void {
  s.line("III. KẾT QUẢ TỪNG ẤP TRONG NGÀY", { bold: true });
  s.put(1, "STT", TH);
  s.put(2, "Ấp", TH);
  s.put(3, "Kết quả", TH, COLS);
  s.row++;
  plan.hamlets.forEach((h, i) => {
    const text = hamletResultText(report, h.name);
    s.put(1, i + 1, { ...TD, align: "center" });
    s.put(2, h.name, { border: true });
    s.put(3, text, { border: true, wrap: true }, COLS);
    s.heights[s.row] = 16 * Math.max(1, Math.ceil(text.length / 75));
    s.row++;
  });
  s.row++;
}

function followUp(s: Sheet, plan: Plan, report: DailyReport): void {
  s.line("IV. TÌNH HÌNH BÁO CÁO VÀ GHI CHÚ", { bold: true });
  const until = plan.settings.report_to ?? 15 * 60;
  s.line(
    `- Ấp chưa gửi báo cáo: ${report.missing.length ? report.missing.join(", ") : "không có"}.`
  );
  s.line(
    `- Ấp gửi sau ${formatTime(until)}: ${report.late.length ? report.late.join(", ") : "không có"}.`
  );
  for (const n of report.notes)
    s.line(`- Ấp ${n.hamlet}: ${n.note}`, {}, Math.max(1, Math.ceil(n.note.length / 90)));
  s.line(
    `Số liệu tổng hợp lúc ${formatTime(report.made_at.minutes)} ngày ${formatDate(report.made_at.date)} từ sổ nhật ký.`,
    { italic: true, size: 11 }
  );
  s.row++;
}

function signature(s: Sheet, plan: Plan): void {
  s.put(1, "Nơi nhận:", { bold: true, italic: true }, 4);
  s.put(6, "T/M BAN CHỈ ĐẠO", { bold: true, align: "center" }, COLS);
  s.row++;
  s.put(1, `- ${plan.settings.report_place || "Ban Chỉ đạo cấp trên"};`, { size: 11 }, 4);
  s.put(6, "TRƯỞNG BAN", { bold: true, align: "center" }, COLS);
  s.row++;
  s.put(1, "- Lưu.", { size: 11 }, 4);
  s.row += 4;
  s.put(6, "(Ký, ghi rõ họ tên)", { italic: true, align: "center", size: 11 }, COLS);
}

export function reportLayout(plan: Plan, report: DailyReport): SheetLayout {
  const s = new Sheet();
  header(s, plan, report);
  forces(s, plan, report);
  results(s, report);
  perHamlet(s, plan, report);
  followUp(s, plan, report);
  signature(s, plan);
  return {
    name: reportSheetName(report.date),
    font: { name: "Times New Roman", size: 13 },
    columnWidths: WIDTHS,
    cells: s.cells,
    merges: s.merges,
    rowHeights: s.heights,
    print: PARTY_DOCUMENT_PRINT,
  };
}
