/**
 * Formulas a file holds without their results (other tools write them so): the simple ones — + - * /,
 * parentheses, SUM — over constants and cells of the same workbook are worked out here; anything else
 * stays uncalculated and the reader reports it.
 */
import {
  type CellValue,
  type Grid,
  type GridSheet,
  type GridValue,
  columnIndex,
  filledCells,
  filledRows,
  isFormulaError,
  isUncalculated,
} from "./grid";

interface CellRef {
  sheet: string | null;
  row: number;
  col: number;
}

/** What a formula can see: one cell, or the filled cells of a rectangle; undefined where it cannot be known. */
interface Cells {
  cell(ref: CellRef): CellValue | undefined;
  range(from: CellRef, to: CellRef): (CellValue | undefined)[] | undefined;
}

type Token =
  | { kind: "number"; value: number }
  | { kind: "ref"; ref: CellRef }
  | { kind: "name"; name: string }
  | { kind: "op"; op: string };

const SHEET_PREFIX = String.raw`(?:'((?:[^']|'')+)'|([^\s!'"()+\-*/,;:=<>&^%]+))!`;
const TOKEN = new RegExp(
  String.raw`\s*(?:(\d+(?:\.\d+)?(?:e[+-]?\d+)?)|(?:${SHEET_PREFIX})?\$?([a-z]{1,3})\$?(\d{1,7})(?![\w(])|([a-z][a-z0-9.]*)(?=\s*\()|([-+*/(),;:]))`,
  "iy"
);

function tokenize(formula: string): Token[] | null {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  const text = formula.replace(/^=/, "").trimEnd();
  while (TOKEN.lastIndex < text.length) {
    const m = TOKEN.exec(text);
    if (!m) return null;
    const [, number, quoted, bare, col, row, name, op] = m;
    if (number !== undefined) tokens.push({ kind: "number", value: Number(number) });
    else if (col !== undefined) {
      const sheet = quoted !== undefined ? quoted.replace(/''/g, "'") : (bare ?? null);
      tokens.push({ kind: "ref", ref: { sheet, row: Number(row) - 1, col: columnIndex(col) } });
    } else if (name !== undefined) tokens.push({ kind: "name", name: name.toUpperCase() });
    else tokens.push({ kind: "op", op });
  }
  return tokens;
}

/** Excel's own coercions in arithmetic: blanks are 0, TRUE is 1, numeric text is its number. */
function operand(value: CellValue | undefined): number | undefined {
  if (value === undefined || isFormulaError(value)) return undefined;
  if (value === null) return 0;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "number") return value;
  const n = value.trim() === "" ? 0 : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

const MAX_DEPTH = 64;

