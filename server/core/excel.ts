import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { AppError } from './errors.js';

/** What an uploaded workbook may unpack to in all: far above a real 20 MB ledger, far below a zip bomb. */
export const MAX_UNPACKED_BYTES = 128 * 1024 * 1024;

/**
 * Refuses a zip whose entries inflate to more than `max` bytes, before any parser sees it. Each entry is
 * actually inflated with an output cap (declared sizes in the headers can lie), so memory stays bounded.
 */
export function assertZipUnpacksWithin(buffer: Buffer, max = MAX_UNPACKED_BYTES) {
  const invalid = () => new AppError('imports.invalid_file', 400);
  let eocd = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 65_557); i--)
    if (buffer.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw invalid();
  const entries = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== 0x02014b50) throw invalid();
    const method = buffer.readUInt16LE(p + 10);
    const compressed = buffer.readUInt32LE(p + 20);
    const local = buffer.readUInt32LE(p + 42);
    p += 46 + buffer.readUInt16LE(p + 28) + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== 0x04034b50) throw invalid();
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (start + compressed > buffer.length) throw invalid();
    const data = buffer.subarray(start, start + compressed);
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += zlib.inflateRawSync(data, { maxOutputLength: max - total + 1 }).length;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') total = max + 1;
        else throw invalid();
      }
    } else throw invalid();
    if (total > max) throw new AppError('imports.unpacked_too_large', 413);
  }
}

export type CellValue = string | number | Date | null;

export interface ColumnSpec {
  /** Header texts that mean this column (compared after normalising spaces, marks and width). */
  headers: string[];
  required?: boolean;
}

export interface SheetRow<K extends string> {
  /** 1-based row number as Excel shows it. */
  row: number;
  values: Record<K, CellValue>;
}

/** Full-width ASCII (ｑ１２３．) → half-width; ideographic space → space. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/** A header text compared loosely: half-width, no spaces, marks or bracketed notes, lower case. */
export function normHeader(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s*＊:：]/g, '')
    .replace(/\(.*?\)|（.*?）/g, '')
    .toLowerCase();
}

/** A cell's value as plain data: rich text and formulas flattened, full-width folded, blank text as null. */
export function plain(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') {
    const s = toHalfWidth(v).trim();
    return s === '' ? null : s;
  }
  if (typeof v === 'object') {
    if ('richText' in v) return plain(v.richText.map((t) => t.text).join(''));
    if ('result' in v) return plain((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('text' in v) return plain((v as ExcelJS.CellHyperlinkValue).text);
    if ('error' in v) return null;
  }
  return String(v);
}

/** Loads a workbook from bytes, turning any parse failure into `imports.invalid_file`. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  assertZipUnpacksWithin(buffer);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    throw new AppError('imports.invalid_file', 400);
  }
  return wb;
}

/**
 * Reads the first worksheet of a ledger the way people actually keep them: the header row may sit
 * below a title, columns come in any order under synonymous names, merged cells repeat their value,
 * blank rows are skipped, full-width characters are folded.
 */
export async function readSheet<K extends string>(
  buffer: Buffer,
  columns: Record<K, ColumnSpec>,
): Promise<{ rows: SheetRow<K>[]; headerRow: number }> {
  const wb = await loadWorkbook(buffer);
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('imports.invalid_file', 400);
  const keys = Object.keys(columns) as K[];
  const wanted = new Map<string, K>();
  for (const k of keys) for (const h of columns[k].headers) wanted.set(normHeader(h), k);

  let headerRow = 0;
  let colOf: Partial<Record<K, number>> = {};
  const required = keys.filter((k) => columns[k].required);
  // The row that came closest to a header, to name only the columns really missing.
  let closest: Partial<Record<K, number>> = {};
  const scan = Math.min(ws.rowCount, 30);
  for (let r = 1; r <= scan && !headerRow; r++) {
    const found: Partial<Record<K, number>> = {};
    ws.getRow(r).eachCell((cell, c) => {
      const text = plain(cell.value);
      if (typeof text !== 'string') return;
      const k = wanted.get(normHeader(text));
      if (k && found[k] === undefined) found[k] = c;
    });
    const have = required.filter((k) => found[k] !== undefined).length;
    if (have > required.filter((k) => closest[k] !== undefined).length) closest = found;
    if (have === required.length) {
      headerRow = r;
      colOf = found;
    }
  }
  if (!headerRow) {
    const missing = required.filter((k) => closest[k] === undefined).map((k) => columns[k].headers[0]);
    throw new AppError('imports.missing_columns', 400, { columns: missing });
  }

  const rows: SheetRow<K>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values = {} as Record<K, CellValue>;
    let any = false;
    for (const k of keys) {
      const c = colOf[k];
      if (c === undefined) {
        values[k] = null;
        continue;
      }
      const cell = row.getCell(c);
      const v = plain(cell.isMerged ? cell.master.value : cell.value);
      values[k] = v;
      if (v !== null) any = true;
    }
    if (any) rows.push({ row: r, values });
  }
  return { rows, headerRow };
}

