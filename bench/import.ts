/**
 * The ledger import at scale: a studios ledger of `--rows` rows (default 100k) uploaded, dry-run checked and applied
 * as a background job through the API of our real server, as the top admin. Adds the studios to the database, so
 * run it after the load benchmark (the next `generate --reset` empties it again).
 *   npx tsx bench/import.ts --url postgres://… --set national --scale 0.01 [--rows 100000]
 *   npx tsx bench/import.ts --pglite bench/out/pglite-group --set group --scale 0.1 [--rows 10000]
 * (--pglite: a directory loaded by `bench/generate.ts --pglite`, served by the embedded database instead.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { type DataSetName, dataSets, layoutOf, scaledSize } from './data.js';
import { startProcess, stopProcess } from './measure.js';
import { loginAll } from './scenarios.js';

const root = path.resolve(import.meta.dirname, '..');
const { values: o } = parseArgs({
  options: {
    url: { type: 'string' },
    pglite: { type: 'string' },
    set: { type: 'string', default: 'national' },
    scale: { type: 'string', default: '1' },
    rows: { type: 'string', default: '100000' },
    port: { type: 'string', default: '3102' },
    label: { type: 'string', default: 'import' },
  },
});
const size = scaledSize(dataSets[o.set as DataSetName], Number(o.scale));
const l = layoutOf(size);
const rows = Number(o.rows);
const base = `http://127.0.0.1:${o.port}`;

const t0 = Date.now();
const wb = new ExcelJS.Workbook();
const ws = wb.addWorksheet('工作室台账');
ws.addRow(['序号', '工作室名称', '依托单位编码', '类型', '专业领域', '成立时间']);
const stamp = Date.now().toString(36);
for (let i = 1; i <= rows; i++)
  ws.addRow([
    i,
    `导入压测工作室${stamp}-${i}`,
    `O${l.firstWorkshop + (i % l.workshops)}`,
    '职工',
    '数控加工',
    '2021-06-01',
  ]);
const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
const buildS = (Date.now() - t0) / 1000;

const server = await startProcess({
  cmd: process.execPath,
  args: ['--import', 'tsx', path.join(root, 'bench/server.ts')],
  env: {
    ...(o.pglite
      ? { BENCH_PGLITE_DIR: path.resolve(o.pglite), BENCH_DATABASE_URL: '' }
      : { BENCH_DATABASE_URL: o.url ?? process.env.BENCH_DATABASE_URL ?? '' }),
    PORT: String(o.port),
    NODE_ENV: 'production',
    MAX_UPLOAD_MB: '100',
  },
});
try {
  const admin = (await loginAll(base, size)).find((s) => s.user.use === 'nation')!;
  const headers = { cookie: admin.cookie, 'x-csrf-token': admin.csrf };
  const json = async (res: Response) => {
    const body = await res.text();
    if (!res.ok) throw new Error(`${res.url}: ${res.status} ${body.slice(0, 500)}`);
    return JSON.parse(body);
  };
  const timed = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
    const s = Date.now();
    const v = await f();
    return [v, (Date.now() - s) / 1000];
  };
  const form = new FormData();
  form.append('file', new Blob([xlsx]), '工作室台账.xlsx');
  const [batch, uploadS] = await timed(() =>
    fetch(`${base}/api/ledgers/imports?kind=studios&orgId=1`, { method: 'POST', headers, body: form }).then(
      json,
    ),
  );
  const [check, checkS] = await timed(() =>
    fetch(`${base}/api/ledgers/imports/${batch.id}/check`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ mapping: batch.mapping }),
    }).then(json),
  );
  if (check.errors?.length)
    throw new Error(`dry run found errors: ${JSON.stringify(check.errors.slice(0, 3))}`);
  const [job, applyS] = await timed(async () => {
    const j = await fetch(`${base}/api/ledgers/imports/${batch.id}/jobs`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: '{}',
    }).then(json);
    for (;;) {
      const s = await fetch(`${base}/api/jobs/${j.id}`, { headers }).then(json);
      if (s.status === 'done' || s.status === 'failed') return s;
      await new Promise((r) => setTimeout(r, 500));
    }
  });
  const total = uploadS + checkS + applyS;
  const md = [
    `### Ledger import: ${rows.toLocaleString('en')} studios (${(xlsx.length / 2 ** 20).toFixed(1)} MB xlsx, ${o.pglite ? 'PGlite' : 'PostgreSQL'})`,
    '',
    '| step | seconds |',
    '|---|---|',
    `| build the xlsx (not part of the import) | ${buildS.toFixed(1)} |`,
    `| upload (read the sheet, guess the mapping) | ${uploadS.toFixed(1)} |`,
    `| dry run (check every row) | ${checkS.toFixed(1)} |`,
    `| apply as a job (${job.status}${job.error ? `: ${job.error}` : ''}) | ${applyS.toFixed(1)} |`,
    `| **upload + check + apply** | **${total.toFixed(1)}** (target ≤ 60) |`,
    '',
  ].join('\n');
  fs.mkdirSync(path.join(root, 'bench/out'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench/out', `${o.label}.md`), md);
  console.log(md);
} finally {
  await stopProcess(server);
}