/** Recursive descent over one formula's tokens (a formula is at most 8,192 characters, its nesting bounded). */
class Parser {
  private at = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly cells: Cells
  ) {}

  parse(): number | undefined {
    const value = this.expression(0);
    return this.at === this.tokens.length && value !== undefined && Number.isFinite(value)
      ? value
      : undefined;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.at];
    return t?.kind === "op" && ops.includes(t.op) ? t.op : undefined;
  }

  private expression(depth: number): number | undefined {
    let value = this.term(depth);
    for (let op = this.peekOp("+", "-"); op && value !== undefined; op = this.peekOp("+", "-")) {
      this.at++;
      const right = this.term(depth);
      value = right === undefined ? undefined : op === "+" ? value + right : value - right;
    }
    return value;
  }

  private term(depth: number): number | undefined {
    let value = this.factor(depth);
    for (let op = this.peekOp("*", "/"); op && value !== undefined; op = this.peekOp("*", "/")) {
      this.at++;
      const right = this.factor(depth);
      if (right === undefined || (op === "/" && right === 0)) return undefined;
      value = op === "*" ? value * right : value / right;
    }
    return value;
  }

  private factor(depth: number): number | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const t = this.tokens[this.at++];
    if (!t) return undefined;
    if (t.kind === "number") return t.value;
    if (t.kind === "ref") return operand(this.cells.cell(t.ref));
    if (t.kind === "name") return t.name === "SUM" ? this.sum(depth + 1) : undefined;
    if (t.op === "-" || t.op === "+") {
      const v = this.factor(depth + 1);
      return v === undefined ? undefined : t.op === "-" ? -v : v;
    }
    if (t.op !== "(") return undefined;
    const v = this.expression(depth + 1);
    if (!this.peekOp(")")) return undefined;
    this.at++;
    return v;
  }

  /** SUM(a, b:c, …): references add their numbers and skip text, as Excel does. */
  private sum(depth: number): number | undefined {
    if (!this.peekOp("(")) return undefined;
    this.at++;
    let total = 0;
    while (!this.peekOp(")")) {
      const arg = this.sumArgument(depth);
      if (arg === undefined) return undefined;
      total += arg;
      if (this.peekOp(",", ";")) this.at++;
      else if (!this.peekOp(")")) return undefined;
    }
    this.at++;
    return total;
  }

  private sumArgument(depth: number): number | undefined {
    const t = this.tokens[this.at];
    const next = this.tokens[this.at + 1];
    const end = this.tokens[this.at + 2];
    const single = next?.kind !== "op" || [",", ";", ")"].includes(next.op);
    if (t?.kind === "ref" && (single || (next?.kind === "op" && next.op === ":"))) {
      if (single) {
        this.at++;
        return sumOf([this.cells.cell(t.ref)]);
      }
      if (end?.kind !== "ref") return undefined;
      this.at += 3;
      return sumOf(this.cells.range(t.ref, { ...end.ref, sheet: end.ref.sheet ?? t.ref.sheet }));
    }
    return this.expression(depth);
  }
}

function sumOf(values: (CellValue | undefined)[] | undefined): number | undefined {
  if (!values) return undefined;
  let total = 0;
  for (const v of values) {
    if (v === undefined || isFormulaError(v)) return undefined;
    if (typeof v === "number") total += v;
  }
  return total;
}

export function evaluateFormula(formula: string, cells: Cells): number | undefined {
  const tokens = tokenize(formula);
  return tokens ? new Parser(tokens, cells).parse() : undefined;
}

/** Every uncalculated formula of `grid` that simple arithmetic can work out becomes its number, in place. */
export function calculateFormulas(grid: Grid): void {
  const byName = new Map(grid.sheets.map((s) => [s.name.toUpperCase(), s]));
  const done = new Map<string, number | undefined>();
  const busy = new Set<string>();

  const valueAt = (sheet: GridSheet, row: number, col: number): CellValue | undefined => {
    const value: GridValue | undefined = sheet.rows[row]?.[col];
    if (!isUncalculated(value)) return value ?? null;
    const key = `${sheet.name}!${row}!${col}`;
    if (!done.has(key)) {
      if (busy.has(key)) return undefined; // a circular reference
      busy.add(key);
      done.set(key, evaluateFormula(value.formula, cellsOf(sheet)));
      busy.delete(key);
    }
    return done.get(key);
  };

  const cellsOf = (home: GridSheet): Cells => {
    const target = (ref: CellRef) =>
      ref.sheet === null ? home : byName.get(ref.sheet.toUpperCase());
    return {
      cell: (ref) => {
        const sheet = target(ref);
        return sheet ? valueAt(sheet, ref.row, ref.col) : undefined;
      },
      range: (from, to) => {
        const sheet = target(from);
        if (!sheet) return undefined;
        const [r1, r2] = [Math.min(from.row, to.row), Math.max(from.row, to.row)];
        const [c1, c2] = [Math.min(from.col, to.col), Math.max(from.col, to.col)];
        return filledRows(sheet, r1, r2 + 1).flatMap(({ index, cells }) =>
          filledCells(cells)
            .filter((c) => c.index >= c1 && c.index <= c2)
            .map((c) => valueAt(sheet, index, c.index))
        );
      },
    };
  };

  for (const sheet of grid.sheets)
    for (const { index: r, cells } of filledRows(sheet))
      for (const { index: c, value } of filledCells(cells))
        if (isUncalculated(value)) {
          const result = valueAt(sheet, r, c);
          if (typeof result === "number") cells[c] = result;
        }
}
