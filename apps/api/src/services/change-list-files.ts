import { type ChangeRow, getChangeListTable, type HrisSystem } from '@reorg/model';
import ExcelJS from 'exceljs';

/**
 * The change list as files for an HRIS mass update: CSV (RFC 4180, formula-safe) and xlsx
 * (ExcelJS), with the column names of `system`'s import template (see `getChangeListTable`).
 */

// First characters that make a spreadsheet read a cell as a formula, or that it trims before
// reading one (OWASP CSV injection); the same rule as the web app's `lib/csv/csv-cell`.
const FORMULA_START = /^[\s=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** A text cell with a leading `'` when a spreadsheet would run it as a formula. */
export function defuseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One CSV cell: defused, then quoted (quotes doubled) when it holds `,` `"` a line break or edge spaces. */
export function csvCell(text: string): string {
  const s = defuseCell(text);
  return /[",\n\r]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The change list as CSV text (CRLF line ends, as RFC 4180 and Excel expect). */
export function changeListCsv(rows: readonly ChangeRow[], system: HrisSystem): string {
  return `${getChangeListTable(rows, system)
    .map((line) => line.map(csvCell).join(','))
    .join('\r\n')}\r\n`;
}

/**
 * The change list as an xlsx workbook: one sheet "Change list" (header row bold and frozen,
 * cells as text so that ids like `007` keep their zeros and nothing is read as a formula).
 */
export async function changeListXlsx(rows: readonly ChangeRow[], system: HrisSystem): Promise<Uint8Array> {
  const table = getChangeListTable(rows, system);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'reorg';
  const sheet = workbook.addWorksheet('Change list', { views: [{ state: 'frozen', ySplit: 1 }] });
  for (const line of table) {
    // A string value is stored as text in xlsx (never a formula), so no defusing is needed there.
    const row = sheet.addRow(line);
    row.eachCell((cell) => {
      cell.numFmt = '@';
    });
  }
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((col, k) => {
    const widest = Math.max(...table.map((line) => (line[k] ?? '').length));
    col.width = Math.min(40, Math.max(10, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
