import { join } from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { StandInError, installCustomFunctions } from "../helpers/custom-functions";

installCustomFunctions();
const f =
  require("../../src/functions/functions") as typeof import("../../src/functions/functions");

function excelError(fn: () => unknown): StandInError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StandInError) return e;
    throw e;
  }
  throw new Error("no error");
}

test("TONG adds numbers, Vietnamese quantities and skips blanks", () => {
  expect(f.tong([[["3.000m"], ["1,5 km"], [null], [""], [500]]])).toBe(5000);
  expect(f.tong([[["90 triệu đồng", "500.000đ"]], [[10_500_000]]])).toBe(101_000_000);
});

test("TONG of metres and money is an error with a Vietnamese message", () => {
  const e = excelError(() => f.tong([[["3.000 m"], ["90 triệu đồng"]]]));
  expect(e.code).toBe("#VALUE!");
  expect(e.message).toBe("Không cộng được mét với đồng.");
  expect(excelError(() => f.tong([[["ba cây số"]]])).message).toBe(
    'Không đọc được "ba cây số" thành số lượng.'
  );
});

test("SO, CHIEUDAI and TIEN read one kind each", () => {
  expect(f.so("1,08 tỷ")).toBe(1_080_000_000);
  expect(f.chieuDai([[["1,5 km", "300 m", 200]]])).toBe(2000);
  expect(excelError(() => f.chieuDai([[["5 triệu"]]])).message).toBe('"5 triệu" không phải mét.');
  expect(f.tien([[["10.500 000đ", "1,5 triệu"]]])).toBe(12_000_000);
  expect(excelError(() => f.tien([[["3 km"]]])).message).toBe('"3 km" không phải đồng.');
});

test("HAN reads deadlines as Excel dates", () => {
  const due = 45650; // 24/12/2024
  expect(f.han(due, 45647)).toBe("Còn 3 ngày");
  expect(f.han(due, 45650)).toBe("Hết hạn hôm nay");
  expect(f.han("24/12/2024", 45653)).toBe("Quá hạn 3 ngày");
  expect(excelError(() => f.han("sớm", 45653)).message).toBe('Hạn "sớm" không phải một ngày.');
});

test("TIENDO is a fraction; a zero plan is #DIV/0!", () => {
  expect(f.tienDo("4.450 m", "8.900 m")).toBe(0.5);
  expect(excelError(() => f.tienDo(5, 0)).code).toBe("#DIV/0!");
});

test("DOITUNG: 0 when met, else the people short", () => {
  expect(f.doiUng(10, 30)).toBe(0);
  expect(f.doiUng(7, 30)).toBe(3);
  expect(f.doiUng(1, 5, "1:2")).toBe(2);
  expect(excelError(() => f.doiUng(1, 5, "nhiều")).code).toBe("#VALUE!");
});

test("DOCSO reads in words with đồng by default", () => {
  expect(f.docSo(10_500_000)).toBe("mười triệu năm trăm nghìn đồng");
  expect(f.docSo(1005, "mét")).toBe("một nghìn không trăm linh năm mét");
  expect(excelError(() => f.docSo(1e20)).code).toBe("#NUM!");
});

test("functions.json regenerates from the JSDoc without a single error, all in namespace-ready ids", async () => {
  const result = await generateCustomFunctionsMetadata(
    [join(__dirname, "../../src/functions/functions.ts")],
    false
  );
  expect(result.errors).toEqual([]);
  const metadata = JSON.parse(result.metadataJson);
  const ids = metadata.functions.map((fn: { id: string }) => fn.id);
  expect(ids).toEqual(["TONG", "SO", "CHIEUDAI", "TIEN", "HAN", "TIENDO", "DOITUNG", "DOCSO"]);
  for (const fn of metadata.functions) {
    expect(fn.description).toMatch(/\P{ASCII}/u);
    for (const p of fn.parameters) expect(p.description).toBeTruthy();
  }
  const tong = metadata.functions[0];
  expect(tong.parameters[0]).toMatchObject({
    repeating: true,
    dimensionality: "matrix",
    type: "any",
  });
  expect(metadata.functions[4].parameters[1]).toMatchObject({ name: "ngay_xet", optional: true });
});

test("ranges passed as separate arguments count the same as Excel's one array of ranges", () => {
  expect((f.tong as unknown as (...a: unknown[]) => number)("3 m", [["1,5 km"]], 2)).toBe(1505);
  expect((f.tien as unknown as (...a: unknown[]) => number)([["1 triệu"]], "500.000đ")).toBe(
    1_500_000
  );
});
