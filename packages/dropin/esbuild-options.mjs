// How the drop-in's files are built, shared by build.mjs and scripts/inputs.mjs (which must measure the same build).
import { fileURLToPath } from 'node:url'

export const common = {
  bundle: true,
  minify: true,
  // es2022 keeps class fields as written: lowering them put a 180-byte helper in a chunk of its own, one more request at the panel's first open.
  target: 'es2022',
  conditions: ['@candor/source'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
}

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

/**
 * The builds of the drop-in's files into `dist`: `page` (candor.js), `later` (the files it loads that take what it has
 * from it, see shared.mjs) and `alone` (the files that take nothing from it).
 */
export const builds = (dist, version) => {
  const esm = { ...common, outdir: dist, format: 'esm' }
  const page = { ...common, entryPoints: [here + 'src/boot.ts'], outfile: dist + 'candor.js', format: 'iife', define: { __VERSION__: JSON.stringify(version) } }
  const panel = { ...esm, plugins: [ownFiles], entryPoints: { 'candor-panel': here + 'src/panel.ts' }, splitting: true, chunkNames: 'candor-[name]-[hash]' }
  // One file of its own: sharing chunks with the panel would split the panel's files for a part most sites don't load.
  const measuring = { ...esm, entryPoints: { 'candor-measuring': here + 'src/measuring.ts' } }
  // The words of a catalog's problems, loaded by candor.js only when its catalog has some: one small file, no Preact.
  const catalogWords = { ...esm, entryPoints: { 'candor-catalog-words': here + 'src/catalog-words.ts' } }
  // The shared page's bar; your preferences on another device: the dialogs, and the QR encoder they load to show a code.
  // They take nothing from candor.js: what they use of it is small, and reading it from the array cost more than it saved.
  const own = {
    ...esm,
    plugins: [ownFiles],
    entryPoints: {
      'candor-arrival': here + '../widget/src/arrival.ts',
      'candor-transfer': here + '../widget/src/transfer-dialog.ts',
      'candor-qr': here + '../widget/src/qr.ts',
    },
  }
  // candor.js's words in German and French, one small file each, fetched on a page in that language only.
  const strings = { ...esm, entryPoints: { 'candor-strings-de': here + 'src/strings-de.ts', 'candor-strings-fr': here + 'src/strings-fr.ts' } }
  return { page, later: [panel, measuring], alone: [catalogWords, own, strings] }
}
