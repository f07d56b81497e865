/** Reading typed values out of cells, turning what cannot be read into findings. */
import { type Category, matchCategoryLabel, suggestCategory } from "./categories";
import { parseDate, parseTime } from "./dates";
import { type Finding, finding } from "./findings";
import {
  type CellValue,
  type GridValue,
  cellText,
  isBlank,
  isFormulaError,
  isUncalculated,
} from "./grid";
import { type FieldLimit, limitProblem } from "./limits";
import type { Ratio } from "./model";
import { parseRatio } from "./ratio";
import { type Dimension, formatVietnameseNumber, parseQuantity } from "./quantity";
import type { CellKind } from "./sheets";

export interface Where {
  sheet: string;
  cell: string;
}

const DIMENSION_OF: Partial<Record<CellKind, Dimension>> = {
  length: "length",
  money: "money",
  count: "count",
  int: "count",
};
const UNIT_WORD: Record<Dimension, string> = {
  length: "chiều dài (m)",
  money: "số tiền (đồng)",
  count: "số lượng",
};

/** A figure as the message shows it: the Vietnamese way ("5.000") while it has all its digits, else as typed. */
function shownNumber(amount: number, value: GridValue): string {
  return Math.abs(amount) < 1e15 ? formatVietnameseNumber(amount) : cellText(value);
}

