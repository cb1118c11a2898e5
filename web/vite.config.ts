// Builds the web app into web/dist, served by the service at `/`, and the embeddable map into
// web/dist/embed.html, served at `/embed/:id` and `/embed?...`. In development (`vite` and
// `vite preview`) the API, tiles and fonts are proxied to a running service on SERVICE_URL.

import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const serviceUrl = process.env.SERVICE_URL ?? 'http://127.0.0.1:3123'
// `/v/:id` is a saved view: the service redirects it to `/?<state>`, which Vite then serves.
const proxy = Object.fromEntries(['/api', '/tiles', '/fonts', '^/v/'].map((path) => [path, { target: serviceUrl, changeOrigin: false }]))

export default defineConfig({
  // The web/ folder, wherever vite is started from (`npx vite build --config web/vite.config.ts`).
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // Resolved against `root`: web/dist, emptied on each build.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // MapLibre alone is ~1 MB minified; splitting it gains nothing for a single-page tool.
    chunkSizeWarningLimit: 1500,
    // Two pages sharing the map code: the app and the embed (just the map, for iframes).
    rollupOptions: {
      input: {
        index: fileURLToPath(new URL('./index.html', import.meta.url)),
        embed: fileURLToPath(new URL('./embed.html', import.meta.url)),
      },
      // The code both pages share (MapLibre, the style, the map state) gets a name that says so.
      output: { manualChunks: (id: string) => (id.includes('/node_modules/maplibre-gl/') ? 'maplibre-gl' : undefined) },
    },
  },
  resolve: {
    // The RTL text plugin's package exports only its ES module source; MapLibre's worker needs
    // the UMD build in dist/, which this alias makes importable (as a `?url` asset).
    alias: [{ find: '@mapbox/mapbox-gl-rtl-text/dist/', replacement: fileURLToPath(new URL('../node_modules/@mapbox/mapbox-gl-rtl-text/dist/', import.meta.url)) }],
  },
  server: { proxy },
  preview: { proxy },
})
