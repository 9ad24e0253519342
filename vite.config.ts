import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { cspPlugin } from './scripts/vite-csp.ts';
import { scenariosPlugin } from './scripts/vite-scenarios.ts';

const PHASER_CORE = fileURLToPath(new URL('./node_modules/phaser/src/phaser-core.js', import.meta.url));

/**
 * Phaser's sources reference a Node-style `global` and read these build-time feature flags. Canvas only:
 * the WebGL renderer adds ~55 kB gzip and the game draws flat shapes and text.
 */
const PHASER_FLAGS = {
  global: 'globalThis',
  'typeof CANVAS_RENDERER': 'true',
  'typeof WEBGL_RENDERER': 'false',
  'typeof WEBGL_DEBUG': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
};

/**
 * The browser game. `base: './'` makes the built dist/ work from any static host or sub-path.
 * Phaser is trimmed: `phaser` resolves to Phaser's own core entry (no physics, tilemaps, particles, …)
 * with its feature flags set, which is about half the stock bundle; it stays in its own chunk so
 * game-code changes do not invalidate it. Built-in scenarios are compiled to JSON by `scenariosPlugin`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  plugins: [scenariosPlugin(), cspPlugin()],
  resolve: { alias: [{ find: /^phaser$/, replacement: PHASER_CORE }] },
  define: PHASER_FLAGS,
  // The dev server pre-bundles Phaser separately; it needs the same flags (else WebGL debug code loads).
  optimizeDeps: { rolldownOptions: { transform: { define: PHASER_FLAGS } } },
  server: { host: '127.0.0.1', port: 5173, open: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1000,
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
