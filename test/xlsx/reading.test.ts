/**
 * Ordinary Excel habits, one at a time, in real .xlsx files: each reads into the right figures or a finding
 * at its cell, never a silent loss.
 */
import { join } from "node:path";
import type ExcelJS from "exceljs";
import { checkGrid } from "../../src/core/checks";
import type { Finding } from "../../src/core/findings";
import type { Plan } from "../../src/core/model";
import { buildReport } from "../../src/core/report";
import { computeTotals, totalsToJson } from "../../src/core/totals";
import { readGrid } from "../../src/xlsx/files";
import { CLEAN_AS_OF, cleanPlan } from "../helpers/plans";
import { tempDir } from "../helpers/tmp";
import { copySheet, planFile, sheetOf } from "../helpers/workbooks";

const dir = tempDir();
let n = 0;

async function read(
  edit: (wb: ExcelJS.Workbook) => void,
  plan: Plan = cleanPlan(),
  asOf = CLEAN_AS_OF
) {
  const path = await planFile(join(dir(), `book-${n++}.xlsx`), plan, edit);
  return checkGrid(await readGrid(path), asOf);
}

const codes = (findings: Finding[]) => findings.map((f) => f.code);
const at = (findings: Finding[], code: string) =>
  findings.filter((f) => f.code === code).map((f) => [f.sheet, f.cell]);

describe("merged cells read as their top-left value over the whole merge", () => {
  test("a Ngày merged over the rows of its day gives every row that day", async () => {
    const { plan, findings } = await read((wb) => {
      const ws = sheetOf(wb, "Nhật ký");
      ws.getCell("A3").value = null;
      ws.getCell("A5").value = null;
      ws.mergeCells("A2:A3");
      ws.mergeCells("A4:A5");
    });
    expect(plan.journal.map((r) => [r.date, r.hamlet])).toEqual([
      ["2025-03-10", "Bình Hòa"],
      ["2025-03-10", "Sân Bay"],
      ["2025-03-11", "Bình Hòa"],
      ["2025-03-11", "Sân Bay"],
    ]);
    expect(findings).toEqual([]);
  });

  test("a header merged over two columns reads the column that holds the figures", async () => {
    const { plan, findings } = await read((wb) => {
      const ws = sheetOf(wb, "Nhật ký");
      // Phát quang's figures typed one column right, under a header cell widened by merging H1:I1.
      for (const r of [2, 3, 4, 5]) {
        ws.getCell(`I${r}`).value = ws.getCell(`H${r}`).value;
        ws.getCell(`H${r}`).value = null;
      }
      ws.mergeCells("H1:I1");
    });
    expect(computeTotals(plan).done.phat_quang_m).toBe(600);
    expect(codes(findings)).toEqual([]);
  });

  test("a header merged over a column that had its own header and figures is an error at that column", async () => {
    const plan = cleanPlan();
    plan.journal[0].values.thap_sang_m = 50;
    const { findings } = await read((wb) => sheetOf(wb, "Nhật ký").mergeCells("H1:I1"), plan);
    const f = findings.find((x) => x.code === "HEADER_MISSING")!;
    expect(f).toMatchObject({ severity: "error", sheet: "Nhật ký", cell: "I1" });
    expect(f.message).toContain('cột I và cột H cùng tiêu đề "Phát quang (m)"');
  });

  test("a label merged over two cells, and a value merged over several, still read as label and value", async () => {
    // The template merges "Người phụ trách" over A2:B2 and each Kế hoạch value over B:G; a user widens one more.
    const { plan, findings } = await read((wb) => {
      const ws = sheetOf(wb, "Ấp Sân Bay");
      ws.unMergeCells("A2:B2");
      ws.getCell("C2").value = null;
      ws.getCell("D2").value = "Lê Văn Hai";
      ws.mergeCells("A2:C2");
    });
    expect(plan.hamlets.map((h) => h.responsible)).toEqual(["Trần Thị Một", "Lê Văn Hai"]);
    expect(plan.settings).toMatchObject({
      start: "2025-03-10",
      end: "2025-03-14",
      report_to: 15 * 60,
    });
    expect(findings).toEqual([]);
  });
});

