import { defineConfig } from 'vite'

// Library build: one ESM file; dependencies stay external so a bundler dedupes them.
export default defineConfig({
  build: {
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'index.js' },
    rollupOptions: { external: ['idb-keyval', '@preact/signals-core'] },
    minify: false,
    sourcemap: true,
    target: 'es2020',
  },
})
