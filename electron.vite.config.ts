import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The calendar reader runs in a worker thread: its own entry, found next to index.js (icsInWorker.ts).
        input: { index: resolve('src/main/index.ts'), icsWorker: resolve('src/main/core/interop/icsWorker.ts') },
      },
    },
  },
  preload: {
    // A sandboxed preload must be CommonJS.
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    // Minified: the initial JavaScript is measured by `npm run bench -- renderer` (renderer.initialJs.gzipKB).
    build: { outDir: 'out/renderer', minify: true, rollupOptions: { input: { index: resolve('src/renderer/index.html') } } },
    plugins: [react()],
  },
});
