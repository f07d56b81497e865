/** A plan kept as a Word file (.docx) read to its text, for the CLI and the task pane alike. */
import JSZip from "jszip";
import { planTooLarge } from "../core/importer";
import { inMillions } from "../core/quantity";
import { documentXmlToText } from "./document-xml";

/** A file that is not a readable Word document, said in one Vietnamese sentence. */
export class DocumentError extends Error {}

const ZIP_SIGNATURE = [0x50, 0x4b];
/** The OLE compound file that Word 97–2003 (.doc) and Excel 97–2003 (.xls) are stored in. */
const OLE_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0];
/** A Word file may carry pictures, but not this much. */
export const MAX_DOCX_BYTES = 100_000_000;
/** A plan's document.xml is a few megabytes; this bound keeps a compressed bomb from filling memory. */
const MAX_DOCUMENT_XML_CHARS = 50_000_000;

/** The refusal of a file too big to be read as a plan, before reading it; null when it is not. */
export function fileTooLarge(bytes: number, limit: number, name: string): string | null {
  if (bytes <= limit) return null;
  return `"${name}" nặng ${inMillions(bytes)} MB, quá ${inMillions(limit)} MB mà tệp kế hoạch có thể có; hãy kiểm tra đã chọn đúng tệp.`;
}

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** Whether the bytes are a Word/Excel file rather than plain text: a zip package or an OLE file. */
export function isOfficeFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_SIGNATURE) || startsWith(bytes, OLE_SIGNATURE);
}

/** JSZip's documented ZipObject#internalStream, which its typings leave out. */
interface StreamHelper {
  on(event: "data", listener: (chunk: string) => void): StreamHelper;
  on(event: "error", listener: (error: Error) => void): StreamHelper;
  on(event: "end", listener: () => void): StreamHelper;
  pause(): StreamHelper;
  resume(): StreamHelper;
}

/** Inflates one part, giving up (null) once it passes `maxChars`. */
function boundedText(file: JSZip.JSZipObject, maxChars: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: string[] = [];
    let total = 0;
    const stream = (
      file as unknown as { internalStream(type: "string"): StreamHelper }
    ).internalStream("string");
    stream
      .on("data", (chunk: string) => {
        total += chunk.length;
        if (total > maxChars) {
          stream.pause();
          resolve(null);
        } else chunks.push(chunk);
      })
      .on("error", reject)
      .on("end", () => resolve(chunks.join("")))
      .resume();
  });
}

async function openZip(bytes: Uint8Array, name: string): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch {
    throw new DocumentError(`"${name}" không phải tệp Word (.docx) hoặc đã bị hỏng.`);
  }
}

/** The text of a .docx as it reads when copied: paragraphs and tables in document order. */
export async function docxText(bytes: Uint8Array, name: string): Promise<string> {
  if (startsWith(bytes, OLE_SIGNATURE))
    throw new DocumentError(
      `"${name}" là tệp Word 97–2003 (.doc), DanVan không đọc được; hãy mở tệp bằng Word, chọn Lưu thành (Save As) kiểu "Word Document (*.docx)" rồi nhập tệp .docx.`
    );
  const zip = await openZip(bytes, name);
  const part = zip.file("word/document.xml");
  if (!part) {
    throw new DocumentError(
      zip.file("xl/workbook.xml")
        ? `"${name}" là tệp Excel, không phải văn bản kế hoạch; hãy chọn tệp Word (.docx) hoặc văn bản (.txt).`
        : `"${name}" không phải tệp Word (.docx) hoặc đã bị hỏng.`
    );
  }
  let xml: string | null;
  try {
    xml = await boundedText(part, MAX_DOCUMENT_XML_CHARS);
  } catch {
    throw new DocumentError(`"${name}" không phải tệp Word (.docx) hoặc đã bị hỏng.`);
  }
  if (xml === null)
    throw new DocumentError(
      `"${name}" có nội dung quá lớn so với một kế hoạch; hãy kiểm tra đã chọn đúng tệp.`
    );
  const text = documentXmlToText(xml);
  const tooLarge = planTooLarge(text.length, `Văn bản trong "${name}"`);
  if (tooLarge) throw new DocumentError(tooLarge);
  return text;
}