/** Cell → trimmed string or null. Numbers print without a trailing `.0`. */
export function cellText(v: CellValue): string | null {
  if (v === null) return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim() || null;
}

/** Cell → integer or null; `undefined` when the text is not a whole number. */
export function cellInt(v: CellValue): number | null | undefined {
  if (v === null) return null;
  const text = typeof v === 'number' ? '' : String(v).replace(/[,，\s]/g, '');
  if (typeof v !== 'number' && text === '') return null; // Number('') would be 0
  const n = typeof v === 'number' ? v : Number(text);
  return Number.isInteger(n) ? n : undefined;
}

/** Matches a cell against labels `{ key: { zh, en } }`, accepting the key itself, the Chinese or the English label. */
export function cellEnum<T extends string>(
  v: CellValue,
  labels: Record<T, { zh: string; en: string }>,
): T | null | undefined {
  const s = cellText(v);
  if (s === null) return null;
  const lower = s.toLowerCase();
  for (const [k, l] of Object.entries(labels) as [T, { zh: string; en: string }][]) {
    if (
      k.toLowerCase() === lower ||
      l.zh === s ||
      l.en.toLowerCase() === lower ||
      l.zh.split('/').includes(s)
    )
      return k;
  }
  return undefined;
}

/** Builds an .xlsx with a frozen, bold header row: the shape every template and ledger download shares. */
export async function buildWorkbook(
  sheets: { name: string; headers: string[]; rows: CellValue[][]; widths?: number[] }[],
) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jiangxin';
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(s.headers).font = { bold: true };
    for (const r of s.rows) ws.addRow(r);
    s.headers.forEach((h, i) => {
      ws.getColumn(i + 1).width = s.widths?.[i] ?? Math.max(10, h.length * 2 + 4);
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One column of a list export: its header in both languages and how a row gives its cell. */
export interface ListColumn<T> {
  zh: string;
  en: string;
  width?: number;
  value: (row: T, lang: 'zh' | 'en') => CellValue;
}

/**
 * The list a page shows, as an .xlsx: pages through `fetchPage` with the page's own filters (so the file holds
 * exactly what the list holds, every page of it, up to `max` rows) and writes the columns' cells.
 */
export async function exportList<T, Q extends { page: number; pageSize: number }>(opts: {
  sheet: { zh: string; en: string };
  lang: 'zh' | 'en';
  columns: ListColumn<T>[];
  query: Q;
  fetchPage: (query: Q) => Promise<{ items: T[]; total: number }>;
  max?: number;
}): Promise<Buffer> {
  const max = opts.max ?? 50_000;
  const rows: CellValue[][] = [];
  for (let page = 1; rows.length < max; page++) {
    const { items, total } = await opts.fetchPage({ ...opts.query, page, pageSize: 200 });
    for (const item of items) rows.push(opts.columns.map((c) => c.value(item, opts.lang)));
    if (items.length === 0 || page * 200 >= total) break;
  }
  return buildWorkbook([
    {
      name: opts.sheet[opts.lang],
      headers: opts.columns.map((c) => c[opts.lang]),
      widths: opts.columns.map((c) => c.width ?? 14),
      rows,
    },
  ]);
}

/** Fen → yuan as a number for a spreadsheet cell. */
export const yuan = (fen: number | null | undefined): number | null => (fen == null ? null : fen / 100);
