import { type CellValue, toHalfWidth } from '../../core/excel.js';

/** Pure parsing of messy ledger cells: dates written many ways, amounts in 元 or 万元, full-width digits. */

function isoOf(y: number, m: number, d: number): string | undefined {
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || dt.getUTCMonth() !== m - 1 || dt.getUTCDate() !== d) return undefined;
  return dt.toISOString().slice(0, 10);
}

/**
 * A date cell → YYYY-MM-DD; null when blank; undefined when it is not a date. Accepts real dates, Excel serial
 * numbers, 2023-05-01, 2023/5/1, 2023.05.01, 2023年5月1日, and month-only 2023年5月 / 2023.05 / 2023-05
 * (the first of the month), and a bare year 2023 (1 January).
 */
export function parseLedgerDate(v: CellValue): string | null | undefined {
  if (v === null) return null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1900 && v <= 2100) return `${v}-01-01`;
    if (v > 20_000 && v < 80_000)
      return new Date(Math.round((v - 25_569) * 86_400_000)).toISOString().slice(0, 10);
    return undefined;
  }
  const s = toHalfWidth(String(v)).replace(/\s+/g, '');
  if (!s) return null;
  const m = /^(\d{4})(?:[年.\-/](\d{1,2})(?:[月.\-/](\d{1,2})日?|月)?)?年?$/.exec(s);
  if (!m) return undefined;
  return isoOf(Number(m[1]), m[2] ? Number(m[2]) : 1, m[3] ? Number(m[3]) : 1);
}

/** Whether a header says its amounts are in 万元 (e.g. “经济效益（万元）”). */
export function headerInWan(header: string): boolean {
  return /万元/.test(header);
}

/**
 * An amount cell → fen (integer); null when blank; undefined when not an amount. `wan` is true when the
 * column is in 万元; a cell may also say so itself (“12.5万”). ¥, 元, thousands separators are ignored.
 */
export function parseAmountFen(v: CellValue, wan: boolean): number | null | undefined {
  if (v === null) return null;
  let factor = wan ? 10_000 : 1;
  let n: number;
  if (typeof v === 'number') n = v;
  else if (v instanceof Date) return undefined;
  else {
    let s = toHalfWidth(String(v)).replace(/[\s,，¥￥]/g, '');
    if (!s) return null;
    if (/万元?$/.test(s)) {
      factor = 10_000;
      s = s.replace(/万元?$/, '');
    } else s = s.replace(/元$/, '');
    if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
    n = Number(s);
  }
  if (!Number.isFinite(n) || n < 0) return undefined;
  return Math.round(n * factor * 100);
}

/** An integer cell (full-width digits folded); null when blank; undefined when not a whole number. */
export function parseWhole(v: CellValue): number | null | undefined {
  if (v === null) return null;
  const n = typeof v === 'number' ? v : Number(toHalfWidth(String(v)).replace(/[,，\s]/g, ''));
  return Number.isInteger(n) ? n : undefined;
}

/** Matches a cell to a key by its labels and extra synonyms (劳模 → modelWorker); undefined when unknown. */
export function parseChoice<T extends string>(
  v: CellValue,
  choices: Record<T, string[]>,
): T | null | undefined {
  if (v === null) return null;
  const s = toHalfWidth(String(v)).replace(/\s+/g, '').toLowerCase();
  if (!s) return null;
  for (const [k, words] of Object.entries(choices) as [T, string[]][]) {
    if (k.toLowerCase() === s || words.some((w) => w.toLowerCase() === s)) return k;
  }
  return undefined;
}
