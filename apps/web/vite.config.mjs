// Vite build of the dashboard into dist/apps/web, served by the API under /app.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/web', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    // ECharts (tree-shaken) is most of the bundle; one file is fine for an internal tool.
    chunkSizeWarningLimit: 1500,
  },
});
