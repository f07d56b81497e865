/** The Tổng hợp sheet: per hamlet, plan against done for the works measured in metres, and the chart's range. */
import { CATEGORIES } from "./categories";
import { FORMAT, type LayoutCell, type SheetLayout } from "./layout";
import { fitRowHeights, worksheetPrint } from "./print";
import type { Plan } from "./model";
import { PROGRESS_OF } from "./checks";
import type { Totals } from "./totals";

export const SUMMARY_SHEET = "Tổng hợp";

export interface SummaryLayout {
  layout: SheetLayout;
  /** A1 range the progress chart is drawn from (hamlet names and the percent column). */
  chartRange: string;
  chartTitle: string;
  /** Top-left and bottom-right cells the chart covers, beside the table; the printout takes both. */
  chartAt: [string, string];
}

const WIDTHS = [18, 14, 16, 10];
/** Columns E…N: a gap, then the chart over Excel's default column width. */
const CHART_COLUMNS = Array<number>(10).fill(8.43);
const CHART_AT: [string, string] = ["F4", "N24"];

const TH = { bold: true, border: true, align: "center" as const, wrap: true, fill: "FFDDEBF7" };

/** One row per hamlet: metres planned and done across the road works, and percent done. */
export interface HamletProgress {
  hamlet: string;
  planned: number;
  done: number;
  /** done / planned; null when nothing is planned */
  progress: number | null;
}

/** Per hamlet, metres planned and done across the works measured in metres. */
export function hamletProgress(plan: Plan, totals: Totals): HamletProgress[] {
  const metres = PROGRESS_OF.filter(
    ([, cat]) => CATEGORIES.find((c) => c.key === cat)?.measuredInMetres
  );
  return plan.hamlets.map((h) => {
    const t = totals.hamlets[h.name];
    const planned = metres.reduce((n, [, cat]) => n + (t.plan[cat]?.length_m ?? 0), 0);
    const done = metres.reduce((n, [indicator]) => n + t.done[indicator], 0);
    return { hamlet: h.name, planned, done, progress: planned ? done / planned : null };
  });
}

export function summaryLayout(plan: Plan, totals: Totals): SummaryLayout {
  const cells: LayoutCell[] = [
    { row: 1, col: 1, value: "TỔNG HỢP TIẾN ĐỘ THEO ẤP", bold: true, size: 14 },
    {
      row: 2,
      col: 1,
      value: "Các việc tính theo mét: phát quang, thắp sáng, dặm vá, làm đường, nạo vét.",
      italic: true,
    },
  ];
  ["Ấp", "Kế hoạch (m)", "Đã thực hiện (m)", "Tiến độ"].forEach((h, i) =>
    cells.push({ row: 4, col: i + 1, value: h, ...TH })
  );
  hamletProgress(plan, totals).forEach((p, i) => {
    const row = 5 + i;
    cells.push(
      { row, col: 1, value: p.hamlet, border: true },
      { row, col: 2, value: p.planned, border: true, numFmt: FORMAT.integer },
      { row, col: 3, value: p.done, border: true, numFmt: FORMAT.integer },
      { row, col: 4, value: p.progress, border: true, numFmt: FORMAT.percent }
    );
  });
  const last = 4 + Math.max(1, plan.hamlets.length);
  const printedRows = Math.max(last, Number(CHART_AT[1].slice(1)));
  return {
    layout: fitRowHeights({
      name: SUMMARY_SHEET,
      font: { name: "Times New Roman", size: 12 },
      columnWidths: WIDTHS,
      cells,
      merges: [],
      freezeRows: 4,
      print: worksheetPrint([...WIDTHS, ...CHART_COLUMNS], {
        titleRows: "4:4",
        area: `A1:N${printedRows}`,
      }),
    }),
    chartRange: `A4:A${last},D4:D${last}`,
    chartTitle: "Tiến độ theo ấp (việc tính theo mét)",
    chartAt: CHART_AT,
  };
}
