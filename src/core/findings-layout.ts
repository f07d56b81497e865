/** The Kiểm tra sheet the ribbon button writes: every finding with where it is, errors first. */
import { formatDate, formatTime, type LocalDateTime } from "./dates";
import { type Finding, summarize } from "./findings";
import type { LayoutCell, SheetLayout } from "./layout";
import { fitRowHeights, worksheetPrint } from "./print";

export const FINDINGS_SHEET = "Kiểm tra";

const SEVERITY_TEXT = { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" } as const;
const TH = { bold: true, border: true, align: "center" as const, fill: "FFDDEBF7", wrap: true };
const WIDTHS = [10, 16, 7, 90, 22];

export function findingsLayout(findings: Finding[], asOf: LocalDateTime): SheetLayout {
  const s = summarize(findings);
  const cells: LayoutCell[] = [
    { row: 1, col: 1, value: "KẾT QUẢ KIỂM TRA SỔ KẾ HOẠCH", bold: true, size: 14 },
    {
      row: 2,
      col: 1,
      italic: true,
      value: `Lúc ${formatTime(asOf.minutes)} ngày ${formatDate(asOf.date)}: ${s.errors} lỗi, ${s.warnings} cảnh báo, ${s.infos} lưu ý.`,
    },
  ];
  ["Mức", "Trang", "Ô", "Nội dung", "Mã"].forEach((h, i) =>
    cells.push({ row: 4, col: i + 1, value: h, ...TH })
  );
  findings.forEach((f, i) => {
    const row = 5 + i;
    [SEVERITY_TEXT[f.severity], f.sheet, f.cell, f.message, f.code].forEach((value, c) =>
      cells.push({ row, col: c + 1, value: value ?? "", border: true, wrap: true })
    );
  });
  return fitRowHeights({
    name: FINDINGS_SHEET,
    font: { name: "Times New Roman", size: 12 },
    columnWidths: WIDTHS,
    cells,
    merges: [],
    freezeRows: 4,
    print: worksheetPrint(WIDTHS, { titleRows: "4:4" }),
  });
}
