// How the drop-in's files are built, shared by build.mjs and scripts/inputs.mjs (which must measure the same build).
import { readFileSync } from 'node:fs'
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
// The languages Candor ships, as languages.ts lists them (read, not imported: it is TypeScript).
const listed = /LANGUAGES = '([^']+)'\.split\(' '\)/.exec(readFileSync(here + '../widget/src/languages.ts', 'utf8'))
if (!listed) throw new Error("widget/src/languages.ts: keep LANGUAGES written as 'en de …'.split(' '), which the drop-in's build reads")
const LANGUAGES = listed[1].split(' ')
// Parts the panel's code loads only on a rare view are files of their own: the bar of a page that shows what everyone
// sees, the transfer dialogs (a visitor asks for a link or opens one) and the QR encoder. As chunks, the modules they
// share with the panel would split the panel's files into more requests.
const OWN = { './arrival.js': 'candor-arrival', './transfer-dialog.js': 'candor-transfer', './qr.js': 'candor-qr' }
const ownFiles = {
  name: 'own-files',
  setup(b) {
    // The measuring section stays in the panel's files (src/measure-static.ts says why).
    b.onResolve({ filter: /^\.\/measure-loader\.js$/ }, () => ({ path: here + 'src/measure-static.ts' }))
    // Each language is a file fetched by its name (src/locale-files.ts), not a chunk the panel's files list.
    b.onResolve({ filter: /^\.\/locale-files\.js$/ }, (a) => (a.importer.includes('/widget/src/') ? { path: here + 'src/locale-files.ts' } : undefined))
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
  // Words files as UTF-8, not \u escapes: a module script is always read as UTF-8, and a Cyrillic, Arabic or Japanese
  // file is 10% smaller in gzip (9% less for the largest). The other files stay ASCII: their few escapes gzip better.
  const words = { ...esm, charset: 'utf8' }
  // candor.js's words in each other language, one small file each (its locale's `startup`), fetched on a page in that
  // language only.
  const strings = {
    ...words,
    entryPoints: Object.fromEntries(LANGUAGES.filter((l) => l != 'en').map((l) => [`candor-strings-${l}`, `strings:${l}`])),
    plugins: [
      {
        name: 'strings',
        setup(b) {
          b.onResolve({ filter: /^strings:/ }, (a) => ({ path: a.path.slice(8), namespace: 'strings' }))
          b.onLoad({ filter: /.*/, namespace: 'strings' }, (a) => ({
            contents: `export { startup as strings } from ${JSON.stringify(`${here}../widget/src/locales/${a.path}.ts`)}`,
            loader: 'js',
            resolveDir: here,
          }))
        },
      },
    ],
  }
  // The panel's words in each other language (and its transfer dialogs'), one file each, fetched on a page in it.
  const locales = {
    ...words,
    entryPoints: Object.fromEntries(LANGUAGES.filter((l) => l != 'en').map((l) => [`candor-locale-${l}`, `${here}../widget/src/locales/${l}.ts`])),
  }
  return { page, later: [panel, measuring], alone: [catalogWords, own, strings, locales] }
}
