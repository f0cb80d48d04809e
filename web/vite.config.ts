import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

const nm = (pkgs: string) => new RegExp(`node_modules[\\/](${pkgs})[\\/]`);

/**
 * Vendor chunks, so that vendors cache across releases: React (+ router), icons, TanStack, ECharts (later).
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
  { name: 'antd-icons', test: nm('@ant-design[\\/]icons(-svg)?'), priority: 15 },
  { name: 'libs', test: nm('@tanstack'), priority: 5 },
];

export default defineConfig({
  root: here,
  plugins: [react()],
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