/** Other tools write Excel's quote prefix ('800, a number kept as text) into the text itself. */
function withoutQuotePrefix(value: CellValue): CellValue {
  return typeof value === "string" ? value.replace(/^\s*['\u2018\u2019]/, "") : value;
}

/** How a message names what was typed, and what becomes of a figure outside its limits. */
export interface CellWording {
  subject(where: Where, label: string): string;
  refused: string;
}

/** A workbook's words: the cell and its column ("Ô D7 (Quân đội)"); a refused figure is left out of totals. */
const WORKBOOK_WORDING: CellWording = {
  subject: (where, label) => `Ô ${where.cell} (${label})`,
  refused: "số này không được cộng",
};

export class CellReader {
  readonly findings: Finding[] = [];

  constructor(private readonly wording: CellWording = WORKBOOK_WORDING) {}

  private invalid(where: Where, label: string, value: GridValue, expected: string): null {
    this.findings.push(
      finding(
        "VALUE_INVALID",
        "error",
        where,
        `${this.wording.subject(where, label)}: không đọc được "${cellText(value)}" — cần ${expected}.`,
        { actual: cellText(value) }
      )
    );
    return null;
  }

  /** The cell's value, or undefined (with a finding where it is a formula error or was never calculated). */
  private usable(value: GridValue, where: Where, label: string): CellValue | undefined {
    if (isUncalculated(value)) {
      this.findings.push(
        finding(
          "FORMULA_ERROR",
          "error",
          where,
          `${this.wording.subject(where, label)}: công thức =${value.formula} chưa được tính; mở và lưu lại bằng Excel.`,
          { actual: cellText(value) }
        )
      );
      return undefined;
    }
    if (isBlank(value)) return undefined;
    if (!isFormulaError(value)) return value;
    this.findings.push(
      finding(
        "FORMULA_ERROR",
        "error",
        where,
        `${this.wording.subject(where, label)} có lỗi công thức ${cellText(value)}; sửa công thức hoặc nhập giá trị.`,
        { actual: cellText(value) }
      )
    );
    return undefined;
  }

  text(value: GridValue, where: Where, label: string): string {
    return this.usable(value, where, label) === undefined ? "" : cellText(value);
  }

  /** A figure; null (with a finding) when it cannot be read or lies outside `limit`, so it is left out. */
  number(
    kind: CellKind,
    value: GridValue,
    where: Where,
    label: string,
    limit?: FieldLimit
  ): number | null {
    const v = this.usable(value, where, label);
    if (v === undefined) return null;
    const dimension = DIMENSION_OF[kind] ?? "count";
    const q = parseQuantity(withoutQuotePrefix(v));
    if (!q || (q.dimension !== null && q.dimension !== dimension))
      return this.invalid(where, label, value, UNIT_WORD[dimension]);
    if (kind === "int" && !Number.isInteger(q.value))
      return this.invalid(where, label, value, "một số nguyên");
    if (q.ambiguous) {
      this.findings.push(
        finding(
          "VALUE_INVALID",
          "warning",
          where,
          `${this.wording.subject(where, label)}: "${cellText(value)}" có thể hiểu hai cách; đã đọc theo cách viết Việt Nam là ${formatVietnameseNumber(q.value)}. Hãy viết rõ (dấu chấm ngăn nghìn, dấu phẩy thập phân).`,
          { actual: q.value }
        )
      );
    }
    // Money is kept in whole đồng.
    const amount = kind === "money" ? Math.round(q.value) : q.value;
    return this.checkLimit(amount, value, where, label, limit);
  }

  private checkLimit(
    amount: number,
    value: GridValue,
    where: Where,
    label: string,
    limit: FieldLimit | undefined
  ): number | null {
    const problem = limitProblem(amount, limit ?? { max: Infinity, integer: false, unit: "" });
    if (problem === null) return amount;
    if (problem === "not_finite") return this.invalid(where, label, value, "một số hữu hạn");
    if (problem === "fraction") return this.invalid(where, label, value, "một số nguyên");
    const [code, text] =
      problem === "negative"
        ? (["VALUE_NEGATIVE", `là số âm (${cellText(value)}); số liệu phải từ 0 trở lên`] as const)
        : ([
            "VALUE_IMPLAUSIBLE",
            `là ${shownNumber(amount, value)}, quá mức một xã có thể có (tối đa ${formatVietnameseNumber(limit!.max)}${limit!.unit ? ` ${limit!.unit}` : ""})`,
          ] as const);
    this.findings.push(
      finding(
        code,
        "error",
        where,
        `${this.wording.subject(where, label)} ${text}; ${this.wording.refused}.`,
        {
          actual: Number.isFinite(amount) ? amount : cellText(value),
          ...(problem === "too_large" ? { expected: limit!.max } : {}),
        }
      )
    );
    return null;
  }

  date(value: GridValue, where: Where, label: string, defaultYear?: number): string | null {
    const v = this.usable(value, where, label);
    if (v === undefined) return null;
    return (
      parseDate(withoutQuotePrefix(v), defaultYear) ??
      this.invalid(where, label, value, "một ngày dạng dd/mm/yyyy")
    );
  }

  time(value: GridValue, where: Where, label: string): number | null {
    const v = this.usable(value, where, label);
    if (v === undefined) return null;
    return (
      parseTime(withoutQuotePrefix(v)) ??
      this.invalid(where, label, value, "một giờ dạng 15:40, 15h40, 15g40 hoặc 15.40")
    );
  }

  ratio(value: GridValue, where: Where, label: string): Ratio | null {
    const v = this.usable(value, where, label);
    if (v === undefined) return null;
    return (
      parseRatio(v) ??
      this.invalid(where, label, value, 'một tỷ lệ dạng "1:3" (người dân : chiến sĩ LLVT)')
    );
  }

  category(value: GridValue, where: Where, label: string): Category | null {
    if (this.usable(value, where, label) === undefined) return null;
    const found = matchCategoryLabel(cellText(value));
    if (found) return found;
    const suggestion = suggestCategory(cellText(value));
    this.findings.push(
      finding(
        "CATEGORY_UNKNOWN",
        "error",
        where,
        `${this.wording.subject(where, label)}: loại công việc "${cellText(value)}" không có trong danh mục${suggestion ? `; có phải "${suggestion}"?` : "."}`,
        { actual: cellText(value), ...(suggestion ? { suggestion } : {}) }
      )
    );
    return null;
  }
}
