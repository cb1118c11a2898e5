// Builds the web app into web/dist, served by the service at `/`. In development (`vite` and
// `vite preview`) the API, tiles and fonts are proxied to a running service on SERVICE_URL.

import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vite'

const serviceUrl = process.env.SERVICE_URL ?? 'http://127.0.0.1:3123'
const proxy = Object.fromEntries(['/api', '/tiles', '/fonts'].map((path) => [path, { target: serviceUrl, changeOrigin: false }]))

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
  },
  server: { proxy },
  preview: { proxy },
})
