/**
 * A Word document's body (word/document.xml) to the plain text the same document gives when copied: each
 * paragraph a line, tables row by row with their cells side by side (separated by a tab, a cell's paragraphs
 * on successive lines), everything in document order. One pass over the XML, no recursion over the input.
 */

interface Paragraph {
  kind: "p";
  /** The paragraph's lines (a line break inside a paragraph starts a new one). */
  lines: string[];
}

interface Table {
  kind: "table";
  /** rows → cells → the cell's blocks */
  rows: Block[][][];
}

type Block = Paragraph | Table;

/** A tag (start, end or empty), a declaration/comment/processing instruction, or text between tags. */
const TOKEN = /<(\/?)([A-Za-z_][\w.:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>|<[?!][^>]*>|([^<]+)/g;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (whole, name: string) => {
    if (name[0] !== "#") return ENTITIES[name] ?? whole;
    const code = name[1] === "x" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** Content that repeats what is shown elsewhere: the fallback of a drawing, the old place of moved text. */
const REPEATED = new Set(["mc:Fallback", "w:moveFrom"]);
/** Tables nested deeper than this read as their paragraphs, so rendering never recurses deeply. */
const MAX_TABLE_NESTING = 16;
const TABLE_TAGS = new Set(["w:tbl", "w:tr", "w:tc"]);

/** Run content that stands for a character of its own. */
const RUN_CHARACTERS: Record<string, string> = {
  "w:tab": "\t",
  "w:ptab": "\t",
  "w:noBreakHyphen": "-",
  "w:softHyphen": "",
};

class BodyBuilder {
  readonly body: Block[] = [];
  /** Where blocks go: the body, or the table cell being read. */
  private readonly containers: Block[][] = [this.body];
  private readonly tables: Table[] = [];
  /** Paragraphs being read; more than one inside a text box, whose paragraphs come out as their own. */
  private readonly paragraphs: Paragraph[] = [];
  private runDepth = 0;
  private inText = false;
  /** Depth inside REPEATED content. */
  private skipDepth = 0;
  /** Depth inside tables nested past MAX_TABLE_NESTING. */
  private flatDepth = 0;

  open(name: string, empty: boolean): void {
    if (this.skipDepth || REPEATED.has(name)) {
      if (!empty) this.skipDepth++;
      return;
    }
    const tooDeep = name === "w:tbl" && this.tables.length >= MAX_TABLE_NESTING;
    if (tooDeep || (this.flatDepth && TABLE_TAGS.has(name))) {
      if (name === "w:tbl" && !empty) this.flatDepth++;
      return;
    }
    if (name === "w:p") this.openParagraph(empty);
    else if (name === "w:tbl" && !empty) this.openTable();
    else if (name === "w:tr") this.tables[this.tables.length - 1]?.rows.push([]);
    else if (name === "w:tc") this.openCell(empty);
    else if (name === "w:r" && !empty) this.runDepth++;
    else if (name === "w:t" && !empty) this.inText = true;
    else if (this.runDepth && (name === "w:br" || name === "w:cr")) this.current()?.lines.push("");
    else if (this.runDepth && name in RUN_CHARACTERS) this.append(RUN_CHARACTERS[name]);
  }

  close(name: string): void {
    if (this.skipDepth) {
      this.skipDepth--;
      return;
    }
    if (this.flatDepth && TABLE_TAGS.has(name)) {
      if (name === "w:tbl") this.flatDepth--;
      return;
    }
    if (name === "w:p") this.closeParagraph();
    else if (name === "w:tbl") this.tables.pop();
    else if (name === "w:tc") this.containers.pop();
    else if (name === "w:r") this.runDepth = Math.max(0, this.runDepth - 1);
    else if (name === "w:t") this.inText = false;
  }

  text(raw: string): void {
    if (this.inText && !this.skipDepth) this.append(decodeEntities(raw));
  }

  private current(): Paragraph | undefined {
    return this.paragraphs[this.paragraphs.length - 1];
  }

  private append(text: string): void {
    const p = this.current();
    if (p) p.lines[p.lines.length - 1] += text;
  }

  private openParagraph(empty: boolean): void {
    const p: Paragraph = { kind: "p", lines: [""] };
    if (empty) this.containers[this.containers.length - 1].push(p);
    else this.paragraphs.push(p);
  }

  private closeParagraph(): void {
    const p = this.paragraphs.pop();
    if (p) this.containers[this.containers.length - 1].push(p);
  }

  private openTable(): void {
    const table: Table = { kind: "table", rows: [] };
    this.containers[this.containers.length - 1].push(table);
    this.tables.push(table);
  }

  private openCell(empty: boolean): void {
    const rows = this.tables[this.tables.length - 1]?.rows;
    const cell: Block[] = [];
    rows?.[rows.length - 1]?.push(cell);
    if (!empty) this.containers.push(cell);
  }
}

/** A table's rows as lines: the cells' lines side by side, so a two-column letterhead reads as it looks. */
function tableLines(table: Table): string[] {
  const out: string[] = [];
  for (const row of table.rows) {
    const cells = row.map(blocksLines);
    const height = cells.reduce((n, c) => Math.max(n, c.length), 0);
    for (let i = 0; i < height; i++) out.push(cells.map((c) => c[i] ?? "").join("\t"));
  }
  return out;
}

function blocksLines(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks)
    for (const line of b.kind === "p" ? b.lines : tableLines(b)) out.push(line);
  return out;
}

/** The text of a document.xml: paragraphs and table rows as lines, in document order. */
export function documentXmlToText(xml: string): string {
  const builder = new BodyBuilder();
  for (const m of xml.matchAll(TOKEN)) {
    if (m[5] !== undefined) builder.text(m[5]);
    else if (m[2] === undefined) continue;
    else if (m[1]) builder.close(m[2]);
    else builder.open(m[2], m[4] === "/");
  }
  return blocksLines(builder.body).join("\n");
}
