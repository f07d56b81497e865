/**
 * Every command that reads a workbook runs the same read as `check`: its error findings, exit 1 when there
 * are any, figures that say which flagged cells they left out, and "not an Excel workbook" (exit 2) for
 * files that are not one — never a hang, never an empty report.
 */
import { spawnSync } from "node:child_process";
import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createDeflateRaw } from "node:zlib";
import { cleanPlan } from "../helpers/plans";
import { tempDir } from "../helpers/tmp";
import { type DeflatedEntry, crc32, planFile, sheetOf, zipFile } from "../helpers/workbooks";

const BIN = join(__dirname, "../../bin/danvan.js");
const dir = tempDir();
const AS_OF = "2025-03-11T16:00";

/** The CLI as a user runs it; a run that hangs is killed (and fails its test) rather than blocking the suite. */
function danvan(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: "utf8",
    cwd: dir(),
    timeout: 50_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(...args: string[]) {
  const r = danvan(...args, "--json");
  return { ...r, body: JSON.parse(r.stdout) };
}

const COMMANDS: string[][] = [
  ["check", "--as-of", AS_OF],
  ["totals", "--as-of", AS_OF],
  ["deadlines", "--as-of", AS_OF],
  ["report", "--date", "2025-03-11", "--as-of", AS_OF],
];

describe("the same read and exit code for check, totals, deadlines and report", () => {
  test("a clean workbook: exit 0 everywhere, no findings beside the figures", async () => {
    await planFile(join(dir(), "sach.xlsx"), cleanPlan());
    for (const [command, ...rest] of COMMANDS.slice(1)) {
      const r = json(command, "sach.xlsx", ...rest);
      expect([command, r.code, r.body.findings]).toEqual([command, 0, []]);
      expect(danvan(command, "sach.xlsx", ...rest).stderr).toBe("");
    }
  });

  test("an unreadable length: every command shows the error and exits 1; totals say which cell they left out", async () => {
    await planFile(
      join(dir(), "loi.xlsx"),
      cleanPlan(),
      (wb) => (sheetOf(wb, "Ấp Bình Hòa").getCell("F5").value = "mười mét")
    );
    for (const [command, ...rest] of COMMANDS) {
      const r = json(command, "loi.xlsx", ...rest);
      expect([command, r.code]).toEqual([command, 1]);
      expect(r.body.findings).toContainEqual(
        expect.objectContaining({
          code: "VALUE_INVALID",
          severity: "error",
          sheet: "Ấp Bình Hòa",
          cell: "F5",
        })
      );
      const text = danvan(command, "loi.xlsx", ...rest);
      expect(text.code).toBe(1);
      // check prints its findings; the others print their figures and the errors on stderr.
      expect(command === "check" ? text.stdout : text.stderr).toMatch(
        /LỖI\s+VALUE_INVALID\s+\[Ấp Bình Hòa!F5\] Ô F5 \(Chiều dài \(m\)\): không đọc được "mười mét"/
      );
    }
    const totals = json("totals", "loi.xlsx");
    expect(totals.body.itemised.phat_quang.length_m).toBe(500);
    expect(totals.body.left_out).toEqual({
      "itemised.phat_quang.length_m": ["Ấp Bình Hòa!F5"],
      "hamlets.Bình Hòa.plan.phat_quang.length_m": ["Ấp Bình Hòa!F5"],
    });
    expect(danvan("totals", "loi.xlsx").stdout).toMatch(
      /- Phát quang, dọn vệ sinh: 2 tuyến, 1\.500 m \| 2 tuyến, 500 m \(chưa tính ô Ấp Bình Hòa!F5 vì có lỗi\)/
    );
  });

  test("a report says which journal cells its day and cumulative figures left out", async () => {
    await planFile(join(dir(), "nhat-ky-loi.xlsx"), cleanPlan(), (wb) => {
      sheetOf(wb, "Nhật ký").getCell("H4").value = "hai trăm";
      sheetOf(wb, "Nhật ký").getCell("A5").value = null;
    });
    const r = json("report", "nhat-ky-loi.xlsx", "--date", "2025-03-11", "--as-of", AS_OF);
    expect(r.code).toBe(1);
    expect(r.body.day_total.phat_quang_m).toBe(0);
    expect(r.body.left_out).toEqual({
      "day_total.phat_quang_m": ["Nhật ký!H4"],
      "cumulative.phat_quang_m": ["Nhật ký!H4"],
      "hamlets.Bình Hòa.phat_quang_m": ["Nhật ký!H4"],
      day_total: ["Nhật ký!A5"],
      cumulative: ["Nhật ký!A5"],
      "hamlets.Sân Bay": ["Nhật ký!A5"],
    });
    const text = danvan(
      "report",
      "nhat-ky-loi.xlsx",
      "--date",
      "2025-03-11",
      "--as-of",
      AS_OF
    ).stdout;
    expect(text).toMatch(
      /Phát quang, dọn vệ sinh: 0 m trong ngày, lũy kế 200 m .*\(chưa tính ô Nhật ký!H4 vì có lỗi\)/
    );
    expect(text).toContain("Chưa tính các dòng nhật ký Nhật ký!A5 vì có lỗi.");
  });

  test('"3 km 200 m" and "\'800" (a quote prefix other tools write) count in the figures', async () => {
    await planFile(join(dir(), "viet.xlsx"), cleanPlan(), (wb) => {
      sheetOf(wb, "Ấp Bình Hòa").getCell("F5").value = "3 km 200 m";
      sheetOf(wb, "Nhật ký").getCell("H4").value = "'800";
    });
    expect(json("totals", "viet.xlsx").body.itemised.phat_quang.length_m).toBe(3700);
    expect(
      json("report", "viet.xlsx", "--date", "2025-03-11", "--as-of", AS_OF).body.day_total
        .phat_quang_m
    ).toBe(1000);
  });

  test("1e308 metres: left out with a finding, and no figure is null, NaN or Infinity", async () => {
    await planFile(join(dir(), "lon.xlsx"), cleanPlan(), (wb) => {
      sheetOf(wb, "Ấp Bình Hòa").getCell("F5").value = 1e308;
      sheetOf(wb, "Nhật ký").getCell("H2").value = 1e308;
    });
    const totals = json("totals", "lon.xlsx");
    expect(totals.code).toBe(1);
    const { findings, left_out: _left, ...figures } = totals.body;
    expect(JSON.stringify(figures)).not.toMatch(/null|NaN|Infinity|e\+/);
    expect(findings.map((f: { code: string; cell: string }) => [f.code, f.cell])).toEqual(
      expect.arrayContaining([
        ["VALUE_IMPLAUSIBLE", "F5"],
        ["VALUE_IMPLAUSIBLE", "H2"],
      ])
    );
    expect(danvan("check", "lon.xlsx", "--as-of", AS_OF).stdout).not.toMatch(/Infinity|NaN/);
  });

  test("a start date typed 1924: one finding on the date, a few missing reports, a small answer", async () => {
    await planFile(
      join(dir(), "1924.xlsx"),
      cleanPlan(),
      (wb) => (sheetOf(wb, "Kế hoạch").getCell("B8").value = "10/03/1924")
    );
    const r = danvan("check", "1924.xlsx", "--as-of", AS_OF, "--json");
    expect(r.stdout.length).toBeLessThan(20_000);
    expect(
      JSON.parse(r.stdout).findings.filter((f: { code: string }) => f.code === "REPORT_MISSING")
    ).toHaveLength(10);
    expect(
      json("deadlines", "1924.xlsx", "--as-of", AS_OF).body.daily_reports.length
    ).toBeLessThanOrEqual(2 * 120);
  });
});

describe("files that are not an Excel workbook: exit 2 with one line for every command", () => {
  const XLSX_WITHOUT_WORKBOOK = () =>
    zipFile([
      {
        name: "[Content_Types].xml",
        data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      },
      {
        name: "xl/worksheets/sheet1.xml",
        data: '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>',
      },
    ]);
  const ODS = () =>
    zipFile([
      { name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet" },
      {
        name: "content.xml",
        data: '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>',
      },
    ]);
  const cases: [string, string, () => Buffer, RegExp][] = [
    [
      "an .ods spreadsheet",
      "bang.ods",
      ODS,
      /là bảng tính OpenDocument \(\.ods\), không phải sổ Excel; hãy mở bằng LibreOffice hoặc Excel và lưu lại dạng \.xlsx\./,
    ],
    [
      "a zip that is not a workbook",
      "nen.xlsx",
      () => zipFile([{ name: "ghi-chu.txt", data: "xin chào" }]),
      /không phải sổ Excel \(\.xlsx\): tệp nén không có phần sổ tính/,
    ],
    [
      "an .xlsx without workbook.xml",
      "thieu.xlsx",
      XLSX_WITHOUT_WORKBOOK,
      /không phải sổ Excel \(\.xlsx\): tệp nén không có phần sổ tính \(xl\/workbook\.xml\)/,
    ],
    [
      "an old .xls",
      "cu.xls",
      () => Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)]),
      /là sổ Excel cũ \(\.xls\)/,
    ],
  ];

  test.each(cases)("%s", (_what, name, bytes, message) => {
    writeFileSync(join(dir(), name), bytes());
    for (const [command, ...rest] of COMMANDS) {
      const r = danvan(
        command,
        name,
        ...rest,
        ...(command === "report" ? ["--out", "bc-rong.xlsx"] : [])
      );
      expect([command, r.code, r.stdout]).toEqual([command, 2, ""]);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(dir(), "bc-rong.xlsx"))).toBe(false);
  });
});

