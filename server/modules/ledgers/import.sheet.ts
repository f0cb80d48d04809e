import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
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

/** Bump when readLedgerSheet reads differently: older cached sheets are then read again from the file. */
const SHEET_CACHE_VERSION = 1;

type CachedCell = string | number | { d: string } | null;
interface CachedSheet {
  headerRow: number;
  headers: LedgerSheet['headers'];
  rows: [number, [number, CachedCell][]][];
}

const cachePath = (dataDir: string, sha256: string, kind: string) =>
  path.join(
    dataDir,
    'ledger-sheets',
    sha256.slice(0, 2),
    `${sha256}.${kind}.v${SHEET_CACHE_VERSION}.json.gz`,
  );

/**
 * The ledger stored under `sha256` as read for `kind`: read once with readLedgerSheet (8 s for 100k rows) and
 * kept beside the file store as gzipped JSON, so the dry run and the apply reload it in a fraction of that.
 */
export async function cachedLedgerSheet({
  dataDir,
  sha256,
  kind,
  specs,
  read,
}: {
  dataDir: string;
  sha256: string;
  kind: string;
  specs: ImportFieldSpec[];
  read: () => Buffer;
}): Promise<LedgerSheet> {
  const file = cachePath(dataDir, sha256, kind);
  if (fs.existsSync(file)) {
    try {
      const c = JSON.parse(zlib.gunzipSync(fs.readFileSync(file)).toString('utf8')) as CachedSheet;
      return {
        headerRow: c.headerRow,
        headers: c.headers,
        rows: c.rows.map(([row, cells]) => ({
          row,
          cells: new Map(
            cells.map(([col, v]) => [col, v !== null && typeof v === 'object' ? new Date(v.d) : v]),
          ),
        })),
      };
    } catch {
      // A damaged cache is read again from the file below.
    }
  }
  const sheet = await readLedgerSheet(read(), specs);
  saveLedgerSheet({ dataDir, sha256, kind, sheet });
  return sheet;
}

/** Keeps a ledger's parsed rows for cachedLedgerSheet (written whole under a temp name, then renamed). */
export function saveLedgerSheet({
  dataDir,
  sha256,
  kind,
  sheet,
}: {
  dataDir: string;
  sha256: string;
  kind: string;
  sheet: LedgerSheet;
}) {
  const file = cachePath(dataDir, sha256, kind);
  const c: CachedSheet = {
    headerRow: sheet.headerRow,
    headers: sheet.headers,
    rows: sheet.rows.map((r) => [
      r.row,
      [...r.cells].map(([col, v]) => [col, v instanceof Date ? { d: v.toISOString() } : v]),
    ]),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(tmp, zlib.gzipSync(JSON.stringify(c), { level: 1 }));
  fs.renameSync(tmp, file);
}

/** Forgets a ledger's parsed rows once applied (another batch of the same file reads the workbook again). */
export function dropLedgerSheet({
  dataDir,
  sha256,
  kind,
}: {
  dataDir: string;
  sha256: string;
  kind: string;
}) {
  fs.rmSync(cachePath(dataDir, sha256, kind), { force: true });
}
