// A small in-memory Excel object model for the task pane running in a real browser (Excel itself cannot run
// here). It implements what src/excel/ uses: worksheets, used ranges, values, formats, merges, charts,
// selection, sync, and the worksheet events a task pane listens to. window.__book is what a user would see in the
// workbook; __book.edit() is a user typing into a cell (Excel reports it), __book.editQuietly() a change made
// where the host has no events (Excel 2016).
// The test page calls it after this file's text: it is used, but not from here.
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function installFakeExcel(grid) {
  const book = {
    sheets: grid.sheets.map((s) => ({ name: s.name, rows: s.rows, deleted: false })),
    syncs: 0,
    selected: null,
    active: null,
  };
  const listeners = { onChanged: [], onAdded: [], onDeleted: [] };
  let queued = [];
  // Excel reports changes after the batch that made them is synced.
  function queue(event) {
    queued.push(event);
  }
  function fire(events) {
    for (const event of events)
      for (const handler of listeners[event]) void handler({ source: "Local" });
  }
  function officeError(code, message) {
    return Object.assign(new Error(message), {
      name: "RichApi.Error",
      code,
      debugInfo: { code, message },
    });
  }
  book.editQuietly = (sheet, row, col, value) => {
    const s = book.sheets.find((x) => x.name === sheet && !x.deleted);
    s.rows[row] = s.rows[row] || [];
    s.rows[row][col] = value;
  };
  book.edit = (sheet, row, col, value) => {
    book.editQuietly(sheet, row, col, value);
    fire(["onChanged"]);
  };

  function colIndex(letters) {
    return letters.split("").reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
  }
  function topLeft(address) {
    const m = /^([A-Z]+)(\d+)/.exec(address.split(":")[0]);
    return m ? { row: Number(m[2]) - 1, col: colIndex(m[1]) } : { row: 0, col: 0 };
  }
  function live() {
    return book.sheets.filter((s) => !s.deleted);
  }
  function rangeApi(s, address) {
    const range = {
      format: { font: {}, fill: {}, borders: { getItem: () => ({}) } },
      dataValidation: { clear() {} },
      merge() {},
      clear() {
        const at = topLeft(
          address.includes(":") && !/\d/.test(address) ? `${address.split(":")[0]}1` : address
        );
        s.rows.forEach((row) => row && (row[at.col] = null));
      },
      select() {
        book.selected = `${s.name}!${address}`;
      },
      load() {},
    };
    Object.defineProperty(range, "values", {
      set(values) {
        const at = topLeft(address);
        values.forEach((row, r) => {
          s.rows[at.row + r] = s.rows[at.row + r] || [];
          row.forEach((v, c) => (s.rows[at.row + r][at.col + c] = v === "" ? null : v));
        });
        queue("onChanged");
      },
    });
    return range;
  }
  function sheetApi(s) {
    return {
      get name() {
        return s.name;
      },
      set name(v) {
        s.name = v;
      },
      getUsedRangeOrNullObject() {
        const width = Math.max(0, ...s.rows.map((r) => (r ? r.length : 0)));
        const values = s.rows.map((r) =>
          Array.from({ length: width }, (_, c) => (r && r[c] != null ? r[c] : ""))
        );
        return {
          load() {},
          isNullObject: s.rows.length === 0,
          values,
          rowIndex: 0,
          columnIndex: 0,
        };
      },
      // The reader's batch: the used range of values, intersected with the window it reads (src/excel/read.ts).
      getUsedRange() {
        const rowCount = Math.max(1, s.rows.length);
        const columnCount = Math.max(1, ...s.rows.map((r) => (r ? r.length : 0)));
        return {
          load() {},
          rowIndex: 0,
          columnIndex: 0,
          rowCount,
          columnCount,
          address: `${s.name}!A1`,
          rect: { rowCount, columnCount },
        };
      },
      getRangeByIndexes: (rowIndex, columnIndex, rowCount, columnCount) => ({
        getIntersectionOrNullObject(used) {
          const rows = Math.min(rowIndex + rowCount, used.rect.rowCount) - rowIndex;
          const cols = Math.min(columnIndex + columnCount, used.rect.columnCount) - columnIndex;
          const values = Array.from({ length: Math.max(0, rows) }, (_, r) =>
            Array.from({ length: Math.max(0, cols) }, (_, c) => {
              const row = s.rows[rowIndex + r];
              return row && row[columnIndex + c] != null ? row[columnIndex + c] : "";
            })
          );
          return { load() {}, isNullObject: rows <= 0 || cols <= 0, values, rowIndex, columnIndex };
        },
        // Everything lies inside the window here: nothing beyond it, no merged cells.
        getSpecialCellsOrNullObject: () => ({ load() {}, isNullObject: true }),
        getMergedAreasOrNullObject: () => ({ load() {}, isNullObject: true }),
      }),
      getRange: (address) => rangeApi(s, address),
      activate() {
        book.active = s.name;
      },
      delete() {
        s.deleted = true;
        queue("onDeleted");
      },
      freezePanes: { freezeRows() {} },
      get visibility() {
        return s.visibility || "Visible";
      },
      set visibility(v) {
        s.visibility = v;
      },
      isNullObject: false,
      pageLayout: { setPrintMargins() {}, setPrintTitleRows() {}, setPrintArea() {} },
      horizontalPageBreaks: { add() {} },
      autoFilter: { apply() {} },
      charts: {
        add: () => ({ title: {}, legend: {}, axes: { valueAxis: {} }, setPosition() {} }),
      },
    };
  }
  const worksheets = {
    items: [],
    load() {
      this.items = live().map(sheetApi);
    },
    getItemOrNullObject(name) {
      const s = live().find((x) => x.name === name);
      return s ? sheetApi(s) : { isNullObject: true };
    },
    getItem(name) {
      const s = live().find((x) => x.name === name);
      if (!s) throw officeError("ItemNotFound", "The requested resource doesn't exist.");
      return sheetApi(s);
    },
    add(name) {
      const s = { name, rows: [], deleted: false };
      book.sheets.push(s);
      queue("onAdded");
      return sheetApi(s);
    },
    onChanged: { add: (handler) => listeners.onChanged.push(handler) },
    onAdded: { add: (handler) => listeners.onAdded.push(handler) },
    onDeleted: { add: (handler) => listeners.onDeleted.push(handler) },
  };
  const application = {
    suspendScreenUpdatingUntilNextSync() {},
    suspendApiCalculationUntilNextSync() {},
  };
  window.Excel = {
    run: async (task) =>
      task({
        workbook: { worksheets, application },
        application,
        sync: async () => {
          book.syncs++;
          const events = queued;
          queued = [];
          setTimeout(() => fire(events), 0);
        },
      }),
    PaperType: { a4: "A4" },
    PageOrientation: { portrait: "Portrait", landscape: "Landscape" },
    ChartType: { barClustered: "BarClustered" },
    ChartSeriesBy: { columns: "Columns" },
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  };
  window.__book = book;
}
