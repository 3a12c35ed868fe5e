import { defineConfig } from 'vite'

// Library build: ESM, one file per entry (shared code in chunks); dependencies stay external so a bundler dedupes them.
export default defineConfig({
  build: {
    lib: {
      entry: {
        index: 'src/index.ts',
        startup: 'src/startup.ts',
        'catalog-words': 'src/catalog-words.ts',
        editing: 'src/editing.ts',
        measuring: 'src/measuring.ts',
        testing: 'src/testing.ts',
        rank: 'src/rank.ts',
        internal: 'src/internal.ts',
      },
      formats: ['es'],
      fileName: (_, name) => name + '.js',
    },
    rollupOptions: { external: ['idb-keyval', '@preact/signals-core'] },
    minify: false,
    sourcemap: true,
    target: 'es2020',
  },
})
