import { readFileSync } from "node:fs";
import { join } from "node:path";
import JSZip from "jszip";
import { importPlanText } from "../../src/core/importer";
import { documentXmlToText } from "../../src/docx/document-xml";
import { DocumentError, docxText } from "../../src/docx/read";
import { docxFile, documentXml, paragraph, planDocx, table } from "../helpers/docx";

const SEED = readFileSync(join(__dirname, "../fixtures/ke-hoach-tan-phong.txt"), "utf8");

test("a plan kept as .docx imports exactly as its text pasted", async () => {
  const fromWord = importPlanText(await docxText(await planDocx(SEED), "KE-HOACH.docx"));
  const fromText = importPlanText(SEED);
  expect(fromWord).toEqual(fromText);
  expect(fromWord.plan.settings).toMatchObject({
    party_committee: "ĐẢNG UỶ XÃ TÂN PHONG",
    place_name: "Tân Phong",
    issued: "2024-12-04",
    number: "-KH/BCĐ",
  });
  expect(fromWord.plan.hamlets).toHaveLength(8);
});

test("paragraphs and tables come out in document order, a table's cells side by side", () => {
  const xml = documentXml(
    paragraph("Trước bảng") +
      table([["ĐẢNG UỶ XÃ A", "BAN CHỈ ĐẠO"], ["ĐẢNG CỘNG SẢN VIỆT NAM"]]) +
      paragraph("Sau bảng: dài 3.000m & 2 < 3")
  );
  expect(documentXmlToText(xml).split("\n")).toEqual([
    "Trước bảng",
    "ĐẢNG UỶ XÃ A\tĐẢNG CỘNG SẢN VIỆT NAM",
    "BAN CHỈ ĐẠO\t",
    "Sau bảng: dài 3.000m & 2 < 3",
  ]);
});

test("what Word stores beside the text is not text: tab stops, deleted and moved-away text, drawing fallbacks, field codes", () => {
  const xml = documentXml(
    `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>` +
      `<w:r><w:t>Ấp Cầu:</w:t></w:r><w:r><w:tab/><w:t xml:space="preserve"> dài </w:t></w:r>` +
      `<w:del w:id="1"><w:r><w:delText>9.000m</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>cũ</w:t></w:r></w:moveFrom>` +
      `<w:r><w:instrText> PAGE </w:instrText></w:r><w:ins w:id="2"><w:r><w:t>3.000m</w:t></w:r></w:ins>` +
      `<w:r><w:br/><w:t>&#273;&#x1EA5;t&apos;s</w:t><w:noBreakHyphen/><w:softHyphen/></w:r>` +
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:t>hộp</w:t></mc:Choice><mc:Fallback><w:t>hộp</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>`
  );
  expect(documentXmlToText(xml)).toBe("Ấp Cầu:\t dài 3.000m\nđất's-hộp");
});

test("tables nested past any real document read as their paragraphs, without deep recursion", () => {
  const depth = 5000;
  const xml = documentXml(
    `${"<w:tbl><w:tr><w:tc>".repeat(depth)}${paragraph("sâu")}${"</w:tc></w:tr></w:tbl>".repeat(depth)}${paragraph("sau")}`
  );
  expect(
    documentXmlToText(xml)
      .split("\n")
      .map((l) => l.trim())
  ).toEqual(["sâu", "sau"]);
});

async function refusal(bytes: Uint8Array, name: string): Promise<string> {
  const error = await docxText(bytes, name).then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(DocumentError);
  return (error as Error).message;
}

test("a Word 97 .doc is refused with advice to save it as .docx", async () => {
  const doc = Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
  ]);
  expect(await refusal(doc, "KE-HOACH.doc")).toBe(
    '"KE-HOACH.doc" là tệp Word 97–2003 (.doc), DanVan không đọc được; hãy mở tệp bằng Word, chọn Lưu thành (Save As) kiểu "Word Document (*.docx)" rồi nhập tệp .docx.'
  );
});

test("an Excel file, a zip of something else and a broken file are refused in Vietnamese", async () => {
  const xlsx = new JSZip();
  xlsx.file("xl/workbook.xml", "<workbook/>");
  expect(await refusal(await xlsx.generateAsync({ type: "uint8array" }), "so.xlsx")).toMatch(
    /^"so\.xlsx" là tệp Excel, không phải văn bản kế hoạch/
  );
  const other = new JSZip();
  other.file("a.txt", "x");
  expect(await refusal(await other.generateAsync({ type: "uint8array" }), "a.zip")).toBe(
    '"a.zip" không phải tệp Word (.docx) hoặc đã bị hỏng.'
  );
  expect(await refusal(Buffer.from("PK\u0003\u0004 hỏng"), "hong.docx")).toBe(
    '"hong.docx" không phải tệp Word (.docx) hoặc đã bị hỏng.'
  );
});

test("a document whose text unpacks past any plan is refused before it fills memory", async () => {
  // 60 million characters that deflate to some tens of kilobytes.
  const bomb = await docxFile(
    documentXml(`<w:p><w:r><w:t>${" ".repeat(60_000_000)}</w:t></w:r></w:p>`)
  );
  expect(bomb.length).toBeLessThan(1_000_000);
  expect(await refusal(bomb, "bom.docx")).toBe(
    '"bom.docx" có nội dung quá lớn so với một kế hoạch; hãy kiểm tra đã chọn đúng tệp.'
  );
});
