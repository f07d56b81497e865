import fc from "fast-check";
import {
  dateToExcelSerial,
  excelSerialToDate,
  formatDate,
  parseAsOf,
  parseDate,
  parseTime,
} from "../../src/core/dates";

test.each([
  ["10/12/2024", "2024-12-10"],
  ["10-12-2024", "2024-12-10"],
  ["2024-12-10", "2024-12-10"],
  ["ngày 04 tháng 12 năm 2024", "2024-12-04"],
  ["1/2/24", "2024-02-01"],
  [45636, "2024-12-10"],
] as const)("%j is %s", (input, iso) => {
  expect(parseDate(input)).toBe(iso);
});

test("a day and month take the plan's year", () => {
  expect(parseDate("24/12", 2024)).toBe("2024-12-24");
  expect(parseDate("24/12")).toBeNull();
});

test.each(["31/02/2024", "10/13/2024", "hôm nay", "", "0"])("%j is not a date", (input) => {
  expect(parseDate(input)).toBeNull();
});

test.each([
  ["14h05", 14 * 60 + 5],
  ["14h", 14 * 60],
  ["14:05", 14 * 60 + 5],
  ["07 giờ 30 phút", 7 * 60 + 30],
  ["2:05 PM", 14 * 60 + 5],
  ["10/12/2024 14:05", 14 * 60 + 5],
  [0.5, 12 * 60],
  [45636.75, 18 * 60],
] as const)("%j is minute %d", (input, minutes) => {
  expect(parseTime(input)).toBe(minutes);
});

test.each([
  ["15.40", 940],
  ["15.4", 940],
  [15.4, 940],
  [14.05, 845],
  ["15h40", 940],
  ["15g40", 940],
  ["15 giờ 40", 940],
  ["3 giờ 40 chiều", 940],
  ["8 giờ sáng", 480],
  ["12 giờ trưa", 720],
  ["1 giờ trưa", 780],
  ["9 giờ tối", 1260],
  ["15h40 ngày 11/12/2024", 940],
  ["2024-12-11T08:10", 490],
  [0.6, 864],
] as const)("Giờ gửi %j is minute %d", (input, minutes) => {
  expect(parseTime(input)).toBe(minutes);
});

test.each([
  "25h00",
  "14h75",
  "sáng",
  "",
  "15.4.3",
  "15.61",
  "15 giờ hơn",
  "13 giờ chiều",
  "khoảng 15h",
  15.75,
  15.333,
  45636,
])("%j is not a time", (input) => {
  expect(parseTime(input)).toBeNull();
});

test("Excel serials and ISO dates round-trip", () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 2_958_465 }), (serial) => {
      expect(dateToExcelSerial(excelSerialToDate(serial)!)).toBe(serial);
    })
  );
});

test("dd/mm/yyyy as Vietnamese write it reads back", () => {
  fc.assert(
    fc.property(
      fc.date({ min: new Date("1950-01-01"), max: new Date("2100-12-31"), noInvalidDate: true }),
      (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(parseDate(formatDate(iso))).toBe(iso);
      }
    )
  );
});

test("as-of without an offset is Vietnam time; with one it is converted", () => {
  expect(parseAsOf("2024-12-09T16:00")).toEqual({ date: "2024-12-09", minutes: 960 });
  expect(parseAsOf("2024-12-09T20:30Z")).toEqual({ date: "2024-12-10", minutes: 210 });
  expect(parseAsOf("2024-12-09")).toEqual({ date: "2024-12-09", minutes: 0 });
  expect(parseAsOf("9/12/2024")).toBeNull();
});

test("random input never throws", () => {
  fc.assert(
    fc.property(fc.anything(), (x) => {
      parseDate(x);
      parseTime(x);
      if (typeof x === "string") parseAsOf(x);
    }),
    { numRuns: 2000 }
  );
});
