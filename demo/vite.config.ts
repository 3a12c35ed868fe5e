import { defineConfig } from 'vite'

// The demo runs on the packages' source, so edits show without a build.
export default defineConfig({
  resolve: { conditions: ['@candor/source'] },
  server: { open: false },
})