describe("Giờ gửi as Vietnamese staff write it", () => {
  test.each([["15.40"], [15.4], ["15h40"], ["15g40"], ["15:40"], ["3 giờ 40 chiều"]])(
    "%j is 15:40",
    async (typed) => {
      const { plan, findings } = await read(
        (wb) => (sheetOf(wb, "Nhật ký").getCell("X2").value = typed)
      );
      expect(plan.journal[0].sent_minutes).toBe(15 * 60 + 40);
      expect(findings.find((f) => f.code === "REPORT_LATE")).toMatchObject({
        cell: "X2",
        actual: "15:40",
      });
    }
  );

  test.each([["15.4.3"], ["chiều"], ["15 giờ hơn"], [15.75]])(
    "%j is VALUE_INVALID",
    async (typed) => {
      const { plan, findings } = await read(
        (wb) => (sheetOf(wb, "Nhật ký").getCell("X2").value = typed)
      );
      expect(plan.journal[0].sent_minutes).toBeNull();
      expect(findings.find((f) => f.code === "VALUE_INVALID")).toMatchObject({
        severity: "error",
        cell: "X2",
      });
    }
  );
});

describe("formulas a file holds without their results", () => {
  const formula = (text: string) => ({ formula: text }) as ExcelJS.CellFormulaValue;

  test("simple arithmetic over constants and cells of the workbook is worked out", async () => {
    const { plan, findings } = await read((wb) => {
      sheetOf(wb, "Ấp Bình Hòa").getCell("F5").value = formula(
        "SUM(P1:P2)+2*'Ấp Sân Bay'!F5-(100)"
      );
      sheetOf(wb, "Ấp Bình Hòa").getCell("P1").value = 80;
      sheetOf(wb, "Ấp Bình Hòa").getCell("P2").value = 20;
      sheetOf(wb, "Toàn xã").getCell("I2").value = formula("G2*H2");
    });
    const t = computeTotals(plan);
    expect(plan.hamlets[0].works[0].length_m).toBe(1000);
    expect(t.itemised.tang_qua?.cost_vnd).toBe(5_000_000);
    expect(codes(findings)).not.toContain("FORMULA_ERROR");
  });

  test("a formula it cannot work out is a finding at its cell, never a blank", async () => {
    const { plan, findings } = await read(
      (wb) => (sheetOf(wb, "Ấp Bình Hòa").getCell("F5").value = formula("VLOOKUP(A1,B:C,2,0)"))
    );
    expect(plan.hamlets[0].works[0].length_m).toBeNull();
    expect(findings.find((f) => f.code === "FORMULA_ERROR")).toMatchObject({
      severity: "error",
      sheet: "Ấp Bình Hòa",
      cell: "F5",
      message: expect.stringContaining(
        "công thức =VLOOKUP(A1,B:C,2,0) chưa được tính; mở và lưu lại bằng Excel"
      ),
    });
  });
});

describe("several sheets that could be the same part of the plan", () => {
  test('a copied sheet "Ấp Bình Hòa (2)" is not another hamlet', async () => {
    const { plan, findings } = await read((wb) => copySheet(wb, "Ấp Bình Hòa", "Ấp Bình Hòa (2)"));
    expect(plan.hamlets.map((h) => h.name)).toEqual(["Bình Hòa", "Sân Bay"]);
    expect(computeTotals(plan).itemised.phat_quang?.length_m).toBe(1500);
    expect(findings.find((f) => f.code === "HAMLET_DUPLICATE")).toMatchObject({
      severity: "error",
      sheet: "Ấp Bình Hòa (2)",
      expected: "Ấp Bình Hòa",
      actual: "Ấp Bình Hòa (2)",
    });
  });

  test('a hidden old "Nhat ky" before the visible "Nhật ký" is not read', async () => {
    const { plan, findings } = await read((wb) => {
      const old = wb.addWorksheet("Nhat ky", { state: "hidden" });
      old.addRow(["Ngày", "Ấp", "Phát quang (m)"]);
      old.addRow(["10/03/2025", "Bình Hòa", 99_999]);
      // Placed before the visible one, as an old sheet is (ExcelJS orders sheets by orderNo).
      (old as unknown as { orderNo: number }).orderNo = 0;
    });
    expect(computeTotals(plan).done.phat_quang_m).toBe(600);
    const f = findings.find((x) => x.code === "SHEET_DUPLICATE")!;
    expect(f).toMatchObject({ severity: "warning", sheet: "Nhat ky", expected: "Nhật ký" });
    expect(f.message).toMatch(/^Trang ẩn "Nhat ky".*chỉ đọc trang "Nhật ký"/);
  });

  test("a very hidden sheet is never preferred to a visible one, whatever their order", async () => {
    const { plan } = await read((wb) => {
      const journal = sheetOf(wb, "Nhật ký");
      journal.state = "veryHidden";
      const visible = copySheet(wb, "Nhật ký", "Nhật ký (2)");
      visible.getCell("H2").value = 150;
    });
    expect(computeTotals(plan).done.phat_quang_m).toBe(650);
  });

  test('"Bàu Sen" and "Bầu Sen", differing only by a tone mark, are a finding naming both', async () => {
    const plan = cleanPlan();
    plan.hamlets[1].name = "Bàu Sen";
    plan.journal = [];
    const { plan: read1, findings } = await read((wb) => {
      const copy = copySheet(wb, "Ấp Bàu Sen", "Ấp Bầu Sen");
      copy.getCell("F5").value = 700;
    }, plan);
    expect(read1.hamlets.map((h) => h.name)).toEqual(["Bình Hòa", "Bàu Sen"]);
    const f = findings.find((x) => x.code === "HAMLET_DUPLICATE")!;
    expect(f).toMatchObject({ severity: "error", sheet: "Ấp Bầu Sen", expected: "Ấp Bàu Sen" });
    expect(f.message).toContain('Trang "Ấp Bầu Sen" chỉ khác "Ấp Bàu Sen" ở dấu');
  });
});

