// Size budgets, checked in CI: each entry is bundled with all its dependencies, minified,
// and compressed the way a server would send it. Fails when an entry is over budget.
// Run: node scripts/size.mjs   (add --json for machine-readable output)
import { build } from 'esbuild'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const KB = 1024

/** name, what a user imports, budget in gzip bytes */
export const budgets = [
  // Issue 2 asked for 5 KB of core; the measured model is larger (see bench/README.md, "Size"). Since issue 10 the
  // state is a plain store with a signals adapter beside it, and each concept a module: 12 KB for everything.
  // Issue 13 added measuring: its part is lazy, but the catalog's checks, the instance's goal/arm API, the stored
  // counts' reader, estimate() and the chunks esbuild splits them into stay in (+2.3 KiB).
  // Issue 16: candorStore, Svelte's store contract over an instance (+40 B).
  // Issue 24: another device's preferences (transferLink, readTransfer, acceptTransfer: the code loads with the rare
  // writes), paid for by the rare edits (renew, confirm, forgetOrphan, the choices on measuring) loading with them (-0.1 KiB).
  { name: '@candor/core (everything)', contents: "export * from '@candor/core'", limit: 14.39 * KB },
  { name: '@candor/core { createCandor }', contents: "export { createCandor } from '@candor/core'", limit: 13.41 * KB },
  // The reading part alone, as candor.js starts (the editing part loads on intent).
  // Issue 22: the catalog's checks without their words (loaded only for a faulty catalog) and the reader apart from
  // the editor and the measurer (-0.4 KiB).
  { name: '@candor/core/startup { startCandor }', contents: "export { startCandor } from '@candor/core/startup'", limit: 8.5 * KB },
  // Issue 3: Preact, @preact/signals, the widget and its CSS, on top of the core (whose
  // signals-core they share, so it is counted once, with the core).
  {
    name: '@candor/widget { mountCandor }',
    contents: "export { mountCandor } from '@candor/widget'",
    external: ['@candor/core', '@preact/signals-core'],
    // Issue 13: "Does tailoring help you?" and the holdout notice, with their strings (+1.3 KiB).
    // Issue 14: the preview bar, feedback in words and the "Why" answer's strings, in English (+1.4 KiB).
    // Issue 16: plural forms picked by Intl.PluralRules (+0.1 KiB).
    // Issue 23: the notice and the "Why" answer beside their control, focus back to it, a header nothing shows through;
    // paid for by one placement and one button for the three small boxes, and issue 22's lighter reader (-0.05 KiB).
    // Issue 24: "Use these on another device" and the question on a page opened with its link (the dialogs and the QR
    // encoder load on use), paid for by the preview bar and "Does tailoring help you?" loading when needed (-0.35 KiB).
    // Issue 25: nineteen more languages, each its own import(), and the transfer dialogs' German and French words moved
    // to their languages' files; measured with chunk names' hashes set aside (-0.2 KiB).
    limit: 18.98 * KB,
  },
  // Everything includes declareInContext and its notice (issue 11).
  { name: '@candor/widget (everything)', contents: "export * from '@candor/widget'", external: ['@candor/core', '@preact/signals-core'], limit: 21.42 * KB },
  { name: 'core + widget, all included', contents: "export * from '@candor/core'; export * from '@candor/widget'", limit: 35.5 * KB },
  // What a page loads at startup with the lazy launcher: the core's reading part plus the launcher.
  {
    name: 'core/startup + lazy launcher',
    contents: "export { startCandor } from '@candor/core/startup'; export { mountCandorLazy } from '@candor/widget/lazy'",
    // Issue 22: the reader without the catalog's words, the editor and the measurer (-0.8 KiB).
    limit: 10.65 * KB,
  },
  // Issue 16: the provider and two hooks, on top of React and the core an app has anyway.
  // Issue 21: the rank rule, for the bindings' useRanked and candor.js (an entry of its own: apps that don't rank don't pay).
  { name: '@candor/core/rank', contents: "export * from '@candor/core/rank'", limit: 0.5 * KB },
  // Issue 21: useRanked, a list a framework renders ranked by the core's rule (+140 B: its hook, the reads it shares with
  // usePreference; the rule itself is @candor/core/rank's). Made room: the reader key is a plain object (-16 B); nothing else
  // in the binding could go without losing what it does (one file instead of five: -26 B, less clear).
  { name: '@candor/react (everything)', contents: "export * from '@candor/react'", external: ['react', '@candor/core'], limit: 0.7 * KB },
]

/** Minified bytes as they are, and as a server would send them. */
const compressed = (code) => ({
  min: code.length,
  gzip: gzipSync(code, { level: 9 }).length,
  brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
})

/**
 * Bundles an entry with code splitting, as a page would load it: `startup` is the entry chunk
 * and what it imports statically; `total` adds the chunks it loads lazily (e.g. the import checker).
 */
