/**
 * Sheet "Mã đăng ký": one row per hamlet (or per commune, for a province) with its enrolment code, the code's
 * expiry, the enrolment link and that link's QR code, printed on A4 so each row can be cut out and handed over.
 * Eight rows fit one page.
 */
import { z } from "zod";
import { type LocalDateTime, formatDate, formatTime, parseAsOf } from "./dates";
import { SheetBuilder, TABLE } from "./document";
import type { LayoutImage, SheetLayout } from "./layout";
import { columnPoints, worksheetPrint } from "./print";
import { qrPng } from "./qr";
import { enrolmentLink } from "./enrolment-link";

export const ENROLMENT_SHEET = "Mã đăng ký";

/** STT | Ấp | Mã đăng ký | Hết hạn | Đường dẫn | Mã QR */
const COLS = 6;
const NAME_COL = 2;
const LINK_COL = 5;
const QR_COL = 6;
/** 2.54 cm: modules of a 33-module code (a 50-character link) print 0.6 mm wide, which phones read. */
const QR_POINTS = 72;
/** White around the code inside its cell. */
const QR_MARGIN = 3;
const ROW_POINTS = QR_POINTS + 2 * QR_MARGIN;

export const EnrolmentCode = z.object({
  /** The hamlet's (or commune's) name */
  name: z.string().min(1),
  code: z.string().min(1),
  /** When the code stops working: "2024-12-14" or "2024-12-14T10:00" (Vietnam time) */
  expires: z.string().refine((t) => parseAsOf(t) !== null, "không phải ngày giờ"),
});
export type EnrolmentCode = z.infer<typeof EnrolmentCode>;

export const EnrolmentSheet = z.object({
  /** The sync server's address, "https://danvan.tayninh.gov.vn" */
  server: z.string().min(1),
  /** Whom the codes are for: a commune's hamlets, or a province's (or district's) communes */
  kind: z.enum(["hamlet", "commune"]),
  /** Who issues them, as the title names it: "xã Tân Phong", "tỉnh Tây Ninh" */
  issuer: z.string(),
  codes: z.array(EnrolmentCode),
});
export type EnrolmentSheet = z.infer<typeof EnrolmentSheet>;

/** The link as printed: broken before its path, so a long address wraps at a sensible place. */
function printedLink(link: string): string {
  return link.replace(/^(\w+:\/\/[^/]+)\//, "$1\n/");
}

const WHO = {
  hamlet: {
    unit: "Ấp",
    title: (issuer: string) => `Các ấp của ${issuer}`,
    how: "Người báo cáo của mỗi ấp quét mã QR của ấp mình bằng điện thoại (hoặc mở đường dẫn) để đăng ký máy gửi nhật ký.",
  },
  commune: {
    unit: "Xã",
    title: (issuer: string) => `Các xã của ${issuer}`,
    how: "Cán bộ của mỗi xã nhập mã của xã mình trong bổ trợ DanVan (Đồng bộ), hoặc quét mã QR, để đăng ký máy của xã.",
  },
} as const;

function heading(s: SheetBuilder, sheet: EnrolmentSheet, madeAt: LocalDateTime): void {
  const who = WHO[sheet.kind];
  s.line("MÃ ĐĂNG KÝ THIẾT BỊ DANVAN", { align: "center", bold: true, size: 14 });
  s.line(who.title(sheet.issuer), { align: "center", bold: true });
  s.line(
    `${who.how} Mã hết hạn vào ngày ghi trong bảng; khi hết hạn, xin cấp mã mới. Lập lúc ${formatTime(madeAt.minutes)} ngày ${formatDate(madeAt.date)}.`,
    { italic: true, size: 12 }
  );
  s.gap();
}

/** The table's rows and the QR code of each, centred in its cell. */
function table(s: SheetBuilder, sheet: EnrolmentSheet): { header: number; images: LayoutImage[] } {
  const header = s.row;
  ["STT", WHO[sheet.kind].unit, "Mã đăng ký", "Hết hạn", "Đường dẫn đăng ký", "Mã QR"].forEach(
    (h, i) => s.put(i + 1, h, TABLE.head)
  );
  s.row++;
  const images = sheet.codes.map((c, i) => {
    const link = enrolmentLink(sheet.server, c.code);
    const expires = parseAsOf(c.expires)!;
    s.put(1, String(i + 1), TABLE.count);
    s.put(2, c.name, TABLE.text);
    s.put(3, c.code, { ...TABLE.count, bold: true });
    s.put(4, `Hết hạn ${formatDate(expires.date)}`, { ...TABLE.count, wrap: true });
    s.put(LINK_COL, printedLink(link), { ...TABLE.text, size: 12 });
    s.put(QR_COL, null, TABLE.count);
    s.heights[s.row] = ROW_POINTS;
    const image = {
      png: qrPng(link).base64,
      row: s.row,
      col: QR_COL,
      offsetX: 0,
      offsetY: QR_MARGIN,
      width: QR_POINTS,
      height: QR_POINTS,
      name: `Mã QR đăng ký ${WHO[sheet.kind].unit.toLowerCase()} ${c.name}`,
    };
    s.row++;
    return image;
  });
  return { header, images };
}

/** Sheet "Mã đăng ký" for the codes just issued, made at `madeAt`. */
export function enrolmentLayout(sheet: EnrolmentSheet, madeAt: LocalDateTime): SheetLayout {
  const s = new SheetBuilder(COLS);
  heading(s, sheet, madeAt);
  const { header, images } = table(s, sheet);
  const print = worksheetPrint([], { titleRows: `${header}:${header}` });
  const layout = s.layout(ENROLMENT_SHEET, print, NAME_COL, {
    [QR_COL]: QR_POINTS + 2 * QR_MARGIN,
  });
  // Centred across the column as it came out, which may be a pixel or two wider than asked.
  const room = columnPoints(layout.columnWidths[QR_COL - 1]);
  return { ...layout, images: images.map((i) => ({ ...i, offsetX: (room - i.width) / 2 })) };
}
