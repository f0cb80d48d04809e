// Temporary local server for screenshots (not part of the project): API from buildApp, web from /tmp/jx-web-dist.
import fs from 'node:fs';
import path from 'node:path';
import { buildApp } from './server/app.js';
import { openDatabase } from './server/core/db.js';

const dist = '/tmp/jx-web-dist';
const database = await openDatabase({ dataDir: '/tmp/jx-demo' });
const app = await buildApp({ database, config: { dataDir: '/tmp/jx-demo' } });
const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.html': 'text/html',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
app.addHook('onRequest', async (req, reply) => {
  if (req.url.startsWith('/api/')) return;
  const p = path.join(dist, decodeURIComponent(req.url.split('?')[0]!));
  const file = fs.existsSync(p) && fs.statSync(p).isFile() ? p : path.join(dist, 'index.html');
  return reply.type(types[path.extname(file)] ?? 'application/octet-stream').send(fs.readFileSync(file));
});
await app.listen({ port: 3177, host: '127.0.0.1' });
console.log('listening 3177');
