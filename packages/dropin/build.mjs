// Builds the drop-in: dist/candor.js (a classic script: the core's reading part, the attributes, the
// launcher, the loader), dist/candor-panel.js with its chunks (ES modules: the core's editing part,
// Preact and the widget, loaded on intent from next to candor.js), dist/candor-measuring.js (loaded on
// a site that measures), plus dist/candor.schema.json. Run: node build.mjs
import { build, transform } from 'esbuild'
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { common } from './esbuild-options.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
// Parts the panel's code loads only on a rare view are files of their own: the bar of a page that shows what everyone
// sees, the transfer dialogs (a visitor asks for a link or opens one) and the QR encoder. As chunks, the modules they
// share with the panel would split the panel's files into more requests.
const OWN = { './arrival.js': 'candor-arrival', './transfer-dialog.js': 'candor-transfer', './qr.js': 'candor-qr' }
const ownFiles = {
  name: 'own-files',
  setup(b) {
    // The measuring section stays in the panel's files (src/measure-static.ts says why).
    b.onResolve({ filter: /^\.\/measure-loader\.js$/ }, () => ({ path: here + 'src/measure-static.ts' }))
    b.onResolve({ filter: /^\.\/(arrival|transfer-dialog|qr)\.js$/ }, (a) =>
      a.kind == 'dynamic-import' ? { path: `./${OWN[a.path]}.js`, external: true } : undefined,
    )
  },
}
const dist = here + 'dist/'
const { version } = JSON.parse(await readFile(here + 'package.json', 'utf8'))

await rm(dist, { recursive: true, force: true })
await mkdir(dist, { recursive: true })
await build({
  ...common,
  entryPoints: [here + 'src/boot.ts'],
  outfile: dist + 'candor.js',
  format: 'iife',
  define: { __VERSION__: JSON.stringify(version) },
})
await build({
  ...common,
  plugins: [ownFiles],
  entryPoints: { 'candor-panel': here + 'src/panel.ts' },
  outdir: dist,
  format: 'esm',
  splitting: true,
  chunkNames: 'candor-[name]-[hash]',
})
// candor.js's words in German and French, one small file each, fetched on a page in that language only.
await build({
  ...common,
  entryPoints: { 'candor-strings-de': here + 'src/strings-de.ts', 'candor-strings-fr': here + 'src/strings-fr.ts' },
  outdir: dist,
  format: 'esm',
})
// The words of a catalog's problems, loaded by candor.js only when its catalog has some: one small file, no Preact.
await build({
  ...common,
  entryPoints: { 'candor-catalog-words': here + 'src/catalog-words.ts' },
  outdir: dist,
  format: 'esm',
})
// The shared page's bar; your preferences on another device: the dialogs, and the QR encoder they load to show a code.
await build({
  ...common,
  plugins: [ownFiles],
  entryPoints: {
    'candor-arrival': here + '../widget/src/arrival.ts',
    'candor-transfer': here + '../widget/src/transfer-dialog.ts',
    'candor-qr': here + '../widget/src/qr.ts',
  },
  outdir: dist,
  format: 'esm',
})
// One file of its own: sharing chunks with the panel would split the panel's files for a part most sites don't load.
await build({
  ...common,
  entryPoints: { 'candor-measuring': here + 'src/measuring.ts' },
  outdir: dist,
  format: 'esm',
})
// The CSS in the widget's template strings keeps its comments in the source (they say why a rule is there); the
// minified files don't need them. A comment can only be inside a string here (esbuild drops the code's own), and the
// file is parsed again to be sure nothing else was touched.
for (const f of await readdir(dist)) {
  if (!f.endsWith('.js')) continue
  const code = await readFile(dist + f, 'utf8')
  const lean = code.replace(/(?<!\\)\/\* [^*]*\*\//g, '')
  if (lean == code) continue
  await transform(lean, { loader: 'js', format: f == 'candor.js' ? 'iife' : 'esm', logLevel: 'silent' })
  await writeFile(dist + f, lean)
}
// Each chunk is a request at the panel's first open: a tiny one (an esbuild helper split out) costs more than its bytes.
for (const f of await readdir(dist)) {
  const { size } = await stat(dist + f)
  // The words files are small by nature, and fetched alone, on a page in their language.
  if (f.endsWith('.js') && !f.startsWith('candor-strings-') && size < 512)
    throw new Error(`dist/${f} is ${size} B: a chunk this small costs a request; fold it (see the target above)`)
}
await copyFile(here + '../core/catalog.schema.json', dist + 'candor.schema.json')
console.log('built', dist)