export async function measure({ contents, external = [] }) {
  const r = await build({
    stdin: { contents, resolveDir: root + 'demo', loader: 'js', sourcefile: 'entry.js' },
    bundle: true,
    splitting: true,
    outdir: root + '.cache/size',
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    metafile: true,
    conditions: ['@candor/source'],
    external,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'silent',
  })
  const byPath = new Map(r.outputFiles.map((f) => [f.path, f.contents]))
  const outputs = r.metafile.outputs
  // The entry itself: a dynamic import's target is an entry point of its own, and may be listed first.
  const entry = Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith('entry.js'))
  // Follow static imports only: what a page downloads before anything runs lazily.
  const startup = new Set()
  const visit = (k) => {
    if (startup.has(k) || !outputs[k]) return
    startup.add(k)
    for (const i of outputs[k].imports) if (i.kind === 'import-statement' && !i.external) visit(i.path)
  }
  visit(entry)
  // A chunk's name carries its hash, which moves the gzip size by a few bytes from build to build: each is renamed by
  // the order it first appears in, so that only a change of the code itself changes the figure.
  const names = new Map()
  const stable = (code) =>
    code.replace(/\b([\w-]+)-[A-Z0-9]{8}\.js/g, (n, name) => names.get(n) ?? names.set(n, `${name}-${String(names.size).padStart(8, '0')}.js`).get(n))
  const sizes = (keys) => compressed(Buffer.from(stable(Buffer.concat([...keys].map((k) => byPath.get(root + k) ?? byPath.get(k))).toString())))
  return { startup: sizes(startup), total: sizes(Object.keys(outputs).filter((k) => k.endsWith('.js'))) }
}

/**
 * What a browser fetches of Candor's files on the demo's front page (e2e/tests/bytes.demo.spec.ts measures
 * it in Chromium, each file gzip -9 as a server would send it): a page view without intent, and everything
 * once the panel is open. `goal` is issue 10's target; `limit` fails the build, and holds today's size
 * so that growth is caught (see bench/README.md, "Size", for what stands between the two).
 */
export const fetchedBudgets = {
  /** A page view without intent on a site that doesn't measure: candor.js alone. */
  beforePanel: { goal: 5 * KB, limit: 16.5 * KB },
  /** The same on a site that measures: candor.js and candor-measuring.js. */
  measuring: { goal: 5 * KB, limit: 19.13 * KB },
  all: { goal: 20 * KB, limit: 42.81 * KB },
}

