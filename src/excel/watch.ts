/* global Excel */
/**
 * Tells when the open workbook changes: a cell edited (ExcelApi 1.9), a sheet added or deleted (1.7). Each
 * event is registered on its own, so a host without one still gets the others; a host with none (Excel 2016)
 * gets no call, and the task pane then checks the workbook when a tab is shown again.
 */
const EVENTS = ["onChanged", "onAdded", "onDeleted"] as const;

export async function watchWorkbook(onChange: () => void): Promise<void> {
  const handler = async () => onChange();
  await Promise.all(
    EVENTS.map((event) =>
      Excel.run(async (context) => {
        context.workbook.worksheets[event].add(handler);
        await context.sync();
      }).catch(() => undefined)
    )
  );
}
