// Builds the drop-in: dist/candor.js (a classic script: the core, the attributes, the loader) and
// dist/candor-panel.js with its chunks (ES modules: Preact and the widget, loaded lazily from
// next to candor.js), plus dist/candor.schema.json. Run: node build.mjs
import { build } from 'esbuild'
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'

const here = fileURLToPath(new URL('.', import.meta.url))
const dist = here + 'dist/'
const { version } = JSON.parse(await readFile(here + 'package.json', 'utf8'))
const common = {
  bundle: true,
  minify: true,
  target: 'es2020',
  conditions: ['@candor/source'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
}

// The panel shares candor.js's copy of @preact/signals-core, so the widget tracks the core's signals.
const sharedSignals = {
  name: 'shared-signals-core',
  setup(b) {
    b.onResolve({ filter: /^@preact\/signals-core$/ }, () => ({ path: 'signals-core', namespace: 'candor-shared' }))
    b.onLoad({ filter: /.*/, namespace: 'candor-shared' }, () => ({
      contents: `const m = globalThis[Symbol.for('candor.signals-core')]
export const { Signal, Computed, Effect, signal, computed, effect, batch, untracked, action, createModel } = m`,
      loader: 'js',
    }))
  },
}

await rm(dist, { recursive: true, force: true })
await mkdir(dist, { recursive: true })
await build({
  ...common,
  entryPoints: [here + 'src/candor.ts'],
  outfile: dist + 'candor.js',
  format: 'iife',
  define: { __VERSION__: JSON.stringify(version) },
})
await build({
  ...common,
  entryPoints: { 'candor-panel': here + 'src/panel.ts' },
  outdir: dist,
  format: 'esm',
  splitting: true,
  chunkNames: 'candor-[name]-[hash]',
  plugins: [sharedSignals],
})
await copyFile(here + '../core/catalog.schema.json', dist + 'candor.schema.json')
console.log('built', dist)
