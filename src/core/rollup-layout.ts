/**
 * The upper level's roll-up as sheet "TH dd-mm-yyyy": a Party document (Hướng dẫn 36-HD/VPTW) like the BC sheet,
 * issued by the province's (or district's) steering committee — the totals of every indicator, one row per
 * commune with the main indicators of the day and cumulative, the communes missing or late, the signature.
 * Figures are Vietnamese text, 13 pt Times New Roman, one A4 page wide (report-layout.ts says why text).
 */
import { formatDate, formatTime, type LocalDateTime, parseAsOf } from "./dates";
import {
  SheetBuilder,
  TABLE,
  cellName,
  figureText as figure,
  lowerFirst,
  partyHeading,
  partyReport,
  signatureBlock,
} from "./document";
import { FORCE_INDICATORS, RESULT_INDICATORS } from "./indicators";
import type { SheetLayout } from "./layout";
import type { IndicatorKey, Indicators } from "./model";
import type { Rollup, RollupSettings } from "./rollup";

/**
 * Nine columns: STT | Xã | Gửi lúc | LLVT | Nhân dân | two main results, each as Ngày | Lũy kế. The totals
 * table puts Nội dung over 2–4, Đơn vị in 5, Trong ngày over 6–7 and Lũy kế over 8–9. Heading: 1–4 | 5–9.
 */
const COLS = 9;
const LEFT_BLOCK = 4;
const FLEX_COL = 2;
const FIRST_FORCE_COL = 4;

/**
 * What a row per commune shows: the forces of the day (as the BC sheet shows forces, for the day only), and
 * the main works of the day and cumulative. Section I gives every indicator's total.
 */
export const DAY_FORCES: { key: IndicatorKey; head: string }[] = [
  { key: "llvt", head: "LLVT" },
  { key: "nhan_dan", head: "Nhân dân" },
];
export const MAIN_RESULTS: { key: IndicatorKey; head: string }[] = [
  { key: "phat_quang_m", head: "Phát quang, dọn vệ sinh (m)" },
  { key: "qua_phan", head: "Tặng quà (phần)" },
];
const FIRST_RESULT_COL = FIRST_FORCE_COL + DAY_FORCES.length;

const collator = new Intl.Collator("vi");

export function rollupSheetName(date: string): string {
  const [y, m, d] = date.split("-");
  return `TH ${d}-${m}-${y}`;
}

const AREA = { province: "tỉnh", district: "huyện" } as const;

function title(s: SheetBuilder, r: Rollup, settings: RollupSettings): void {
  partyHeading(s, { ...settings, date: r.date, number_suffix: "BC/BCĐ" }, LEFT_BLOCK);
  s.line("BÁO CÁO NHANH", { align: "center", bold: true, size: 14 });
  s.line(`Tổng hợp kết quả ${lowerFirst(settings.name || "đợt công tác dân vận")} của các xã`, {
    align: "center",
    bold: true,
  });
  s.line(`Ngày ${formatDate(r.date)}`, { align: "center", italic: true });
  s.gap();
}

/** Section I: every indicator of the day and cumulative, over the communes that sent. */
function totals(s: SheetBuilder, r: Rollup, settings: RollupSettings): void {
  s.line(`I. KẾT QUẢ CHUNG TOÀN ${AREA[settings.level].toUpperCase()}`, { bold: true });
  s.put(1, "STT", TABLE.head);
  s.put(2, "Nội dung", TABLE.head, 4);
  s.put(5, "Đơn vị", TABLE.head);
  s.put(6, "Trong ngày", TABLE.head, 7);
  s.put(8, "Lũy kế", TABLE.head, 9);
  s.row++;
  const rows = [...FORCE_INDICATORS.map((f) => ({ ...f, unit: "người" })), ...RESULT_INDICATORS];
  rows.forEach((row, i) => {
    s.put(1, String(i + 1), TABLE.count);
    s.put(2, row.label, TABLE.text, 4);
    s.put(5, row.unit, TABLE.count);
    s.put(6, figure(r.total.day_total[row.key]), TABLE.figure, 7);
    s.put(8, figure(r.total.cumulative[row.key]), TABLE.figure, 9);
    s.row++;
  });
  s.gap();
}

/** "15:40", or "12/03 08:00" when sent on a later day. */
function sentText(r: Rollup, sentAt: string): string {
  const t = parseAsOf(sentAt);
  if (!t) return sentAt;
  const time = formatTime(t.minutes);
  return t.date === r.date ? time : `${formatDate(t.date).slice(0, 5)} ${time}`;
}