describe("hangs and memory", () => {
  test("a stray x at Nhật ký!W1048576 and XFD1048576 changes no figure and slows no command", async () => {
    await planFile(join(dir(), "le.xlsx"), cleanPlan(), (wb) => {
      sheetOf(wb, "Nhật ký").getCell("W1048576").value = "x";
      sheetOf(wb, "Nhật ký").getCell("XFD1048576").value = "x";
      sheetOf(wb, "Ấp Sân Bay").getCell("XFD1048576").value = "x";
    });
    await planFile(join(dir(), "goc.xlsx"), cleanPlan());
    for (const [command, ...rest] of COMMANDS) {
      const stray = json(command, "le.xlsx", ...rest);
      expect([command, stray.code]).toEqual([command, 0]);
      expect(stray.body).toEqual(json(command, "goc.xlsx", ...rest).body);
    }
  });

  test("a 0.25 MB .xlsx holding one 250 MB shared string is refused at once with one line", async () => {
    const size = 250 * 1024 * 1024;
    const shared = await deflatedRepeat(
      "sharedStrings",
      '<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>',
      "a",
      size,
      "</t></si></sst>"
    );
    const bytes = zipFile([
      {
        name: "[Content_Types].xml",
        data: '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
      },
      {
        name: "xl/workbook.xml",
        data: '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Nhật ký" sheetId="1"/></sheets></workbook>',
      },
      shared,
    ]);
    expect(bytes.length).toBeLessThan(300 * 1024);
    writeFileSync(join(dir(), "bom.xlsx"), bytes);
    for (const [command, ...rest] of COMMANDS) {
      const r = danvan(command, "bom.xlsx", ...rest);
      expect([command, r.code]).toEqual([command, 2]);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(
        /^Lỗi: "bom\.xlsx" giải nén ra 251 MB, quá 200 MB một sổ kế hoạch có thể có/
      );
    }
  });

  test("a cell longer than Excel's 32.767 characters is refused with one line", async () => {
    await planFile(
      join(dir(), "dai.xlsx"),
      cleanPlan(),
      (wb) => (sheetOf(wb, "Nhật ký").getCell("V2").value = "a".repeat(40_000))
    );
    const r = danvan("totals", "dai.xlsx");
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe(
      "Lỗi: Ô Nhật ký!V2 dài hơn 32.767 ký tự, giới hạn của Excel; tệp bị hỏng hoặc không phải sổ kế hoạch."
    );
  });
});

/** `prefix`, `unit` repeated to `size` bytes, `suffix`: deflated as it streams, never held whole. */
async function deflatedRepeat(
  name: string,
  prefix: string,
  unit: string,
  size: number,
  suffix: string
): Promise<DeflatedEntry> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise((resolve) => deflate.on("end", resolve));
  let crc = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    if (!deflate.write(b)) await new Promise((resolve) => deflate.once("drain", resolve));
  };
  const chunk = Buffer.alloc(1024 * 1024, unit);
  await write(Buffer.from(prefix));
  for (let left = size; left > 0; left -= chunk.length)
    await write(left >= chunk.length ? chunk : chunk.subarray(0, left));
  await write(Buffer.from(suffix));
  deflate.end();
  await done;
  return {
    name: `xl/${name}.xml`,
    compressed: Buffer.concat(out),
    size: prefix.length + size + suffix.length,
    crc,
  };
}
