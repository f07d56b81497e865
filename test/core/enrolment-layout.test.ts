/**
 * Sheet Mã đăng ký: one row per hamlet (or commune) with its code, expiry, link, and a QR code that reads back
 * as that link; eight hamlets on one A4 page.
 */
import jsQR from "jsqr";
import { EnrolmentSheet, enrolmentLayout } from "../../src/core/enrolment-layout";
import { codeFromFragment, enrolmentLink } from "../../src/core/enrolment-link";
import { layoutToGrid } from "../../src/core/layout";
import { printScale, printableWidth } from "../../src/core/print";
import { hamletCodes } from "../helpers/enrolment";
import { seedPlanWithJournal } from "../helpers/plans";
import { readBlackAndWhitePng } from "../helpers/png";

const MADE = { date: "2024-11-30", minutes: 10 * 60 };
const HAMLETS = seedPlanWithJournal().hamlets.map((h) => h.name);

function qrText(base64: string): string | undefined {
  const { width, height, rgba } = readBlackAndWhitePng(Buffer.from(base64, "base64"));
  return jsQR(rgba, width, height, { inversionAttempts: "dontInvert" })?.data;
}

test("each hamlet gets its row: name, code, expiry, link, and a QR code of that link in the same row", () => {
  const sheet = hamletCodes(HAMLETS);
  const layout = enrolmentLayout(sheet, MADE);
  expect(layout.name).toBe("Mã đăng ký");
  const rows = layoutToGrid(layout).rows;
  expect(rows[0][0]).toBe("MÃ ĐĂNG KÝ THIẾT BỊ DANVAN");
  expect(rows[1][0]).toBe("Các ấp của xã Tân Phong");
  expect(rows[2][0]).toMatch(/quét mã QR .* Lập lúc 10:00 ngày 30\/11\/2024\.$/);
  const header = rows.findIndex((r) => r[0] === "STT");
  expect(rows[header]).toEqual([
    "STT",
    "Ấp",
    "Mã đăng ký",
    "Hết hạn",
    "Đường dẫn đăng ký",
    "Mã QR",
  ]);
  expect(layout.images).toHaveLength(8);
  sheet.codes.forEach((c, i) => {
    const row = rows[header + 1 + i];
    const link = `https://danvan.tayninh.gov.vn/ap/#code=${c.code}`;
    expect(row.slice(0, 5)).toEqual([
      String(i + 1),
      c.name,
      c.code,
      "Hết hạn 14/12/2024",
      "https://danvan.tayninh.gov.vn\n/ap/#code=" + c.code,
    ]);
    const image = layout.images![i];
    expect(image).toMatchObject({ row: header + 2 + i, col: 6, width: 72, height: 72 });
    expect(image.name).toBe(`Mã QR đăng ký ấp ${c.name}`);
    expect(qrText(image.png)).toBe(link);
  });
});

test("eight hamlets fit one A4 page at full size; each code's row is as tall as its picture", () => {
  const layout = enrolmentLayout(hamletCodes(HAMLETS), MADE);
  expect(printScale(layout)).toBe(1);
  expect(layout.print).toMatchObject({ orientation: "portrait", titleRows: "5:5" });
  const heights = Object.values(layout.rowHeights!);
  const rows = layoutToGrid(layout).rows.length;
  // Every row has a height (pictures are placed by them), and all of them fit between A4's margins.
  expect(heights).toHaveLength(rows);
  const pageHeight =
    297 * (72 / 25.4) - (layout.print!.margins.top + layout.print!.margins.bottom) * 72;
  expect(heights.reduce((n, h) => n + h, 0)).toBeLessThan(pageHeight * 0.97);
  for (const image of layout.images!) {
    expect(layout.rowHeights![image.row]).toBeGreaterThanOrEqual(image.offsetY + image.height);
    expect(image.offsetX).toBeGreaterThan(0);
  }
  expect(printableWidth(layout.print!)).toBeGreaterThan(500);
});

test("a province's sheet lists communes, and links are made whatever the server address looks like", () => {
  const sheet: EnrolmentSheet = {
    server: " https://danvan.tayninh.gov.vn/ ",
    kind: "commune",
    issuer: "tỉnh Tây Ninh",
    codes: [{ name: "Tân Phong", code: "K7PM-Q2XD", expires: "2024-12-14" }],
  };
  const rows = layoutToGrid(enrolmentLayout(EnrolmentSheet.parse(sheet), MADE)).rows;
  expect(rows[1][0]).toBe("Các xã của tỉnh Tây Ninh");
  expect(rows[4][1]).toBe("Xã");
  expect(enrolmentLink(sheet.server, "K7PM-Q2XD")).toBe(
    "https://danvan.tayninh.gov.vn/ap/#code=K7PM-Q2XD"
  );
  expect(
    EnrolmentSheet.safeParse({ ...sheet, codes: [{ ...sheet.codes[0], expires: "14/12" }] }).success
  ).toBe(false);
});

test("the phone page and the task pane read a link's code back as the sheet wrote it", () => {
  for (const code of ["K7PM-Q2XD", "k7pm q2xd"])
    expect(codeFromFragment(new URL(enrolmentLink("https://x.vn", code)).hash)).toBe(
      code === "K7PM-Q2XD" ? "K7PM-Q2XD" : "K7PMQ2XD"
    );
  expect(codeFromFragment("#a=1&code=ab%2Dcd")).toBe("AB-CD");
  for (const nothing of ["", "#", "#code=", "#codes=X", "#code=%E0%A4%A"])
    expect(codeFromFragment(nothing)).toBeNull();
});
