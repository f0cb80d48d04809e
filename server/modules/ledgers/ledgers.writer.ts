import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Db } from '../../core/db.js';
import { numberOf, rowsOf } from '../stats/stats.sql.js';
import type { Ledger, LedgerColumn, LedgerFilter } from './ledgers.definitions.js';

const BATCH = 1000;
const numFmts: Partial<Record<NonNullable<LedgerColumn['type']>, string>> = {
  date: 'yyyy-mm-dd',
  money: '#,##0.00',
  int: '0',
  number: '0.0#',
};

/** A date cell value (UTC midnight, as Excel wants it) from 'YYYY-MM-DD' or a driver's Date. */
function excelDate(v: unknown): Date | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return new Date(Date.UTC(v.getFullYear(), v.getMonth(), v.getDate()));
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(v));
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
}

/** One database value as the cell it becomes: labels in Chinese, money in yuan, dates as dates. */
export function cellOf(col: LedgerColumn, v: unknown): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  switch (col.type) {
    case 'date':
      return excelDate(v);
    case 'money':
      return Math.round(Number(v)) / 100;
    case 'int':
    case 'number':
      return Number(v);
    default:
      if (col.labels) return col.labels[String(v)]?.zh ?? String(v);
      return String(v);
  }
}

/** Rows the ledger holds for the filter (all sheets). */
export async function countLedger(db: Db, ledger: Ledger, filter: LedgerFilter): Promise<number> {
  let n = 0;
  for (const s of ledger.sheets) n += await numberOf(db, s.count(filter));
  return n;
}

/**
 * Streams a ledger as .xlsx into `out` with exceljs's WorkbookWriter: rows are read 1,000 at a time and
 * committed as they are written, so memory stays flat however large the ledger. Chinese headers in bold, the
 * header row frozen, dates and money formatted. `onProgress(done, total)` is called after every batch.
 */
export async function writeLedger({
  db,
  ledger,
  filter,
  out,
  onProgress,
}: {
  db: Db;
  ledger: Ledger;
  filter: LedgerFilter;
  out: Writable;
  onProgress?: (done: number, total: number) => Promise<void> | void;
}): Promise<number> {
  const total = onProgress ? await countLedger(db, ledger, filter) : 0;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  wb.creator = 'Jiangxin';
  let done = 0;
  for (const s of ledger.sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = s.columns.map((c) => ({
      header: c.header,
      key: c.key,
      width: c.width ?? 14,
      style: numFmts[c.type ?? 'text'] ? { numFmt: numFmts[c.type ?? 'text'] } : {},
    }));
    const head = ws.getRow(1);
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', horizontal: 'center' };
    head.commit();
    let after = 0;
    for (;;) {
      const rows = await rowsOf<Record<string, unknown> & { id: number }>(db, s.query(filter, after, BATCH));
      for (const r of rows) {
        const values: Record<string, ExcelJS.CellValue> = {};
        for (const c of s.columns) values[c.key] = cellOf(c, r[c.key]);
        ws.addRow(values).commit();
      }
      done += rows.length;
      if (onProgress) await onProgress(done, total);
      if (rows.length < BATCH) break;
      after = rows[rows.length - 1]!.id;
    }
    ws.commit();
  }
  await wb.commit();
  return done;
}
