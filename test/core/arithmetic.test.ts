import { calculateFormulas } from "../../src/core/arithmetic";
import type { Grid, GridValue } from "../../src/core/grid";

const f = (formula: string) => ({ formula });

/** One formula in Sheet1!A1 over the other cells given, worked out as a file without results would be. */
function calc(formula: string, cells: GridValue[][] = [], other: GridValue[][] = []): GridValue {
  const grid: Grid = {
    sheets: [
      { name: "Sheet1", rows: [[f(formula)], ...cells] },
      { name: "Ấp Cầu", rows: other },
    ],
  };
  calculateFormulas(grid);
  return grid.sheets[0].rows[0][0];
}

test.each([
  ["1000+2000", 3000],
  ["=2*(3+4)-1", 13],
  ["-A2+10", 5],
  ["A2*B2", 50],
  ["SUM(A2:B3)", 17],
  ["SUM(A2,B2;3)", 18],
  ["SUM(A2:A1048576)", 7],
  ["A2/B2", 0.5],
  ["'Ấp Cầu'!A1+1", 101],
  ["$A$2+C3", 5],
])("=%s is %d", (formula, value) => {
  expect(
    calc(
      formula,
      [
        [5, 10],
        [2, "ghi chú"],
      ],
      [[100]]
    )
  ).toBe(value);
});

test("a formula over another uncalculated formula is worked out through it", () => {
  expect(calc("A2*2", [[f("B2+1"), 4]])).toBe(10);
});

test.each([
  ["VLOOKUP(A2,B:C,2,0)"],
  ["A2/0"],
  ['"a"&"b"'],
  ["A2+B3"],
  ["A1+1"],
  ["A2^2"],
  ["'Không có'!A1"],
  ["SUM(A2"],
  ["#REF!+1"],
])("=%s stays uncalculated", (formula) => {
  expect(
    calc(formula, [
      [5, null],
      [null, "chữ"],
    ])
  ).toEqual(f(formula));
});
