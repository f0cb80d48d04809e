import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

const nm = (pkgs: string) => new RegExp(`node_modules[\\/](${pkgs})[\\/]`);

/**
 * Vendor chunks, so that vendors cache across releases: React (+ router), TanStack, ECharts. Icons are not grouped:
 * one icons chunk held every icon of every page and loaded with the login page; left to the bundler, each icon
 * lands with the pages that use it.
 * antd is deliberately NOT forced into one group: one antd chunk was 1.2 MB and loaded on the login page, and
 * splitting that group by size broke module order ("Class extends value undefined"). Left to the bundler, antd
 * components land in shared chunks by use, and a component one page uses stays in that page's lazy chunk.
 */
const vendorGroups = [
  {
    name: 'react',
    test: nm('react|react-dom|scheduler|react-router|cookie|set-cookie-parser'),
    priority: 30,
  },
  { name: 'echarts', test: nm('echarts|zrender'), priority: 20 },
  { name: 'libs', test: nm('@tanstack'), priority: 5 },
];

/** Writes brotli and gzip copies of the built text files; the server sends them as they are (preCompressed). */
const precompress = (): Plugin => ({
  name: 'jx-precompress',
  apply: 'build',
  writeBundle(opts, bundle) {
    for (const name of Object.keys(bundle)) {
      if (!/\.(js|css|html|svg|json)$/.test(name)) continue;
      const file = path.join(opts.dir ?? path.join(here, 'dist'), name);
      const buf = fs.readFileSync(file);
      if (buf.length < 1024) continue;
      fs.writeFileSync(`${file}.gz`, zlib.gzipSync(buf, { level: 9 }));
      fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(buf));
    }
  },
});

export default defineConfig({
  root: here,
  plugins: [react(), precompress()],
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: path.join(here, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: { groups: vendorGroups },
      },
    },
  },
});
