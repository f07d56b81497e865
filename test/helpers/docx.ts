/**
 * Word files built the way Word writes them (a zip with [Content_Types].xml, relationships and
 * word/document.xml), from the plan's text: the letterhead as a two-column table, every other line a
 * paragraph whose text is split over several runs, as Word splits it around spell-check marks.
 */
import JSZip from "jszip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

function escape(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A paragraph with tab stops in its properties (which are not text) and its text in runs of ≤ 25 characters. */
export function paragraph(text: string): string {
  const runs = text.match(/[\s\S]{1,25}/g) ?? [];
  const body = runs
    .map(
      (r, i) =>
        `<w:r>${i % 2 ? "<w:rPr><w:b/></w:rPr>" : ""}<w:t xml:space="preserve">${escape(r)}</w:t></w:r>${i % 3 === 1 ? '<w:proofErr w:type="spellStart"/>' : ""}`
    )
    .join("");
  return `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs><w:jc w:val="both"/></w:pPr>${body}</w:p>`;
}

/** A table of one row whose cells hold these paragraphs. */
export function table(cells: string[][]): string {
  const tc = cells.map(
    (ps) =>
      `<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>${ps.map(paragraph).join("") || "<w:p/>"}</w:tc>`
  );
  return `<w:tbl><w:tblPr><w:tblW w:w="9000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="4500"/><w:gridCol w:w="4500"/></w:tblGrid><w:tr>${tc.join("")}</w:tr></w:tbl>`;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
}

export async function docxFile(xml: string, extra: Record<string, string> = {}): Promise<Buffer> {
  const zip = new JSZip();
  zip.file("[Content_Types].xml", CONTENT_TYPES);
  zip.file("_rels/.rels", RELS);
  zip.file("word/document.xml", xml);
  for (const [path, text] of Object.entries(extra)) zip.file(path, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/**
 * The plan's text as Word holds it: the letterhead (the lines whose two columns the text shows with runs of
 * spaces, from the Party committee's line to the number line) becomes a two-column table, one paragraph per
 * column line, and each other line a paragraph.
 */
export async function planDocx(text: string): Promise<Buffer> {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => /ĐẢNG U[ỶỲ] XÃ/u.test(l));
  const last = lines.findIndex((l, i) => i > first && /^\s*Số\s/u.test(l));
  const left: string[] = [];
  const right: string[] = [];
  for (const line of lines.slice(first, last + 1)) {
    const [l, r] = line.trim().split(/\s{3,}(?=\S)(?!-)/u);
    if (!l) continue;
    left.push(l);
    if (r) right.push(r);
  }
  const body = [
    ...lines.slice(0, first).map(paragraph),
    table([left, right]),
    ...lines.slice(last + 1).map(paragraph),
  ];
  return docxFile(documentXml(body.join("")));
}