describe("rows whose figures would count nowhere", () => {
  test("journal rows with figures but no Ngày or no Ấp are a finding at the empty cell", async () => {
    const { findings, leftOut } = await read((wb) => {
      const ws = sheetOf(wb, "Nhật ký");
      ws.getCell("A3").value = null;
      ws.getCell("B5").value = null;
    });
    expect(at(findings, "VALUE_INVALID")).toEqual([
      ["Nhật ký", "A3"],
      ["Nhật ký", "B5"],
    ]);
    expect(findings.find((f) => f.cell === "A3")!.message).toBe(
      'Dòng 3 có số liệu nhưng thiếu "Ngày"; số liệu này không được cộng vào báo cáo.'
    );
    expect(leftOut.map((l) => [l.cell, l.field])).toEqual([
      ["A3", "date"],
      ["B5", "hamlet"],
    ]);
  });

  test("a work row with figures but no Loại công việc is a finding at that cell", async () => {
    const { findings } = await read((wb) => (sheetOf(wb, "Ấp Sân Bay").getCell("B5").value = null));
    expect(findings.find((f) => f.cell === "B5")).toMatchObject({
      code: "VALUE_INVALID",
      severity: "error",
      sheet: "Ấp Sân Bay",
      message:
        'Dòng 5 có số liệu nhưng thiếu "Loại công việc"; số liệu này không được cộng vào loại nào.',
    });
  });
});

describe("values beyond what a commune can have", () => {
  test("1e308 metres is VALUE_IMPLAUSIBLE and left out; no figure is NaN, null or Infinity", async () => {
    const { plan, findings } = await read((wb) => {
      sheetOf(wb, "Ấp Bình Hòa").getCell("F5").value = 1e308;
      sheetOf(wb, "Nhật ký").getCell("H2").value = 1e308;
      sheetOf(wb, "Nhật ký").getCell("C3").value = 1.5;
      sheetOf(wb, "Toàn xã").getCell("I2").value = "1e999";
    });
    expect(findings.filter((f) => f.code === "VALUE_IMPLAUSIBLE").map((f) => f.cell)).toEqual([
      "F5",
      "H2",
    ]);
    expect(findings.find((f) => f.cell === "C3")).toMatchObject({
      code: "VALUE_INVALID",
      severity: "error",
    });
    const report = buildReport(plan, "2025-03-11", CLEAN_AS_OF);
    const json = JSON.stringify([
      totalsToJson(computeTotals(plan)),
      report.day_total,
      report.cumulative,
      report.hamlets,
    ]);
    expect(json).not.toMatch(/null|Infinity|NaN|e\+/);
    expect(JSON.stringify(findings)).not.toMatch(/Infinity|NaN/);
  });
});

describe("a campaign nobody could run", () => {
  test("a start in 1924 is one finding on the date, and missing reports are capped per hamlet", async () => {
    const { findings } = await read(
      (wb) => (sheetOf(wb, "Kế hoạch").getCell("B8").value = "10/03/1924")
    );
    expect(findings.filter((f) => f.code === "VALUE_IMPLAUSIBLE")).toEqual([
      expect.objectContaining({
        sheet: "Kế hoạch",
        cell: "B8",
        message: "Ngày bắt đầu 10/03/1924 nằm ngoài các năm 2000–2100; kiểm tra lại năm.",
      }),
    ]);
    const missing = findings.filter((f) => f.code === "REPORT_MISSING");
    expect(missing.length).toBe(10);
    // 10/03/1924 to 11/03/2025 is 36.892 days; each hamlet reported two, five are listed.
    expect(missing.filter((f) => / và 36\.885 ngày khác /.test(f.message))).toHaveLength(2);
    expect(JSON.stringify(findings).length).toBeLessThan(20_000);
  });

  test("a campaign longer than 120 days is one finding on its end", async () => {
    const { findings } = await read(
      (wb) => (sheetOf(wb, "Kế hoạch").getCell("B9").value = "14/03/2026")
    );
    expect(
      findings.filter((f) => f.code === "VALUE_IMPLAUSIBLE").map((f) => [f.cell, f.actual])
    ).toEqual([["B9", 370]]);
  });
});

