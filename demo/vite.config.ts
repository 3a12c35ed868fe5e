import { resolve } from 'node:path'
import { defineConfig } from 'vite'

// The demo runs on the packages' source, so edits show without a build.
export default defineConfig({
  resolve: { conditions: ['@candor/source'] },
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: { rollupOptions: { input: { front: resolve(__dirname, 'index.html'), privacy: resolve(__dirname, 'privacy.html') } } },
})
