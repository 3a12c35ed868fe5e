// Everything the bench serves: the drop-in (built, then copied so a concurrent rebuild can't change
// it mid-run), generated catalogs, the bench pages, the peers' files and the bench helpers.
import { spawnSync } from 'node:child_process'
import { cp, mkdir, readFile, readdir, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

export const benchDir = fileURLToPath(new URL('..', import.meta.url))
export const root = join(benchDir, '..')
const fixtures = join(benchDir, 'fixtures')
const require = createRequire(join(benchDir, 'package.json'))

/** Directory of an installed package of the bench (follows pnpm's links). */
export const pkgDir = (name) => dirname(require.resolve(name + '/package.json'))
export const pkgVersion = async (dir) => JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')).version

/**
 * Builds the drop-in with its own build script and copies dist/ to bench/.cache/dropin. Another
 * build of dist/ may run at the same time (the e2e tests build it too): the copy is checked
 * (candor.js, candor-panel.js and every chunk they import) and the build repeated if need be.
 */
export async function buildDropin() {
  const dist = join(root, 'packages/dropin/dist')
  const out = join(benchDir, '.cache/dropin')
  let why = ''
  for (let attempt = 0; attempt < 3; attempt++) {
    const r = spawnSync(process.execPath, [join(root, 'packages/dropin/build.mjs')], { cwd: join(root, 'packages/dropin'), encoding: 'utf8' })
    if (r.status !== 0) {
      const text = (r.stderr || r.stdout || '').split('\n').filter(Boolean)
      const lines = text.filter((l) => /error|cannot|not found|failed/i.test(l))
      throw new Error(`node packages/dropin/build.mjs failed (exit ${r.status}): ${(lines.length ? lines : text).slice(0, 3).join(' / ')}`)
    }
    await rm(out, { recursive: true, force: true })
    await mkdir(out, { recursive: true })
    try {
      await cp(dist, out, { recursive: true })
    } catch (e) {
      why = e.message
      continue
    }
    const files = new Map()
    for (const n of (await readdir(out)).filter((n) => n.endsWith('.js'))) files.set('/' + n, await readFile(join(out, n)))
    const missing = ['/candor.js', '/candor-panel.js'].filter((p) => !files.has(p))
    for (const [, code] of files)
      for (const m of code.toString('utf8').matchAll(/["'`]\.\/(candor-[\w-]+\.js)["'`]/g)) if (!files.has('/' + m[1])) missing.push('/' + m[1])
    if (missing.length) {
      why = `the copy of dist/ lacks ${[...new Set(missing)].join(', ')} (a concurrent build?)`
      continue
    }
    const { version } = JSON.parse(await readFile(join(root, 'packages/dropin/package.json'), 'utf8'))
    return { files, version }
  }
  throw new Error(`could not get a complete build of the drop-in: ${why}`)
}

/** idb-keyval and @candor/core's fingerprint, for in-page seeding and the raw-write comparison. */
async function benchLib() {
  const r = await build({
    stdin: {
      contents: `import { createStore, get, set } from 'idb-keyval'
import { fingerprint } from '@candor/core'
window.benchLib = { createStore, get, set, fingerprint }`,
      resolveDir: benchDir,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    conditions: ['@candor/source'],
    write: false,
    logLevel: 'silent',
  })
  return r.outputFiles[0].contents
}

// ---- generated catalogs -------------------------------------------------------------------------

/** Deterministic pseudo-random numbers (mulberry32), so every run serves the same catalogs. */
const prng = (seed) => () => {
  seed |= 0
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const WORDS = 'news sports science culture business travel food music film books health money family garden tech cars homes local weather games'.split(' ')

/**
 * A catalog of `n` signals: the demo's three (so the host page's attributes resolve), then a mix of
 * boolean / choice / multi signals, about two thirds of them in groups, some with lifetimes,
 * descriptions or inferred sources.
 */
export function makeCatalog(n, demo) {
  const rnd = prng(n * 7919)
  const pick = (a) => a[Math.floor(rnd() * a.length)]
  const signals = demo.signals.slice(0, Math.min(3, n)).map((s) => ({ ...s }))
  for (let i = signals.length; i < n; i++) {
    const type = ['boolean', 'choice', 'multi'][i % 3]
    const topic = pick(WORDS)
    const s = {
      id: `sig-${String(i).padStart(4, '0')}`,
      type,
      label: `${topic[0].toUpperCase() + topic.slice(1)} ${type == 'boolean' ? 'highlights' : type == 'choice' ? 'edition' : 'sections'} ${i}`,
      purpose: `Tailors the ${topic} pages (${type}, signal ${i}) to what you said you like`,
    }
    if (type != 'boolean') {
      const k = 2 + Math.floor(rnd() * 6)
      s.options = Array.from({ length: k }, (_, j) => ({ value: `opt-${j}`, label: `${pick(WORDS)} option ${j}` }))
    }
    if (rnd() < 0.66) s.group = `Group ${1 + Math.floor(rnd() * Math.max(2, Math.round(n / 25)))}`
    if (rnd() < 0.3) s.lifetime = pick(['90d', '180d', '12w', '365d'])
    if (rnd() < 0.25) s.description = `More about how the ${topic} pages use this: only to order and pick what you see, on this device.`
    if (type != 'boolean' && rnd() < 0.1) s.source = 'inferred'
    signals.push(s)
  }
  return { site: `bench-${n}`, signals }
}

// ---- pages ----------------------------------------------------------------------------------------

// Right after the script under test: when it has been evaluated, and when Candor.ready resolves.
const READY_HOOK = `<script>window.__tAfter = performance.now(); window.Candor && Candor.ready.then(function () { window.__tReady = performance.now() }, function (e) { window.__tReady = -1; window.__readyError = String(e) })</script>`
/**
 * The launchers a bench page can ask for on candor.js's script tag. Every Candor page names one, so no
 * case depends on what the page holds: without `data-launcher`, candor.js shows its floating launcher
 * only while the page has no `[data-candor-open]` control of its own (and the host page has one).
 * `always`: the floating launcher, whatever the page holds (the cases that point at it); `none`: only
 * the page's own opener, or none (`panel:lazy`, the ranked page).
 */
const LAUNCHERS = ['always', 'none']
const candorHead = (catalog, launcher) => {
  if (!LAUNCHERS.includes(launcher)) throw new Error(`a Candor bench page must say its launcher (${LAUNCHERS.join(' or ')}), not ${launcher}`)
  return `<script src="/bench-t0.js"></script>\n    <script src="/candor.js" data-catalog="${catalog}" data-launcher="${launcher}"></script>\n    ${READY_HOOK}`
}

const vccConfig = {
  hideFromBots: false, // its default hides the UI when navigator.webdriver is true (automation)
  categories: { necessary: { enabled: true, readOnly: true }, analytics: {}, marketing: {} },
  language: {
    default: 'en',
    translations: {
      en: {
        consentModal: {
          title: 'We use cookies',
          description: 'Some help the site work, others measure visits or tailor ads. Choose what you allow.',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          showPreferencesBtn: 'Manage preferences',
        },
        preferencesModal: {
          title: 'Cookie preferences',
          acceptAllBtn: 'Accept all',
          acceptNecessaryBtn: 'Reject all',
          savePreferencesBtn: 'Save preferences',
          closeIconLabel: 'Close',
          sections: [
            { title: 'Strictly necessary', description: 'Needed for the site to work.', linkedCategory: 'necessary' },
            { title: 'Analytics', description: 'Counts visits to improve the site.', linkedCategory: 'analytics' },
            { title: 'Marketing', description: 'Tailors ads to your interests.', linkedCategory: 'marketing' },
          ],
        },
      },
    },
  },
}
const orejimeConfig = {
  privacyPolicyUrl: '/privacy.html',
  purposes: [
    { id: 'necessary', title: 'Strictly necessary', description: 'Needed for the site to work.', cookies: [], isMandatory: true },
    { id: 'analytics', title: 'Analytics', description: 'Counts visits to improve the site.', cookies: ['_ga', '/^_gat_.+$/i'] },
    { id: 'marketing', title: 'Marketing', description: 'Tailors ads to your interests.', cookies: ['_fbp'] },
  ],
}

/** The peers: what a script-tag user loads (paths under the package) and how the bench drives them. */
export const PEERS = [
  {
    key: 'vcc',
    name: 'vanilla-cookieconsent',
    pkg: 'vanilla-cookieconsent',
    files: ['dist/cookieconsent.umd.js', 'dist/cookieconsent.css'],
    // Its documented UMD setup: the stylesheet, the script, then CookieConsent.run(config). `defer` for parity with the anchors.
    head: (p) =>
      `<script src="/bench-t0.js"></script>\n    <link rel="stylesheet" href="${p}/cookieconsent.css" />\n    <script defer src="${p}/cookieconsent.umd.js"></script>\n    <script>addEventListener('DOMContentLoaded', function () { CookieConsent.run(${JSON.stringify(vccConfig)}) })</script>`,
    banner: '#cc-main .cm',
    opener: '#cc-main .cm [data-role="show"]',
    modal: '#cc-main .pm',
  },
  {
    key: 'orejime',
    name: 'orejime',
    pkg: 'orejime',
    files: ['dist/orejime-standard-en.js', 'dist/orejime-standard.css'],
    // Its documented setup: window.orejimeConfig, the stylesheet and one theme × language script (`defer` for parity).
    head: (p) =>
      `<script src="/bench-t0.js"></script>\n    <script>window.orejimeConfig = ${JSON.stringify(orejimeConfig)}</script>\n    <link rel="stylesheet" href="${p}/orejime-standard.css" />\n    <script defer src="${p}/orejime-standard-en.js"></script>`,
    banner: '.orejime-Banner',
    opener: '.orejime-Banner-learnMoreButton',
    modal: '.orejime-Modal',
  },
]

export const CATALOG_SIZES = [10, 100, 1000]

/** The ranked container of the reorder case: how many children, and how many stay first for everyone. */
export const RANKED = { n: 500, keep: 1 }
/** The demo catalog's `topics` options: child `i` is about `RANKED_TOPICS[(i + 3) % 4]`, so the kept child 0 is about business. */
export const RANKED_TOPICS = ['sports', 'science', 'culture', 'business']
export const rankedTopic = (i) => RANKED_TOPICS[(i + 3) % RANKED_TOPICS.length]

/**
 * A page of its own (no host page, no launcher): candor.js in <head>, then one ranked container
 * (`data-candor-rank="topics"`, `data-candor-keep`) of `RANKED.n` stories, each with `data-i` (its
 * place in the page's order) and `data-candor-about`, the topics in turn. Its floor: the same page
 * without candor.js (`-none`), where the bench's own script moves the children.
 */
const rankedPage = (head) => {
  const items = Array.from(
    { length: RANKED.n },
    (_, i) =>
      `      <li data-i="${i}" data-candor-about="${rankedTopic(i)}"><a href="#story-${i}">Story ${i}: what happened in ${rankedTopic(i)} today</a> <small>${rankedTopic(i)}</small></li>`,
  )
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>bench: ${RANKED.n} ranked stories</title>
    ${head}
    <style>body{font:16px/1.4 system-ui,sans-serif;margin:2rem}ul{padding:0;list-style:none}li{padding:.25rem 0;border-bottom:1px solid #ddd}small{color:#666}</style>
  </head>
  <body>
    <h1>Top stories</h1>
    <ul id="stories" data-candor-rank="topics" data-candor-keep="${RANKED.keep}">
${items.join('\n')}
    </ul>
  </body>
</html>
`
}

/** Builds every file the server holds. */
export async function makeSite() {
  /** What could not be made: the cases that need it report this as their error. */
  const problems = {}
  const attempt = async (key, f) => {
    try {
      return await f()
    } catch (e) {
      problems[key] = String(e?.message ?? e)
        .split('\n')
        .filter(Boolean)
        .slice(0, 3)
        .join(' / ')
        .slice(0, 300)
    }
  }
  const dropin = (await attempt('dropin', buildDropin)) ?? { files: new Map(), version: 'n/a' }
  const files = new Map(dropin.files)
  const host = await readFile(join(fixtures, 'host.html'), 'utf8')
  const page = (head) => host.replace('<!--BENCH:HEAD-->', head)
  // panel:lazy clicks the host page's own opener: a snapshot without one is said, not timed out on.
  if (!/<nav[^>]*>[\s\S]*?data-candor-open[\s\S]*?<\/nav>/.test(host)) problems.hostOpener = 'bench/fixtures/host.html has no [data-candor-open] in its <nav>'
  const demoCatalog = JSON.parse(await readFile(join(fixtures, 'candor.json'), 'utf8'))

  files.set('/news.css', await readFile(join(fixtures, 'news.css')))
  files.set('/candor.json', JSON.stringify(demoCatalog))
  files.set('/bench-t0.js', await readFile(join(fixtures, 'bench-t0.js')))
  files.set('/raw-idb.js', await readFile(join(fixtures, 'raw-idb.js')))
  files.set('/floor-startup.js', await readFile(join(fixtures, 'floor-startup.js')))
  const lib = await attempt('benchLib', benchLib)
  if (lib) files.set('/bench-lib.js', lib)

  const catalogs = {}
  for (const n of CATALOG_SIZES) {
    catalogs[n] = makeCatalog(n, demoCatalog)
    files.set(`/catalogs/c${n}.json`, JSON.stringify(catalogs[n]))
    files.set(`/panel-${n}.html`, page(candorHead(`/catalogs/c${n}.json`, 'always')))
    files.set(`/panel-lazy-${n}.html`, page(candorHead(`/catalogs/c${n}.json`, 'none')))
  }
  files.set('/none.html', page('<script src="/bench-t0.js"></script>'))
  // The floor of a page view's script: the browser calls candor.js's design must make, and nothing else.
  files.set('/floor-startup.html', page('<script src="/bench-t0.js"></script>\n    <script src="/floor-startup.js"></script>'))
  files.set('/floor-dialog.js', await readFile(join(fixtures, 'floor-dialog.js')))
  files.set('/floor-dialog.html', page('<script src="/floor-dialog.js"></script>'))
  // The demo page with the floating launcher forced (its own opener alone would hide it): startup, main thread, UI and
  // downloads keep measuring candor.js with its launcher, as before.
  files.set('/candor.html', page(candorHead('/candor.json', 'always')))
  // The same page with the catalog preloaded (docs/hosting.md): its fetch starts as the page's <head> is parsed.
  files.set('/candor-preload.html', page(`<link rel="preload" href="/candor.json" as="fetch" crossorigin>\n    ${candorHead('/candor.json', 'always')}`))
  files.set(`/ranked-${RANKED.n}.html`, rankedPage(candorHead('/candor.json', 'none')))
  files.set(`/ranked-${RANKED.n}-none.html`, rankedPage('<script src="/bench-t0.js"></script>'))
  files.set(
    '/raw.html',
    page('<script src="/bench-t0.js"></script>\n    <script src="/raw-idb.js"></script>\n    <script>window.__tAfter = performance.now()</script>'),
  )
  files.set(
    '/seed.html',
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>seed</title><script src="/bench-lib.js"></script></head><body></body></html>',
  )

  const peers = []
  for (const p of PEERS) {
    const prefix = `/peers/${p.key}`
    const paths = p.files.map((f) => `${prefix}/${f.slice(f.lastIndexOf('/') + 1)}`)
    const version = await attempt('peer:' + p.key, async () => {
      const dir = pkgDir(p.pkg)
      for (const [i, f] of p.files.entries()) files.set(paths[i], await readFile(join(dir, f)))
      return pkgVersion(dir)
    })
    files.set(`/peer-${p.key}.html`, page(p.head(prefix)))
    peers.push({ ...p, version: version ?? 'not installed', paths })
  }
  return { files, dropinVersion: dropin.version, catalogs, demoCatalog, peers, problems }
}