describe("quantities as other tools and people write them", () => {
  test('"3 km 200 m" is 3.200 m and "\'800" is 800', async () => {
    const { plan, findings } = await read((wb) => {
      sheetOf(wb, "Ấp Bình Hòa").getCell("F5").value = "3 km 200 m";
      sheetOf(wb, "Nhật ký").getCell("H2").value = "'800";
    });
    expect(plan.hamlets[0].works[0].length_m).toBe(3200);
    expect(plan.journal[0].values.phat_quang_m).toBe(800);
    expect(codes(findings)).not.toContain("VALUE_INVALID");
  });
});

describe("the row that counts is the one sent last by full sent date and time", () => {
  test("a correction sent the next morning replaces the original sent the afternoon before", async () => {
    const { plan } = await read((wb) => {
      const ws = sheetOf(wb, "Nhật ký");
      // The original for 10/03, then its correction below… and a duplicate sent earlier placed last.
      ws.getCell("X2").value = "10/03/2025 14:00";
      ws.addRow([
        "10/03/2025",
        "Bình Hòa",
        3,
        3,
        3,
        4,
        3,
        160,
        ...Array(15).fill(null),
        "11/03/2025 08:10",
      ]);
      ws.addRow([
        "10/03/2025",
        "Bình Hòa",
        3,
        3,
        3,
        4,
        3,
        999,
        ...Array(15).fill(null),
        "10/03/2025 13:00",
      ]);
    });
    expect(buildReport(plan, "2025-03-10", CLEAN_AS_OF).hamlets["Bình Hòa"].phat_quang_m).toBe(160);
  });

  test("a row without a sent time counts as sent at the end of its day, after timed rows of that day", async () => {
    const { plan } = await read((wb) => {
      const ws = sheetOf(wb, "Nhật ký");
      ws.addRow(["10/03/2025", "Bình Hòa", 3, 3, 3, 4, 3, 170]);
      ws.getCell("X2").value = "14:59";
    });
    expect(buildReport(plan, "2025-03-10", CLEAN_AS_OF).hamlets["Bình Hòa"].phat_quang_m).toBe(170);
  });
});

describe("every kind of figure has its bound, and a message shows the figure as typed", () => {
  /** The column under a header of row 1 of a sheet. */
  const column = (ws: ExcelJS.Worksheet, header: string) => {
    let letter = "";
    ws.getRow(1).eachCell((cell) => {
      if (String(cell.value).startsWith(header)) letter = cell.address.replace(/\d+/, "");
    });
    if (!letter) throw new Error(`no column ${header}`);
    return letter;
  };

  test("houses and đồng beyond a commune are VALUE_IMPLAUSIBLE, written the Vietnamese way", async () => {
    const { findings } = await read((wb) => {
      const ws = sheetOf(wb, "Nhật ký");
      ws.getCell(`${column(ws, "Nhà đại đoàn kết")}2`).value = 5000;
      ws.getCell(`${column(ws, "Quà (đồng)")}3`).value = 30_000_000_000;
    });
    const implausible = findings.filter((f) => f.code === "VALUE_IMPLAUSIBLE");
    expect(implausible.map((f) => f.message)).toEqual([
      expect.stringContaining("là 5.000, quá mức một xã có thể có (tối đa 200 căn)"),
      expect.stringContaining(
        "là 30.000.000.000, quá mức một xã có thể có (tối đa 20.000.000.000 đồng)"
      ),
    ]);
  });

  test("a number past any date in a date cell is a finding that shows what Excel shows, never NaN", async () => {
    const { findings } = await read((wb) => {
      const cell = sheetOf(wb, "Nhật ký").getCell("A2");
      cell.value = 1e15;
      cell.numFmt = "dd/mm/yyyy";
    });
    const atA2 = findings.find((f) => f.sheet === "Nhật ký" && f.cell === "A2");
    expect(atA2?.message).toContain('không đọc được "########"');
    expect(JSON.stringify(findings)).not.toMatch(/NaN|Invalid/);
  });
});
