import crypto from 'node:crypto';
import type { ImportMapping } from '../../../common/schemas/ledgers.js';
import { AppError } from '../../core/errors.js';
import { type CellValue, loadWorkbook, normHeader, plain } from '../../core/excel.js';
import type { ImportFieldSpec } from './import.kinds.js';

export interface LedgerSheet {
  headerRow: number;
  headers: { col: number; text: string }[];
  /** Data rows below the header, blank rows left out; merged cells carry their master's value. */
  rows: { row: number; cells: Map<number, CellValue> }[];
}

/**
 * Reads the first sheet of a ledger as people keep them: a title or notes above the header, merged cells,
 * blank rows, full-width characters. The header row is the one among the first 30 whose cells match the most
 * field names (or, when none match, the one with the most text cells).
 */
export async function readLedgerSheet(buffer: Buffer, specs: ImportFieldSpec[]): Promise<LedgerSheet> {
  const wb = await loadWorkbook(buffer);
  const ws = wb.worksheets[0];
  if (!ws || ws.rowCount === 0) throw new AppError('imports.invalid_file', 400);
  const known = new Set(specs.flatMap((s) => s.synonyms.map(normHeader)));
  const cellAt = (r: number, c: number): CellValue => {
    const cell = ws.getRow(r).getCell(c);
    return plain(cell.isMerged ? cell.master.value : cell.value);
  };
  let best = { row: 0, score: -1, texts: -1 };
  for (let r = 1; r <= Math.min(ws.rowCount, 30); r++) {
    let score = 0;
    let texts = 0;
    const seen = new Set<string>();
    ws.getRow(r).eachCell((cell) => {
      // A merged title spans many columns: count it once.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const v = plain(cell.value);
      if (typeof v !== 'string') return;
      texts++;
      const n = normHeader(v);
      if (known.has(n) && !seen.has(n)) {
        seen.add(n);
        score++;
      }
    });
    if (score > best.score || (score === best.score && best.score === 0 && texts > best.texts))
      best = { row: r, score, texts };
  }
  if (best.row === 0) throw new AppError('imports.invalid_file', 400);
  const headers: LedgerSheet['headers'] = [];
  const width = ws.columnCount;
  for (let c = 1; c <= width; c++) {
    const v = cellAt(best.row, c);
    if (v !== null)
      headers.push({ col: c, text: String(v instanceof Date ? v.toISOString().slice(0, 10) : v).trim() });
  }
  const rows: LedgerSheet['rows'] = [];
  for (let r = best.row + 1; r <= ws.rowCount; r++) {
    const cells = new Map<number, CellValue>();
    for (const h of headers) {
      const v = cellAt(r, h.col);
      if (v !== null) cells.set(h.col, v);
    }
    if (cells.size > 0) rows.push({ row: r, cells });
  }
  return { headerRow: best.row, headers, rows };
}

/** The key of a header layout: the same columns under the same names give the same hash. */
export function headerHash(kind: string, headers: { col: number; text: string }[]): string {
  const text = headers.map((h) => `${h.col}:${normHeader(h.text)}`).join('|');
  return crypto.createHash('sha256').update(`${kind}\n${text}`).digest('hex');
}

/** A first guess at the mapping: each field to the first header matching one of its names. */
export function suggestMapping(
  specs: ImportFieldSpec[],
  headers: { col: number; text: string }[],
): ImportMapping {
  const out: ImportMapping = {};
  const used = new Set<number>();
  for (const s of specs) {
    const names = new Set(s.synonyms.map(normHeader));
    const h = headers.find((x) => !used.has(x.col) && names.has(normHeader(x.text)));
    out[s.key] = h ? h.col : null;
    if (h) used.add(h.col);
  }
  return out;
}

/** Field errors of a mapping: required fields unmapped, a column used twice, a column not in the header. */
export function mappingProblems(
  specs: ImportFieldSpec[],
  headers: { col: number; text: string }[],
  mapping: ImportMapping,
): Record<string, string> {
  const out: Record<string, string> = {};
  const cols = new Set(headers.map((h) => h.col));
  const used = new Map<number, string>();
  for (const s of specs) {
    const c = mapping[s.key] ?? null;
    if (c === null) {
      if (s.required) out[s.key] = `请为“${s.label}”选择对应的列`;
      continue;
    }
    if (!cols.has(c)) out[s.key] = '所选列不在表头中';
    else if (used.has(c)) out[s.key] = `与“${used.get(c)}”选择了同一列`;
    else used.set(c, s.label);
  }
  return out;
}
