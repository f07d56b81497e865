import fc from "fast-check";
import {
  formatVietnameseNumber,
  parseQuantity,
  parseVietnameseNumber,
} from "../../src/core/quantity";

test.each([
  ["3.000m", 3000, "length"],
  ["3.000 m", 3000, "length"],
  ["1,5 km", 1500, "length"],
  ["8 900 m", 8900, "length"],
  ["8\u00a0900\u00a0m", 8900, "length"],
  ["90 triệu đồng", 90_000_000, "money"],
  ["180 triệu đồng", 180_000_000, "money"],
  ["1,08 tỷ", 1_080_000_000, "money"],
  ["1,08 triệu đồng", 1_080_000, "money"],
  ["500.000đ", 500_000, "money"],
  ["500 000đ", 500_000, "money"],
  ["10.500 000đ", 10_500_000, "money"],
  ["04 tuyến", 4, "count"],
  ["12 căn", 12, "count"],
  ["1.330", 1330, null],
  ["42", 42, null],
  ["-5 m", -5, "length"],
  ["3 km 200 m", 3200, "length"],
  ["3km200", 3200, "length"],
  ["1 km 50 mét", 1050, "length"],
] as const)("%s reads as %d (%s)", (text, value, dimension) => {
  expect(parseQuantity(text)).toEqual({ value, dimension, ambiguous: false });
});

test("Excel numbers pass through", () => {
  expect(parseQuantity(1234.5)).toEqual({ value: 1234.5, dimension: null, ambiguous: false });
  expect(parseQuantity(Number.NaN)).toBeNull();
});

test("3,000 is read the Vietnamese way (3) and flagged as ambiguous", () => {
  expect(parseQuantity("3,000")).toEqual({ value: 3, dimension: null, ambiguous: true });
  expect(parseQuantity("1,000,000")).toEqual({
    value: 1_000_000,
    dimension: null,
    ambiguous: true,
  });
});

test.each([
  "",
  "abc",
  "3 con gà",
  "9 tuyến đường/8.900m",
  "1..2",
  "m",
  "3 km 1200 m",
  "9".repeat(400),
])("%j is not a quantity", (text) => {
  expect(parseQuantity(text)).toBeNull();
});

test("integers written with dot groups read back to themselves", () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
      expect(parseVietnameseNumber(formatVietnameseNumber(n))).toEqual({
        value: n,
        ambiguous: false,
      });
    })
  );
});

test("decimals with a comma read back to themselves, with any unit", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1e9 }),
      fc.integer({ min: 1, max: 99 }),
      fc.constantFrom(" m", "m", " đồng", ""),
      (int, cents, unit) => {
        const value = int + cents / 100;
        const q = parseQuantity(formatVietnameseNumber(value) + unit);
        expect(q).not.toBeNull();
        expect(q!.value).toBeCloseTo(unit.includes("đồng") ? Math.round(value) : value, 6);
      }
    )
  );
});

test("space-grouped and dot-grouped money agree", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1000, max: 1e12 }), (n) => {
      const dotted = formatVietnameseNumber(n);
      expect(parseQuantity(`${dotted.replace(/\./g, " ")} đồng`)!.value).toBe(n);
      expect(parseQuantity(`${dotted}đ`)!.value).toBe(n);
    })
  );
});

test("random text never throws", () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.anything()), (input) => {
      const q = parseQuantity(input);
      expect(q === null || Number.isFinite(q.value)).toBe(true);
    }),
    { numRuns: 2000 }
  );
});
