import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The browser game. `base: './'` makes the built dist/ work from any static host or sub-path;
 * Phaser goes in its own chunk so game-code changes do not invalidate the large, rarely-changing library.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  // Phaser's sources reference a Node-style `global`.
  define: { global: 'globalThis' },
  server: { host: '127.0.0.1', port: 5173, open: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The Phaser chunk alone is ~1.4 MB raw (~360 kB gzip); warn only above that.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      input: fileURLToPath(new URL('./index.html', import.meta.url)),
      output: {
        // Vite 8 bundles with Rolldown: `codeSplitting.groups` replaces Rollup's `manualChunks`.
        codeSplitting: {
          groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/, priority: 10 }],
        },
      },
    },
  },
});
