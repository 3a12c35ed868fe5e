import { defineConfig } from 'vite'

// Library build: ESM; preact, signals and the core stay external so an app's bundler dedupes them.
export default defineConfig({
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { conditions: ['@candor/source'] },
  build: {
    lib: { entry: { index: 'src/index.ts', lazy: 'src/lazy.ts', internal: 'src/internal.ts' }, formats: ['es'] },
    rollupOptions: { external: [/^preact/, /^@preact\//, /^@candor\//] },
    minify: false,
    sourcemap: true,
    target: 'es2020',
  },
})