/** The two header rows of the per-commune table; returns their "a:b" for printing on every page. */
function communeHeader(s: SheetBuilder): string {
  const top = s.row;
  ["STT", "Xã", "Gửi lúc"].forEach((h, i) => {
    s.put(i + 1, h, TABLE.head);
    s.merges.push(`${cellName(i + 1, top)}:${cellName(i + 1, top + 1)}`);
  });
  s.put(FIRST_FORCE_COL, "Lực lượng trong ngày", TABLE.head, FIRST_RESULT_COL - 1);
  MAIN_RESULTS.forEach((m, i) => {
    const col = FIRST_RESULT_COL + 2 * i;
    s.put(col, m.head, TABLE.head, col + 1);
  });
  s.row++;
  [1, 2, 3].forEach((col) => s.put(col, null, TABLE.head));
  DAY_FORCES.forEach((f, i) => s.put(FIRST_FORCE_COL + i, f.head, TABLE.head));
  MAIN_RESULTS.forEach((_, i) => {
    s.put(FIRST_RESULT_COL + 2 * i, "Ngày", TABLE.head);
    s.put(FIRST_RESULT_COL + 2 * i + 1, "Lũy kế", TABLE.head);
  });
  s.row++;
  return `${top}:${top + 1}`;
}

/** A commune's figures (or the totals'), from the forces' column on. */
function communeFigures(
  s: SheetBuilder,
  day: Indicators,
  cumulative: Indicators,
  bold = false
): void {
  const style = { ...TABLE.figure, bold };
  DAY_FORCES.forEach((f, i) => s.put(FIRST_FORCE_COL + i, figure(day[f.key]), style));
  MAIN_RESULTS.forEach((m, i) => {
    s.put(FIRST_RESULT_COL + 2 * i, figure(day[m.key]), style);
    s.put(FIRST_RESULT_COL + 2 * i + 1, figure(cumulative[m.key]), style);
  });
}

/** Section II: one row per commune, in Vietnamese alphabetical order, missing ones said so. */
function perCommune(s: SheetBuilder, r: Rollup): string {
  s.line("II. KẾT QUẢ TỪNG XÃ", { bold: true });
  const header = communeHeader(s);
  const names = [...Object.keys(r.communes), ...r.missing].sort(collator.compare);
  names.forEach((name, i) => {
    s.put(1, String(i + 1), TABLE.count);
    s.put(2, name, TABLE.text);
    const c = r.communes[name];
    if (!c) s.put(3, "Chưa gửi báo cáo", { ...TABLE.text, align: "center", italic: true }, COLS);
    else {
      s.put(3, sentText(r, c.sent_at), { ...TABLE.count, wrap: true, italic: c.late });
      communeFigures(s, c.day_total, c.cumulative);
    }
    s.row++;
  });
  s.put(1, "Cộng", { ...TABLE.head, fill: undefined }, 2);
  s.put(3, null, TABLE.count);
  communeFigures(s, r.total.day_total, r.total.cumulative, true);
  s.row++;
  s.gap();
  return header;
}

const list = (names: string[]) =>
  names.length ? [...names].sort(collator.compare).join(", ") : "không có";

/** Section III: who has not sent, who sent late, when the figures were taken. */
function reporting(
  s: SheetBuilder,
  r: Rollup,
  settings: RollupSettings,
  madeAt: LocalDateTime
): number {
  const start = s.row;
  s.line("III. TÌNH HÌNH BÁO CÁO", { bold: true });
  const sent = Object.keys(r.communes).length;
  s.line(`- Số xã đã gửi báo cáo: ${sent}/${sent + r.missing.length}.`);
  s.line(`- Xã chưa gửi báo cáo: ${list(r.missing)}.`);
  s.line(`- Xã gửi sau ${formatTime(settings.deadline)}: ${list(r.late)}.`);
  s.line(
    `Số liệu tổng hợp lúc ${formatTime(madeAt.minutes)} ngày ${formatDate(madeAt.date)} từ báo cáo các xã gửi lên.`,
    { italic: true, size: 12 }
  );
  s.gap();
  return start;
}

/** Sheet "TH dd-mm-yyyy" of a roll-up made at `madeAt`. */
export function rollupLayout(
  r: Rollup,
  settings: RollupSettings,
  madeAt: LocalDateTime
): SheetLayout {
  const s = new SheetBuilder(COLS);
  title(s, r, settings);
  totals(s, r, settings);
  const titleRows = perCommune(s, r);
  const closing = reporting(s, r, settings, madeAt);
  signatureBlock(s, settings.report_place, settings.signer, LEFT_BLOCK);
  return partyReport(s, rollupSheetName(r.date), FLEX_COL, closing, titleRows);
}
