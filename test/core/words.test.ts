import { readNumber } from "../../src/core/words";

test.each([
  [0, "không"],
  [5, "năm"],
  [10, "mười"],
  [11, "mười một"],
  [14, "mười bốn"],
  [15, "mười lăm"],
  [21, "hai mươi mốt"],
  [24, "hai mươi tư"],
  [25, "hai mươi lăm"],
  [30, "ba mươi"],
  [105, "một trăm linh năm"],
  [110, "một trăm mười"],
  [1005, "một nghìn không trăm linh năm"],
  [1015, "một nghìn không trăm mười lăm"],
  [2021, "hai nghìn không trăm hai mươi mốt"],
  [1_000_000, "một triệu"],
  [10_500_000, "mười triệu năm trăm nghìn"],
  [1_080_000_000, "một tỷ không trăm tám mươi triệu"],
  [2_000_000_005, "hai tỷ không trăm linh năm"],
  [1_500_000_000_000, "một nghìn năm trăm tỷ"],
  [1.5, "một phẩy năm"],
  [1.05, "một phẩy không năm"],
  [-3, "âm ba"],
])("%d reads %j", (n, words) => {
  expect(readNumber(n)).toBe(words);
});

test("a unit follows the words", () => {
  expect(readNumber(10_500_000, "đồng")).toBe("mười triệu năm trăm nghìn đồng");
});

test("numbers out of range are refused", () => {
  expect(() => readNumber(Number.NaN)).toThrow(RangeError);
  expect(() => readNumber(1e19)).toThrow(RangeError);
  expect(readNumber(1e15)).toBe("một triệu tỷ");
});
