/**
 * Devices for the session tests: a workbook file as an officer types it (ExcelJS), enrolled against the real
 * server, synced through the shared session the way `danvan sync` runs it (a fresh read of the file each run).
 */
import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { importPlanText } from "../../src/core/importer";
import type { CellValue } from "../../src/core/grid";
import type { Plan } from "../../src/core/model";
import { readPlan } from "../../src/core/reader";
import { JOURNAL_TABLE, SHEET } from "../../src/core/sheets";
import { planLayouts } from "../../src/core/template";
import type { JournalEntry } from "../../src/core/journal-writes";
import { type LocalRow, type Transport, fetchTransport } from "../../src/sync/client";
import { type Identity, enroll } from "../../src/sync/identity";
import { memoryPlace } from "../../src/sync/saved";
import type { LocalJournal } from "../../src/sync/rows";
import { SyncSession } from "../../src/sync/session";
import { writeLayouts } from "../../src/xlsx/files";
import { fileJournal } from "../../src/xlsx/journal";
import { workbookToGrid } from "../../src/xlsx/read";

const FIXTURE = join(__dirname, "../fixtures/ke-hoach-tan-phong.txt");

/** Tân Phong's plan (campaign 10/12 – 24/12/2024, reports 13:30 – 15:00) with no journal rows. */
export function tanPhong(): Plan {
  return importPlanText(readFileSync(FIXTURE, "utf8")).plan;
}

export async function writePlanFile(path: string, plan: Plan): Promise<void> {
  await writeLayouts(path, planLayouts(plan));
}

/** One Nhật ký row in the sheet's own column order; `sent` is Giờ gửi as typed (text, or an Excel serial). */
export function journalRow(
  date: string,
  hamlet: string,
  values: Record<string, number>,
  sent: CellValue,
  more: { note?: string; reporter?: string } = {}
): CellValue[] {
  const cells: Record<string, CellValue> = {
    date,
    hamlet,
    ...values,
    note: more.note ?? "",
    reporter: more.reporter ?? "Tổ trưởng",
    sent,
  };
  return JOURNAL_TABLE.columns.map((c) => cells[c.field] ?? null);
}

export async function typeRows(file: string, rows: CellValue[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  for (const r of rows) wb.getWorksheet(SHEET.journal)!.addRow(r);
  await wb.xlsx.writeFile(file);
}

export async function readPlanFile(file: string): Promise<Plan> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return readPlan(workbookToGrid(wb)).plan;
}

/** A device with its own workbook (a copy of the plan file) and its outbox in memory. */
export class Device {
  readonly outbox = memoryPlace("hàng chờ thử");
  readonly notices: string[] = [];

  private constructor(
    public identity: Identity,
    readonly file: string
  ) {}

  static async enrol(
    server: string,
    code: string,
    planFile: string,
    file: string
  ): Promise<Device> {
    copyFileSync(planFile, file);
    return new Device(
      await enroll(fetchTransport(server), { server, code, name: file }, memoryPlace()),
      file
    );
  }

  async enrolAgain(code: string): Promise<void> {
    const { server } = this.identity;
    this.identity = await enroll(
      fetchTransport(server),
      { server, code, name: this.file },
      memoryPlace()
    );
  }

  async session(transport: Transport = fetchTransport(this.identity.server)): Promise<SyncSession> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(this.file);
    return new SyncSession(this.identity, {
      transport,
      outbox: [this.outbox],
      journal: fileJournal(wb, this.file),
      notify: (m) => this.notices.push(m),
      retry: { attempts: 3, baseMs: 0 },
    });
  }

  async sync(transport?: Transport) {
    return (await this.session(transport)).sync();
  }
}

/** Real HTTP, except that the answer to the first request on `path` is lost after the server acted on it. */
export function losingFirstAnswer(inner: Transport, path: RegExp): Transport {
  let lost = false;
  return {
    async post(p, body, token) {
      const response = await inner.post(p, body, token);
      if (!lost && path.test(p)) {
        lost = true;
        throw new Error("connection reset");
      }
      return response;
    },
  };
}

/** A journal with no workbook, as the phone page keeps one: a row per day; `failNext` makes one write fail. */
export class MemoryJournal implements LocalJournal {
  readonly rows = new Map<string, LocalRow>();
  failNext = false;

  set(row: LocalRow): void {
    this.rows.set(`${row.date}|${row.hamlet}`, row);
  }

  async read() {
    return { rows: [...this.rows.values()], refused: [] };
  }

  async write(rows: JournalEntry[]): Promise<number> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error("bộ nhớ đầy");
    }
    for (const { hamlet, date, values, note, reporter, sentAt } of rows)
      this.set({ hamlet, date, data: { values, note, reporter, sentAt } });
    return rows.length;
  }
}

/** A device with no workbook, enrolled with `code`. */
export async function memoryDevice(server: string, code: string) {
  const identity = await enroll(
    fetchTransport(server),
    { server, code, name: "Điện thoại" },
    memoryPlace()
  );
  const journal = new MemoryJournal();
  const session = new SyncSession(identity, {
    transport: fetchTransport(server),
    outbox: [memoryPlace()],
    journal,
    notify: () => undefined,
  });
  return { journal, session };
}
