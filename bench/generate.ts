/**
 * Loads a benchmark data set through COPY.
 *   npx tsx bench/generate.ts --set national|group [--scale 0.01] [--seed 1]
 *     [--url postgres://postgres@127.0.0.1:5432/jx_bench [--reset]] | [--pglite bench/out/pglite-group]
 */
import { parseArgs } from 'node:util';
import { type DataSetName, dataSets, scaledSize } from './data.js';
import { loadPglite, loadPostgres } from './loader.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'national' },
    scale: { type: 'string', default: '1' },
    seed: { type: 'string', default: '1' },
    url: { type: 'string' },
    pglite: { type: 'string' },
    reset: { type: 'boolean', default: false },
  },
});
const set = values.set as DataSetName;
if (!(set in dataSets)) throw new Error(`--set must be one of ${Object.keys(dataSets).join(', ')}`);
const size = scaledSize(dataSets[set], Number(values.scale));
const seed = Number(values.seed);
const log = (s: string) => console.log(s);
console.log(`data set ${set} × ${values.scale} (seed ${seed}):`, JSON.stringify(size));
if (values.pglite) await loadPglite({ dir: values.pglite, size, seed, log });
else {
  const url = values.url ?? process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('pass --url postgres://… (or BENCH_DATABASE_URL) or --pglite DIR');
  await loadPostgres({ url, size, seed, reset: values.reset, log });
}
