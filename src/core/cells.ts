/** Reading typed values out of cells, turning what cannot be read into findings. */
import { type Category, matchCategoryLabel, suggestCategory } from "./categories";
import { parseDate, parseTime } from "./dates";
import { type Finding, finding } from "./findings";
import { type CellValue, cellText, isBlank, isFormulaError } from "./grid";
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

export class CellReader {
  readonly findings: Finding[] = [];

  private invalid(where: Where, label: string, value: CellValue, expected: string): null {
    this.findings.push(
      finding(
        "VALUE_INVALID",
        "error",
        where,
        `Ô ${where.cell} (${label}): không đọc được "${cellText(value)}" — cần ${expected}.`,
        {
          actual: cellText(value),
        }
      )
    );
    return null;
  }

  /** False (with a finding) when the cell holds a formula error. */
  private usable(value: CellValue, where: Where, label: string): boolean {
    if (!isFormulaError(value)) return !isBlank(value);
    this.findings.push(
      finding(
        "FORMULA_ERROR",
        "error",
        where,
        `Ô ${where.cell} (${label}) có lỗi công thức ${cellText(value)}; sửa công thức hoặc nhập giá trị.`,
        {
          actual: cellText(value),
        }
      )
    );
    return false;
  }

  text(value: CellValue, where: Where, label: string): string {
    return this.usable(value, where, label) ? cellText(value) : "";
  }

  number(kind: CellKind, value: CellValue, where: Where, label: string): number | null {
    if (!this.usable(value, where, label)) return null;
    const dimension = DIMENSION_OF[kind] ?? "count";
    const q = parseQuantity(value);
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
          `Ô ${where.cell} (${label}): "${cellText(value)}" có thể hiểu hai cách; đã đọc theo cách viết Việt Nam là ${formatVietnameseNumber(q.value)}. Hãy viết rõ (dấu chấm ngăn nghìn, dấu phẩy thập phân).`,
          { actual: q.value }
        )
      );
    }
    if (q.value < 0) {
      this.findings.push(
        finding(
          "VALUE_NEGATIVE",
          "error",
          where,
          `Ô ${where.cell} (${label}) là số âm (${formatVietnameseNumber(q.value)}); số liệu phải từ 0 trở lên.`,
          {
            actual: q.value,
          }
        )
      );
    }
    return q.value;
  }

  date(value: CellValue, where: Where, label: string, defaultYear?: number): string | null {
    if (!this.usable(value, where, label)) return null;
    return (
      parseDate(value, defaultYear) ?? this.invalid(where, label, value, "một ngày dạng dd/mm/yyyy")
    );
  }

  time(value: CellValue, where: Where, label: string): number | null {
    if (!this.usable(value, where, label)) return null;
    return parseTime(value) ?? this.invalid(where, label, value, "một giờ dạng 14h05 hoặc 14:05");
  }

  ratio(value: CellValue, where: Where, label: string): Ratio | null {
    if (!this.usable(value, where, label)) return null;
    return (
      parseRatio(value) ??
      this.invalid(where, label, value, 'một tỷ lệ dạng "1:3" (người dân : chiến sĩ LLVT)')
    );
  }

  category(value: CellValue, where: Where, label: string): Category | null {
    if (!this.usable(value, where, label)) return null;
    const found = matchCategoryLabel(cellText(value));
    if (found) return found;
    const suggestion = suggestCategory(cellText(value));
    this.findings.push(
      finding(
        "CATEGORY_UNKNOWN",
        "error",
        where,
        `Ô ${where.cell} (${label}): loại công việc "${cellText(value)}" không có trong danh mục${suggestion ? `; có phải "${suggestion}"?` : "."}`,
        { actual: cellText(value), ...(suggestion ? { suggestion } : {}) }
      )
    );
    return null;
  }
}
