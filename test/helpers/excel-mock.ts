/**
 * An Excel workbook for the Office.js adapter, built on office-addin-mock: ranges are OfficeMockObjects, so a
 * value read before load + context.sync() comes back as office-addin-mock's error text and the test fails.
 * Every context.sync() is counted; every write is kept for assertions.
 */
import { OfficeMockObject } from "office-addin-mock";
import {
  type CellValue,
  type Grid,
  type GridSheet,
  type GridValue,
  columnLetter,
} from "../../src/core/grid";

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
  /** Pictures added (shapes.addImage): the base64 PNG and what was set on the shape. */
  images: ({ png: string } & Record<string, unknown>)[];
}

export interface WorkbookMock {
  context: Excel.RequestContext;
  syncs: () => number;
  sheet: (name: string) => SheetWrite;
  added: () => string[];
}

function rangeMock(address: string): RangeWrite {
  const write: RangeWrite = {
    address,
    merged: false,
    selected: false,
    deleted: false,
    mock: undefined as never,
  };
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

interface Rect {
  r: number;
  c: number;
  rows: number;
  cols: number;
}

function intersect(a: Rect, b: Rect): Rect | null {
  const r = Math.max(a.r, b.r);
  const c = Math.max(a.c, b.c);
  const rows = Math.min(a.r + a.rows, b.r + b.rows) - r;
  const cols = Math.min(a.c + a.cols, b.c + b.cols) - c;
  return rows > 0 && cols > 0 ? { r, c, rows, cols } : null;
}

/** "A2:A5" → rect */
function rectOf(address: string): Rect {
  const [from, to = from] = address.split(":").map((a) => /^([A-Z]+)(\d+)$/.exec(a)!);
  const col = (l: string) => l.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  return {
    r: Number(from[2]) - 1,
    c: col(from[1]),
    rows: Number(to[2]) - Number(from[2]) + 1,
    cols: col(to[1]) - col(from[1]) + 1,
  };
}

/** The filled cells of a (possibly sparse) grid, walked by key as the adapters do. */
function filled(rows: GridValue[][]): { r: number; c: number; v: CellValue }[] {
  return Object.keys(rows).flatMap((rk) =>
    Object.keys(rows[+rk]).flatMap((ck) => {
      const v = rows[+rk][+ck] as CellValue;
      return v === null || v === "" ? [] : [{ r: +rk, c: +ck, v }];
    })
  );
}

/**
 * A RangeAreas: `isNullObject` only after a sync, each `areas/items/<property>` only after it was loaded and
 * synced, as Office.js behaves. `failure` makes the sync that loads it throw (Excel past 512 merged areas).
 */
class AreasMock {
  private requested = new Set<string>();
  private ready = new Set<string>();
  private synced = false;

  constructor(
    private readonly items: Record<string, unknown>[] | null,
    private readonly failure?: string
  ) {}

  load(paths: string): void {
    for (const p of paths.split(",")) this.requested.add(p.trim());
  }

  async sync(): Promise<void> {
    if (this.failure && this.requested.size) throw new Error(this.failure);
    this.ready = new Set(this.requested);
    this.synced = true;
  }

  get isNullObject(): boolean {
    if (!this.synced) throw new Error("isNullObject read before sync");
    return this.items === null;
  }

  get areas() {
    const guard = (item: Record<string, unknown>) =>
      new Proxy(item, {
        get: (target, key) => {
          if (typeof key === "string" && !this.ready.has(`areas/items/${key}`))
            throw new Error(`areas/items/${key} read before load + sync`);
          return target[key as string];
        },
      });
    return { items: (this.items ?? []).map(guard) };
  }
}

type Tracked = { sync: () => Promise<void> };

/** Far more cells than one response of Excel's can carry (5 MB on the web). */
const RESPONSE_CELL_LIMIT = 5_000_000;

/** Excel's limit for getMergedAreasOrNullObject. */
const MERGE_LIMIT = 512;

/**
 * A worksheet. Reads: the used range (values only), ranges by index with their intersection, special cells
 * (constants) and merged areas, each loadable only as Office.js allows; the used range's values are never
 * materialised beyond what is asked, so a stray value at XFD1048576 costs what it costs Excel.
 */
function sheetObject(
  source: GridSheet | undefined,
  name: string,
  track: (m: Tracked) => void,
  record: SheetWrite,
  merges: Rect[]
) {
  const rows = source?.rows ?? [];
  const cells = filled(rows);
  const usedRect: Rect = cells.length
    ? (() => {
        const r = Math.min(...cells.map((x) => x.r));
        const c = Math.min(...cells.map((x) => x.c));
        return {
          r,
          c,
          rows: Math.max(...cells.map((x) => x.r)) - r + 1,
          cols: Math.max(...cells.map((x) => x.c)) - c + 1,
        };
      })()
    : { r: 0, c: 0, rows: 1, cols: 1 };
  const valuesOf = (rect: Rect) =>
    Array.from({ length: rect.rows }, (_, i) =>
      Array.from(
        { length: rect.cols },
        (_, j) => (rows[rect.r + i]?.[rect.c + j] as CellValue | undefined) ?? ""
      )
    );
  const address = (rect: Rect) =>
    `${columnLetter(rect.c)}${rect.r + 1}:${columnLetter(rect.c + rect.cols - 1)}${rect.r + rect.rows}`;
  const rangeOf = (rect: Rect) => ({
    __rect: rect,
    getIntersectionOrNullObject: (other: { __rect: Rect }) => {
      const both = intersect(rect, other.__rect);
      const m = new OfficeMockObject(
        both
          ? { values: valuesOf(both), rowIndex: both.r, columnIndex: both.c }
          : { values: [], rowIndex: 0, columnIndex: 0 }
      ) as OfficeMockObject & Record<string, unknown>;
      m.isNullObject = both === null;
      track(m);
      return m;
    },
    getSpecialCellsOrNullObject: (type: string) => {
      const inside =
        type === "Constants"
          ? cells.filter((x) => intersect(rect, { r: x.r, c: x.c, rows: 1, cols: 1 }))
          : [];
      const areas = new AreasMock(
        inside.length
          ? inside.map((x) => ({ values: [[x.v]], rowIndex: x.r, columnIndex: x.c }))
          : null
      );
      track(areas);
      return areas;
    },
    getMergedAreasOrNullObject: () => {
      const inside = merges.filter((m) => intersect(rect, { ...m, rows: 1, cols: 1 }));
      const items = inside.map((m) => ({
        rowIndex: m.r,
        columnIndex: m.c,
        rowCount: m.rows,
        columnCount: m.cols,
      }));
      const areas = new AreasMock(
        items.length ? items : null,
        items.length > MERGE_LIMIT ? "GeneralException: too many merged areas" : undefined
      );
      track(areas);
      return areas;
    },
  });
  return {
    get name() {
      return record.name;
    },
    set name(value: string) {
      record.name = value;
    },
    visibility: ({ visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" } as const)[
      source?.visibility ?? "visible"
    ],
    getUsedRange: (valuesOnly: boolean) => {
      if (!valuesOnly) throw new Error("the reader asks for the used range of values only");
      const used = new OfficeMockObject({
        address: `${name}!${address(usedRect)}`,
        rowCount: usedRect.rows,
        columnCount: usedRect.cols,
        rowIndex: usedRect.r,
        columnIndex: usedRect.c,
      }) as OfficeMockObject & Record<string, unknown>;
      used.__rect = usedRect;
      track(used);
      return used;
    },
    getRangeByIndexes: (r: number, c: number, rowCount: number, columnCount: number) =>
      rangeOf({ r, c, rows: rowCount, cols: columnCount }),
    /** The whole used range with its values: past Excel's response limit the sync fails, as Excel's does. */
    getUsedRangeOrNullObject: () => {
      if (usedRect.rows * usedRect.cols > RESPONSE_CELL_LIMIT) {
        const refused = {
          load: () => undefined,
          sync: async () =>
            Promise.reject(
              new Error("RichApi.Error: The response payload size has exceeded the limit.")
            ),
        };
        track(refused);
        return refused;
      }
      const used = new OfficeMockObject({
        values: valuesOf(usedRect),
        rowIndex: usedRect.r,
        columnIndex: usedRect.c,
      }) as OfficeMockObject & Record<string, unknown>;
      used.isNullObject = cells.length === 0;
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
    shapes: {
      addImage: (png: string) => {
        const shape = { png };
        record.images.push(shape);
        return shape;
      },
    },
    charts: {
      add: (type: string, range: OfficeMockObject) => {
        const chart = {
          type,
          source: (range as unknown as { __address: string }).__address,
          title: {} as { text?: string },
          legend: {},
          axes: { valueAxis: {} },
          setPosition: () => undefined,
        };
        record.charts.push(chart);
        return chart;
      },
    },
  };
}

const minor = (version: string) => Number(version.split(".")[1] ?? 0);

/**
 * A workbook holding `grid` (values as Excel holds them: a merged range's value in its top-left cell only),
 * with Office's requirement sets supported up to ExcelApi `level`, and `merges` ("A2:A5") per sheet name.
 */
export function mockWorkbook(
  grid: Grid,
  level: number | string = 1.9,
  merges: Record<string, string[]> = {}
): WorkbookMock {
  let syncs = 0;
  let loaded = false;
  let syncedSinceLoad = false;
  const tracked: Tracked[] = [];
  const records: SheetWrite[] = [];
  const newRecord = (name: string): SheetWrite => {
    const r: SheetWrite = {
      name,
      ranges: [],
      activated: false,
      deleted: false,
      pageLayout: {},
      print: { breaks: [] },
      charts: [],
      images: [],
    };
    records.push(r);
    return r;
  };
  const objects = grid.sheets.map((s) =>
    sheetObject(
      s,
      s.name,
      (m) => tracked.push(m),
      newRecord(s.name),
      (merges[s.name] ?? []).map(rectOf)
    )
  );
  const added: string[] = [];
  const worksheets = {
    load: (what: string) => {
      if (!["items/name", "items/name,items/visibility"].includes(what))
        throw new Error(`unexpected load ${what}`);
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
      const o = sheetObject(undefined, name, (m) => tracked.push(m), newRecord(name), []);
      objects.push(o);
      return o;
    },
  };
  const context = {
    workbook: { worksheets, application: {} },
    application: {
      suspendScreenUpdatingUntilNextSync: () => undefined,
      suspendApiCalculationUntilNextSync: () => undefined,
    },
    sync: async () => {
      syncs++;
      syncedSinceLoad = loaded;
      // Each object answers the sync after its loads; one that fails (too many merges) fails only that sync.
      for (const m of tracked.splice(0)) await m.sync();
    },
  };
  (globalThis as Record<string, unknown>).Office = {
    // Versions compare by their minor number: 1.13 comes after 1.9.
    context: {
      requirements: {
        isSetSupported: (set: string, v: string) =>
          set === "ExcelApi" && minor(v) <= minor(String(level)),
      },
    },
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
  const all = sheet.ranges.find(
    (r) => /^A1:[A-Z]+\d+$/.test(r.address) && Array.isArray(r.mock.values)
  );
  return (all?.mock.values as unknown[][]) ?? [];
}