/** The drop-in as built (pnpm build): what a script-tag page downloads. Budget in gzip bytes. */
export const files = [
  // Issue 4: everything a visitor downloads before opening the panel (the panel loads lazily).
  // Issue 11 added ranked containers and declaring controls to the startup path (+1.4 KiB), issue 12 the shared arrival and the notes (+1.7 KiB).
  // Issue 13 the draw before the catalog, goals, holdout views from the first frame and the measuring part's loader (+1.1 KiB).
  // Issue 14 the lenient catalog (a bad signal left out, not the panel), the launcher's narrow form, the preview bar and
  // "Why" answered in place (+0.9 KiB).
  // Issue 16 plural forms for the notes ("1 moved up") by Intl.PluralRules; issue 15 a 10,000-children reorder without a long task (+0.1 KiB).
  // Issue 21: pages whose router swaps <body>, a framework's lists, a CDN's refusal said and answered, German and French
  // words in files of their own; paid for by the preview bar moving to the panel's files and English-only words (±0).
  // Issues 22-23: the catalog's words out (loaded for a faulty catalog), the launcher's hidden words clipped simply; paying
  // for the words of a held-out view and the control kept in place (-0.03 KiB).
  // Issue 24: a page opened with a link from another device (taken from the address, the panel loads to ask), paid for
  // by the launcher carrying its own five tokens, not the panel's fifteen (-0.02 KiB).
  // Issue 22: candor.js hands the later files the functions they share (packages/dropin/shared.mjs), paid for by the
  // count of what tailoring changed moving to the panel's files, which alone ask it (-0.01 KiB). Issue 25: nineteen more
  // languages (the list of them: which page fetches its words), paid for by the words of a missing catalog and of a
  // refused one's consequence moving to the file of words, which a page with a catalog never fetches; the array's
  // member named for its build, so that files of another build refuse to load (-0.02 KiB).
  // Issue 22: the attribute engine in one pass, paid for by goals waiting on `ready` and the controls' own checks (-0.01 KiB).
  { name: 'candor.js (drop-in, before the panel)', match: /^candor\.js$/, limit: 16.5 * KB },
  // Issue 21: CSS comments left out of the built files, the preview bar's code and words in (-0.4 KiB).
  // Issue 24: the transfer button and question (their dialogs, words and QR encoder are candor-transfer.js and
  // candor-qr.js, fetched on use), paid for by the rare edits and the shared page's bar (candor-arrival.js) loading
  // when needed (-0.1 KiB).
  // Issue 22: the functions candor.js has loaded are taken from it, not fetched again (-1.4 KiB). Issue 25: each
  // language's words are a file fetched by its name (candor-locale-<lang>.js), not a chunk the panel lists (-0.6 KiB).
  { name: 'candor-panel.js + its chunks (lazy)', match: /^candor-(panel|chunk).*\.js$/, limit: 25.86 * KB },
  // A page in German or French fetches its words beside candor.js (issue 21); issue 25: in any of the 19 languages other
  // than English, each its own file (the largest counts: Arabic's). Issue 22: as UTF-8, not \u escapes (-0.03 KiB).
  { name: 'candor-strings-<lang>.js (the largest)', match: /^candor-strings-[a-z]+\.js$/, each: true, limit: 0.44 * KB },
  // Issue 25: the panel's words (and its transfer dialogs') in a language other than English, fetched when the panel
  // opens on a page in it (the largest counts: Russian's). Issue 22: as UTF-8, not \u escapes (-0.5 KiB for Cyrillic,
  // Arabic, Hebrew; -0.3 KiB for Japanese and Chinese).
  { name: 'candor-locale-<lang>.js (the largest)', match: /^candor-locale-[a-z]+\.js$/, each: true, limit: 4.99 * KB },
  // Loaded on a site whose catalog measures (issue 13).
  // Issue 22: what candor.js has loaded is taken from it (-0.4 KiB).
  { name: 'candor-measuring.js (a site that measures)', match: /^candor-measuring\.js$/, limit: 2.63 * KB },
  // Issue 24, fetched on use only: the transfer dialogs (their words in English; issue 25: another language's come with
  // its candor-locale-<lang>.js), and the QR encoder (lean-qr's nano build) they load to show a code. Issue 24 also made
  // the shared page's bar a file of its own.
  { name: 'candor-transfer.js (a link asked for or opened)', match: /^candor-transfer\.js$/, limit: 2.85 * KB },
  { name: 'candor-qr.js (a code asked for)', match: /^candor-qr\.js$/, limit: 2.35 * KB },
  { name: "candor-arrival.js (the shared page's bar)", match: /^candor-arrival\.js$/, limit: 1.25 * KB },
]
const DROPIN = root + 'packages/dropin/dist/'

const measureFiles = async ({ match, each }) => {
  const { readFile, readdir } = await import('node:fs/promises')
  const names = (await readdir(DROPIN)).filter((n) => match.test(n))
  if (!names.length) throw new Error('not built')
  const read = await Promise.all(names.map(async (n) => ({ key: n.replace(/-[A-Z0-9]{8}\.js$/, ''), code: await readFile(DROPIN + n) })))
  // Files of which a page fetches one (its language's): the largest.
  if (each) return read.map((r) => compressed(r.code)).sort((a, b) => b.gzip - a.gzip)[0]
  // In an order that doesn't depend on the chunks' hashed names (the chunks by size, then the panel): sorted by name,
  // a renamed chunk moved in the concatenation and the same files measured 118 B more.
  read.sort((a, b) => a.key.localeCompare(b.key) || b.code.length - a.code.length)
  return compressed(Buffer.concat(read.map((r) => r.code)))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let over = 0
  const rows = []
  for (const f of files) {
    const m = await measureFiles(f).catch(() => undefined)
    if (!m) {
      console.error(`${f.name}: not built; run pnpm build first`)
      over++
      continue
    }
    const ok = m.gzip <= f.limit
    if (!ok) over++
    rows.push({ entry: f.name, ...m, totalGzip: m.gzip, totalBrotli: m.brotli, budget: f.limit, ok })
  }
  for (const b of budgets) {
    const { startup, total } = await measure(b)
    const ok = startup.gzip <= b.limit
    if (!ok) over++
    rows.push({ entry: b.name, ...startup, totalGzip: total.gzip, totalBrotli: total.brotli, budget: b.limit, ok })
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2))
  else {
    console.log('entry'.padEnd(43) + 'startup gzip / brotli / min'.padEnd(32) + 'with lazy chunks gzip / brotli   budget (startup gzip)')
    for (const r of rows)
      console.log(
        `${r.ok ? 'ok  ' : 'OVER'} ${r.entry.padEnd(38)} ${`${r.gzip} / ${r.brotli} / ${r.min} B`.padEnd(31)} ${`${r.totalGzip} / ${r.totalBrotli} B`.padEnd(33)}${r.budget} B`,
      )
  }
  if (over) {
    console.error(`${over} entr${over == 1 ? 'y is' : 'ies are'} over budget`)
    process.exit(1)
  }
}
