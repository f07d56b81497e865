/**
 * An Excel workbook for the Office.js adapter, built on office-addin-mock: ranges are OfficeMockObjects, so a
 * value read before load + context.sync() comes back as office-addin-mock's error text and the test fails.
 * Every context.sync() is counted; every write is kept for assertions.
 */
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue, Grid } from "../../src/core/grid";

export interface RangeWrite {
  address: string;
  mock: OfficeMockObject & Record<string, unknown>;
  merged: boolean;
  selected: boolean;
  deleted: boolean;
}

export interface SheetWrite {
  name: string;
  ranges: RangeWrite[];
  frozenRows?: number;
  activated: boolean;
  deleted: boolean;
  pageLayout: Record<string, unknown>;
  /** What the print setup calls gave: margins (inches), print title rows, print area, page breaks. */
  print: { margins?: Record<string, number>; titleRows?: string; area?: string; breaks: string[] };
  autoFilter?: string;
  charts: { type: string; source: string; title: { text?: string } }[];
}

export interface WorkbookMock {
  context: Excel.RequestContext;
  syncs: () => number;
  sheet: (name: string) => SheetWrite;
  added: () => string[];
}

function rangeMock(address: string): RangeWrite {
  const write: RangeWrite = { address, merged: false, selected: false, deleted: false, mock: undefined as never };
  write.mock = new OfficeMockObject({
    format: {
      font: {},
      fill: {},
      borders: { getItem: () => ({}) },
    },
    dataValidation: { clear: () => undefined },
    merge: () => {
      write.merged = true;
    },
    select: () => {
      write.selected = true;
    },
    delete: () => {
      write.deleted = true;
    },
  }) as RangeWrite["mock"];
  write.mock.__address = address;
  return write;
}

function sheetObject(rows: CellValue[][], track: (m: OfficeMockObject) => void, record: SheetWrite) {
  const usedRows = rows.filter((r) => r.length > 0);
  const values = rows.map((r) => r.map((v) => (v === null ? "" : v)));
  const width = Math.max(0, ...values.map((r) => r.length));
  const padded = values.map((r) => [...r, ...Array(width - r.length).fill("")]);
  return {
    get name() {
      return record.name;
    },
    set name(value: string) {
      record.name = value;
    },
    getUsedRangeOrNullObject: () => {
      const used = new OfficeMockObject({ values: padded, rowIndex: 0, columnIndex: 0 }) as OfficeMockObject & Record<string, unknown>;
      used.isNullObject = usedRows.length === 0;
      track(used);
      return used;
    },
    getRange: (address: string) => {
      const r = rangeMock(address);
      record.ranges.push(r);
      return r.mock;
    },
    activate: () => {
      record.activated = true;
    },
    delete: () => {
      record.deleted = true;
    },
    freezePanes: {
      freezeRows: (n: number) => {
        record.frozenRows = n;
      },
    },
    pageLayout: Object.assign(record.pageLayout, {
      setPrintMargins: (unit: string, margins: Record<string, number>) => {
        if (unit !== "Inches") throw new Error(`unexpected unit ${unit}`);
        record.print.margins = margins;
      },
      setPrintTitleRows: (rows: string) => {
        record.print.titleRows = rows;
      },
      setPrintArea: (area: string) => {
        record.print.area = area;
      },
    }),
    horizontalPageBreaks: {
      add: (at: string) => {
        record.print.breaks.push(at);
      },
    },
    autoFilter: {
      apply: (range: string) => {
        record.autoFilter = range;
      },
    },
    charts: {
      add: (type: string, range: OfficeMockObject, _by: string) => {
        const chart = { type, source: (range as unknown as { __address: string }).__address, title: {} as { text?: string }, legend: {}, axes: { valueAxis: {} }, setPosition: () => undefined };
        record.charts.push(chart);
        return chart;
      },
    },
  };
}

/** A workbook holding `grid`, with Office's requirement sets supported up to ExcelApi `level`. */
export function mockWorkbook(grid: Grid, level = 1.9): WorkbookMock {
  let syncs = 0;
  let loaded = false;
  let syncedSinceLoad = false;
  const tracked: OfficeMockObject[] = [];
  const records: SheetWrite[] = [];
  const newRecord = (name: string): SheetWrite => {
    const r: SheetWrite = { name, ranges: [], activated: false, deleted: false, pageLayout: {}, print: { breaks: [] }, charts: [] };
    records.push(r);
    return r;
  };
  const objects = grid.sheets.map((s) => sheetObject(s.rows, (m) => tracked.push(m), newRecord(s.name)));
  const added: string[] = [];
  const worksheets = {
    load: (what: string) => {
      if (what !== "items/name") throw new Error(`unexpected load ${what}`);
      loaded = true;
      syncedSinceLoad = false;
    },
    get items() {
      if (!loaded || !syncedSinceLoad) throw new Error("worksheets.items read before load + sync");
      return objects.filter((o) => !records.find((r) => r.name === o.name)?.deleted);
    },
    getItem: (name: string) => {
      const found = objects.find((o) => o.name === name);
      if (!found) throw new Error(`ItemNotFound: ${name}`);
      return found;
    },
    add: (name: string) => {
      added.push(name);
      const o = sheetObject([], (m) => tracked.push(m), newRecord(name));
      objects.push(o);
      return o;
    },
  };
  const context = {
    workbook: { worksheets, application: {} },
    application: { suspendScreenUpdatingUntilNextSync: () => undefined, suspendApiCalculationUntilNextSync: () => undefined },
    sync: async () => {
      syncs++;
      syncedSinceLoad = loaded;
      for (const m of tracked) await m.sync();
    },
  };
  (globalThis as Record<string, unknown>).Office = {
    context: { requirements: { isSetSupported: (set: string, v: string) => set === "ExcelApi" && Number(v) <= level } },
  };
  (globalThis as Record<string, unknown>).Excel = {
    PaperType: { a4: "A4" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    ChartType: { barClustered: "BarClustered" },
    ChartSeriesBy: { columns: "Columns" },
  };
  return {
    context: context as unknown as Excel.RequestContext,
    syncs: () => syncs,
    sheet: (name: string) => {
      const r = [...records].reverse().find((x) => x.name === name);
      if (!r) throw new Error(`no sheet ${name}`);
      return r;
    },
    added: () => added,
  };
}

/** The values a sheet was given, as the grid the add-in wrote. */
export function writtenValues(sheet: SheetWrite): unknown[][] {
  const all = sheet.ranges.find((r) => /^A1:[A-Z]+\d+$/.test(r.address) && Array.isArray(r.mock.values));
  return (all?.mock.values as unknown[][]) ?? [];
}
