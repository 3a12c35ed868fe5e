// Turns the per-round samples into the Markdown report.
import { compress } from './server.mjs'
import { HOVER_MS, QUIET_MS, REORDER_CHANGES } from './cases.mjs'
import { CATALOG_SIZES, RANKED } from './site.mjs'

/** The issue's performance goals, as the report checks them (bytes in gzip bytes, times in ms). */
export const GOALS = {
  /** (a) what a page view without intent fetches of Candor, and everything with the panel open */
  bytesIdle: 5 * 1024,
  bytesOpen: 20 * 1024,
  /** (b) script start → Candor.ready, as a multiple of raw indexedDB.open + one get; first and returning visits */
  readyRatio: 1.25,
  /** (c) EvaluateScript of candor.js + its first task; Δ all script of a page view without intent; long tasks; CLS */
  evalFirstTask: 5,
  deltaScript: 10,
  /** (c) Δ JS heap of a page view without intent, over the page without a widget (KiB) */
  deltaHeap: 400,
  longtasks: 0,
  cls: 0,
  /** (d) click → panel painted at 100 signals: the code loading on intent (pointer resting HOVER_MS), later opens; at 1000 signals */
  openIntent: 50,
  openLater: 16,
  open1000: 100,
  /** (f) returning visit: tailored content visible at most this much after the same element without Candor */
  tailoredOverFloor: 2,
  /** ranking: a change of the followed topics → the 500 children of a ranked container reordered, "well under one frame" */
  reorder: 1000 / 60,
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}
const num = (x) => typeof x == 'number' && Number.isFinite(x)

/** Formats a number with precision that suits its size. */
export const fmt = (x) => {
  if (!num(x)) return 'n/a'
  const a = Math.abs(x)
  return a == 0 ? '0' : a < 0.1 ? x.toFixed(3) : a < 10 ? x.toFixed(2) : a < 100 ? x.toFixed(1) : x.toFixed(0)
}

export function report({ site, samples, downloads, versions, machine, runs, warmup, seconds, date, args, only, name = 'latest' }) {
  const rows = (id) => samples[id] ?? []
  const values = (id, key) =>
    rows(id)
      .map((r) => r[key])
      .filter(num)
  const errors = (id) => rows(id).filter((r) => r.error)
  /** "median (min–max)", or why there is none. */
  const cellOf = (xs, id, f = fmt) => {
    if (!xs.length) return id && !samples[id] ? 'not run' : id && errors(id).length ? `error (${errors(id).length}/${rows(id).length} runs)` : 'n/a'
    const extra = id && errors(id).length ? ` [${errors(id).length} failed]` : ''
    return xs.length == 1 ? f(xs[0]) + extra : `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})${extra}`
  }
  const cell = (id, key, f) => cellOf(values(id, key), id, f)
  /** Per-round pairs of two units (or of two keys of one unit), combined with `op`. */
  const paired = (a, ka, b, kb, op) => {
    const byRound = new Map(
      rows(b)
        .filter((r) => num(r[kb]))
        .map((r) => [r.round, r[kb]]),
    )
    return rows(a)
      .filter((r) => num(r[ka]) && byRound.has(r.round))
      .map((r) => op(r[ka], byRound.get(r.round)))
      .filter(num)
  }
  const ratioCell = (a, ka, b, kb) => {
    const xs = paired(a, ka, b, kb, (x, y) => x / y)
    return xs.length ? cellOf(xs, undefined, (x) => fmt(x) + '×') : samples[a] && samples[b] ? 'n/a' : 'not run'
  }
  const deltaCell = (a, ka, b, kb, f) =>
    cellOf(
      paired(a, ka, b, kb, (x, y) => x - y),
      undefined,
      f,
    )
  /** A value computed from each run of `id` (runs where it isn't a number are left out). */
  const derived = (id, f) =>
    rows(id)
      .filter((r) => !r.error)
      .map(f)
      .filter(num)
  const evalFirst = (id) => derived(id, (r) => r.evaluate + r.firstTask)
  const med = (xs) => (xs.length ? median(xs) : undefined)
  const medOf = (id, key) => med(values(id, key))
  /** ✓ when the value is within the goal, ✗ when not, – when there is no value. */
  const met = (x, goal) => (!num(x) ? '–' : x <= goal ? '✓' : '✗')
  const ms = (x) => (num(x) ? fmt(x) + ' ms' : 'n/a')
  const us = (x) => (num(x) ? fmt(x) + ' µs' : 'n/a')
  const kib = (x) => (num(x) ? (x / 1024).toFixed(1) : 'n/a')
  // Each file compressed once (brotli q11 takes a while; the tables ask for the same files again and again).
  const compressed = new Map()
  const sizeOf = (path) => {
    const b = site.files.get(path)
    if (!compressed.has(path)) compressed.set(path, compress(Buffer.isBuffer(b) ? b : Buffer.from(b)))
    return compressed.get(path)
  }
  const sizes = (paths) => {
    if (!paths.every((p) => site.files.has(p))) return undefined
    return paths.map(sizeOf).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 })
  }
  const out = []
  const p = (s = '') => out.push(s)

  p('# Candor benchmark')
  p()
  p(
    `${date.toISOString().replace('T', ' ').slice(0, 16)} UTC · ${runs} runs per case (+${warmup} warm-up round${warmup == 1 ? '' : 's'}, not recorded), ` +
      `every run in a fresh browser context, the cases interleaved round by round (each round starts one case later) · the whole run took ${(seconds / 60).toFixed(1)} min` +
      (only?.length ? ` · only cases matching ${only.join(', ')}` : ''),
  )
  p()
  p('Cells: median (min–max) over the runs, in ms unless stated. `[k failed]`: runs that ended in an error (listed at the end).')
  // A smoke run checks that every case runs; one cold sample each says nothing about the goals.
  if (name == 'smoke')
    p('\n**Smoke run** (`--smoke`): every case once, no warm-up. Only whether each case ran counts; its figures are single cold samples, not results.')
  p()
  p('| machine | |')
  p('|---|---|')
  p(`| CPU | ${machine.cpu}, ${machine.cores} cores |`)
  p(`| memory | ${machine.memoryGiB.toFixed(1)} GiB |`)
  p(`| OS | ${machine.os} |`)
  p(`| load average (1 / 5 / 15 min) | at the start ${machine.load[0]}, at the end ${machine.load[1]} (other work on the machine skews the timings) |`)
  p(`| Node | ${machine.node} |`)
  p(`| Chromium | ${machine.chromium} (${machine.chromiumPath}), headless, \`${args.join(' ')}\` |`)
  p(`| driver | playwright-core ${versions.playwright} |`)
  p(`| Candor | @candor/dropin ${versions.dropin} (built by \`node packages/dropin/build.mjs\` at the start of the run) |`)
  p(
    `| peers | ${Object.entries(versions.peers)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')} |`,
  )
  p(`| others | idb-keyval ${versions.idbKeyval}, esbuild ${versions.esbuild} |`)
  p()

  // ---- what was fetched (from the download probe), for §1, the goals and §7
  const isAsset = (x) => /\.(js|css)$/.test(x) && !/^\/(bench-t0|raw-idb|bench-lib)\.js$/.test(x)
  const uniq = (xs) => [...new Set(xs)]
  const d = downloads ?? {}
  const cBefore = d.candor ? uniq(d.candor.before.filter((x) => isAsset(x) && x.startsWith('/candor'))) : ['/candor.js']
  const cAfter = d.candor ? uniq(d.candor.after.filter((x) => isAsset(x) && x.startsWith('/candor') && !cBefore.includes(x))) : []
  const cAll = uniq([...cBefore, ...cAfter])
  const lazyAll = [...site.files.keys()].filter((k) => /^\/candor-(panel|chunk)/.test(k) && site.files.get(k).length > 0).sort()
  const peerFiles = site.peers.map((peer) => {
    const f = d.peers?.[peer.key]
    const before = f ? uniq(f.before.filter((x) => isAsset(x) && x.startsWith('/peers/'))) : peer.paths
    const after = f ? uniq(f.after.filter((x) => isAsset(x) && x.startsWith('/peers/') && !before.includes(x))) : []
    return { peer, fetched: !!f, before, after, all: uniq([...before, ...after]) }
  })
  const gz = (paths) => sizes(paths)?.gzip
  const kibOf = (b) => (num(b) ? kib(b) + ' KiB' : 'n/a')
  const peersSay = (f) => site.peers.map((x) => `${x.name} ${f(x)}`).join(', ')

  // ---- goals
  p('## Goals')
  p()
  p(
    "The issue's performance goals against this run: Candor's median (per-round ratios and differences where the goal is relative), what it is compared with, and whether the median is within the goal " +
      '(long tasks and CLS: every run). The sections below have every case and how it is measured.',
  )
  p()
  p('| goal | measure | Candor | for comparison | met |')
  p('|---|---|---|---|---|')
  const goal = (g, what, candor, other, ok) => p(`| ${g} | ${what} | ${candor} | ${other} | ${ok} |`)
  {
    const idle = gz(cBefore)
    const all = gz(cAll)
    goal(
      '(a) ≤ 5 KiB',
      `fetched of Candor on a page view without intent (gzip, §1)`,
      `${kibOf(idle)} (${cBefore.map((x) => '`' + x.slice(1) + '`').join(', ')})`,
      peerFiles.map((x) => `${x.peer.name} ${kibOf(gz(x.before))}`).join(', ') + ' (their page view with the banner)',
      d.candor ? met(idle, GOALS.bytesIdle) : '– (no probe)',
    )
    goal(
      '(a) ≤ 20 KiB',
      'fetched of Candor with the panel opened, all files (gzip, §1)',
      `${kibOf(all)} (${cAll.length} files)`,
      peerFiles.map((x) => `${x.peer.name} ${kibOf(gz(x.all))}`).join(', ') + ' (with their preferences open)',
      d.candor ? met(all, GOALS.bytesOpen) : '– (no probe)',
    )
    for (const [visit, key] of [
      ['first', 'first_ready'],
      ['returning', 'ret_ready'],
    ]) {
      const ratio = med(paired('startup:candor', key, 'startup:raw', key, (x, y) => x / y))
      goal(
        '(b) ≤ 1.25×',
        `${visit} visit: script start → \`Candor.ready\`, over raw \`indexedDB.open\` + one \`get\` (per round, §2)`,
        `${num(ratio) ? fmt(ratio) + '×' : 'n/a'} (${ms(medOf('startup:candor', key))})`,
        `floor ${ms(medOf('startup:raw', key))}` +
          `; the catalog preloaded by the page (§2) ${ms(medOf('startup:preload', key))}, ${fmt(med(paired('startup:preload', key, 'startup:raw', key, (x, y) => x / y)))}×`,
        met(ratio, GOALS.readyRatio),
      )
    }
    const ef = med(evalFirst('main:candor'))
    goal(
      '(c) ≤ 5 ms',
      "`candor.js`'s EvaluateScript + its code in the first task after it (trace, §3)",
      `${ms(ef)} (${ms(medOf('main:candor', 'evaluate'))} + ${ms(medOf('main:candor', 'firstTask'))})`,
      `floor ${ms(med(evalFirst('main:floor')))} (only the browser calls of its design: the localStorage copy, the cloak, the observer, the catalog's fetch, IndexedDB); ` +
        peersSay((x) => ms(med(evalFirst(`main:${x.key}`)))) +
        ' (their main script, same measure)',
      met(ef, GOALS.evalFirstTask),
    )
    const dAll = med(paired('main:candor', 'scriptAll', 'main:none', 'scriptAll', (x, y) => x - y))
    goal(
      '(c) ≤ 10 ms',
      'Δ all script: a page view without interaction, minus the page without a widget (§3)',
      ms(dAll),
      `floor ${ms(med(paired('main:floor', 'scriptAll', 'main:none', 'scriptAll', (a, b) => a - b)))}; ` +
        peersSay((x) => ms(med(paired(`main:${x.key}`, 'scriptAll', 'main:none', 'scriptAll', (a, b) => a - b)))),
      met(dAll, GOALS.deltaScript),
    )
    const heapOf = (id) => med(paired(id, 'heapKiB', 'main:none', 'heapKiB', (x, y) => x - y))
    const dHeap = heapOf('main:candor')
    goal(
      '(c) ≤ 400 KiB',
      'Δ JS heap: a page view without interaction, after GC, minus the page without a widget (§3)',
      num(dHeap) ? `${dHeap.toFixed(0)} KiB` : 'n/a',
      peersSay((x) => (num(heapOf(`main:${x.key}`)) ? `${heapOf(`main:${x.key}`).toFixed(0)} KiB` : 'n/a')),
      met(dHeap, GOALS.deltaHeap),
    )
    const worst = (id, key) => (values(id, key).length ? Math.max(...values(id, key)) : undefined)
    const lt = worst('main:candor', 'longtasks')
    goal(
      '(c) 0 long tasks',
      'long tasks (> 50 ms) in the page load, most in a run (§3)',
      num(lt) ? String(lt) : 'n/a',
      peersSay((x) => String(worst(`main:${x.key}`, 'longtasks') ?? 'n/a')),
      met(lt, GOALS.longtasks),
    )
    const clsAll = [worst('main:candor', 'cls'), worst('startup:candor', 'first_cls'), worst('startup:candor', 'ret_cls')].filter(num)
    const clsMax = clsAll.length == 3 ? Math.max(...clsAll) : undefined
    goal(
      '(c) CLS 0',
      'cumulative layout shift of the page load, most in a run (§2 first and returning visits, §3)',
      num(clsMax) ? clsMax.toFixed(3) : 'n/a',
      peersSay((x) => (num(worst(`main:${x.key}`, 'cls')) ? worst(`main:${x.key}`, 'cls').toFixed(3) : 'n/a')),
      met(clsMax, GOALS.cls),
    )
    const hv = medOf('panel:hover:100', 'painted')
    goal(
      '(d) ≤ 50 ms',
      `100 signals: click → panel painted, the code loading on intent (the pointer rests on the launcher ${HOVER_MS} ms before the click, §4)`,
      ms(hv),
      `bare \`<dialog>\` ${ms(medOf('panel:floor', 'painted'))}; the page's opener clicked cold (no rest) ${ms(medOf('panel:lazy:100', 'painted'))}; ` +
        peersSay((x) => ms(medOf(`ui:${x.key}`, 'open_painted'))) +
        ' (§7, 3 categories)',
      met(hv, GOALS.openIntent),
    )
    const lt100 = medOf('panel:hover:100', 'later_painted')
    goal(
      '(d) ≤ 16 ms',
      '100 signals: click → panel painted, later opens (§4)',
      ms(lt100),
      `bare \`<dialog>\`, later opens ${ms(medOf('panel:floor', 'later_painted'))}`,
      met(lt100, GOALS.openLater),
    )
    const k = [medOf('panel:hover:1000', 'painted'), medOf('panel:hover:1000', 'later_painted'), medOf('scale', 'painted')]
    goal(
      '(d) ≤ 100 ms',
      `1000 signals: click → panel painted: first open with the pointer resting ${HOVER_MS} ms / later opens (§4) / first open, storage seeded with 1000 values (§6)`,
      k.map(ms).join(' / '),
      `the page's opener clicked cold (no rest) ${ms(medOf('panel:lazy:1000', 'painted'))}`,
      k.every(num) ? met(Math.max(...k), GOALS.open1000) : '–',
    )
    const dt = med(paired('startup:candor', 'ret_tailoredVisible', 'startup:raw', 'ret_elementVisible', (x, y) => x - y))
    goal(
      '(f) ≤ floor + 2 ms',
      'returning visit: tailored content visible, minus the same element on the page without Candor (per round, §2)',
      `${num(dt) ? (dt >= 0 ? '+' : '') + fmt(dt) + ' ms' : 'n/a'} (${ms(medOf('startup:candor', 'ret_tailoredVisible'))})`,
      `floor ${ms(medOf('startup:raw', 'ret_elementVisible'))}`,
      met(dt, GOALS.tailoredOverFloor),
    )
    const RC = `reorder:candor:${RANKED.n}`
    const ro = medOf(RC, 'reorder')
    const roLong = worst(RC, 'longtasks')
    goal(
      'ranking: well under one frame (16.7 ms)',
      `a returning visitor changes the followed topic: \`set()\` → the ${RANKED.n} children of a ranked container reordered (median of ${REORDER_CHANGES} changes per run; long tasks > 50 ms while they ran, most in a run; §8)`,
      `${ms(ro)}; long tasks: ${num(roLong) ? roLong : 'n/a'}`,
      `the same move by the page's own \`append\` ${ms(medOf(`reorder:floor:${RANKED.n}`, 'reorder'))}; with style and layout: Candor ${ms(medOf(RC, 'layout'))}, floor ${ms(medOf(`reorder:floor:${RANKED.n}`, 'layout'))}`,
      num(ro) && num(roLong) ? (ro <= GOALS.reorder && roLong == GOALS.longtasks ? '✓' : '✗') : '–',
    )
  }
  p()

  // ---- 1. bytes
  p('## 1. Bytes a visitor downloads (goal (a))')
  p()
  p(
    'KiB; gzip -9 (what goal (a) counts) and brotli q11 of the files as served (the bench server sends brotli), each file compressed on its own and summed. ' +
      `"Fetched": the requests of a real page view of the demo page with the launcher (\`/candor.html\`). **Without intent**: load, \`Candor.ready\`, the launcher up, then ${QUIET_MS / 1000} s without any input. ` +
      `**With the panel opened**: then the pointer rests on the launcher ${HOVER_MS} ms and clicks; requests until 1 s after the panel is painted. ` +
      `Peers: their page view until the banner is up, then ${QUIET_MS / 1000} s; then their preferences opened from the banner.`,
  )
  p()
  p('| what | files | raw | gzip | brotli | goal (gzip) |')
  p('|---|---|---|---|---|---|')
  const sizeRow = (what, paths, goalBytes) => {
    const s = sizes(paths)
    const g = goalBytes === undefined ? '' : `≤ ${goalBytes / 1024} KiB ${s ? met(s.gzip, goalBytes) : ''}`
    p(
      `| ${what} | ${paths.length ? paths.map((x) => '`' + x.slice(x.lastIndexOf('/') + 1) + '`').join(', ') : '(none)'} | ${s ? kib(s.raw) : 'n/a'} | ${s ? kib(s.gzip) : 'n/a'} | ${s ? kib(s.brotli) : 'n/a'} | ${g} |`,
    )
  }
  if (d.candor) {
    sizeRow('**Candor, a page view without intent** (as fetched)', cBefore, GOALS.bytesIdle)
    sizeRow('Candor, fetched in addition on opening the panel (English page)', cAfter)
    sizeRow('**Candor, with the panel opened: all files fetched**', cAll, GOALS.bytesOpen)
  } else sizeRow('Candor, `candor.js`', cBefore, GOALS.bytesIdle)
  sizeRow('Candor, `candor-panel.js` + `candor-chunk-*` as built (the set `scripts/size.mjs` budgets)', lazyAll)
  sizeRow('Candor catalog of the demo page (site data, 3 signals)', ['/candor.json'])
  for (const { peer, fetched, before, after, all } of peerFiles) {
    sizeRow(`${peer.name} ${peer.version}, a page view without intent (banner up)`, before)
    if (fetched) {
      sizeRow(`${peer.name} ${peer.version}, fetched in addition on opening its preferences`, after)
      sizeRow(`${peer.name} ${peer.version}, with its preferences opened: all files`, all)
    }
  }
  if (d.error) p(`\nThe download probe failed (${d.error}): the Candor rows list candor.js and the size.mjs set instead of fetched files.`)
  p()

  // ---- 2. startup
  p('## 2. Startup: Candor against the physical limit (goals (b) and (f))')
  p()
  p(
    'From the start of the script under test (`bench-t0.js`, a classic script just before it, sets `__t0`) on the same page (the demo front page). ' +
      '**Candor**: `candor.js` with `data-catalog="/candor.json"` until `Candor.ready` resolves (fetch the catalog, check it, open IndexedDB, read every record). ' +
      '**Floor**: a minimal classic script doing `indexedDB.open` + one `get` of the stored record. ' +
      'Returning visit: a second navigation in the same context after the first stored a preference (`topics: [sports]`); scripts and catalog then come from the HTTP cache. ' +
      'Tailored content is timed on its own, whatever Candor does to show it (it may come before `ready`).',
  )
  p()
  p('| measure | first visit | returning visit |')
  p('|---|---|---|')
  p(`| Candor: script start → \`Candor.ready\` | ${cell('startup:candor', 'first_ready')} | ${cell('startup:candor', 'ret_ready')} |`)
  p(`| floor: script start → raw \`indexedDB.open\` + \`get\` done | ${cell('startup:raw', 'first_ready')} | ${cell('startup:raw', 'ret_ready')} |`)
  p(
    `| Candor on a page whose \`<head>\` preloads the catalog (\`<link rel="preload" as="fetch" crossorigin>\`, docs/hosting.md): script start → \`Candor.ready\`; ratio over the floor | ${cell('startup:preload', 'first_ready')}; ${ratioCell('startup:preload', 'first_ready', 'startup:raw', 'first_ready')} | ${cell('startup:preload', 'ret_ready')}; ${ratioCell('startup:preload', 'ret_ready', 'startup:raw', 'ret_ready')} |`,
  )
  p(
    `| **ratio Candor / floor** (per round; goal (b): ≤ ${GOALS.readyRatio}× on both visits) | ${ratioCell('startup:candor', 'first_ready', 'startup:raw', 'first_ready')} | ${ratioCell('startup:candor', 'ret_ready', 'startup:raw', 'ret_ready')} |`,
  )
  p(
    `| Candor: script start → \`candor.js\` evaluated (in-page, an inline script right after it; the first visit includes its download) | ${cell('startup:candor', 'first_evaluated')} | ${cell('startup:candor', 'ret_evaluated')} |`,
  )
  p(`| floor: script start → its script evaluated (same) | ${cell('startup:raw', 'first_evaluated')} | ${cell('startup:raw', 'ret_evaluated')} |`)
  p(`| floor: of which \`indexedDB.open\` | ${cell('startup:raw', 'first_open')} | ${cell('startup:raw', 'ret_open')} |`)
  p(`| Candor: of which the catalog fetch (Resource Timing) | ${cell('startup:candor', 'first_catalog')} | (HTTP cache) |`)
  p(
    `| Candor: baseline content visible (\`[data-candor-baseline="topics"]\`, first frame it is displayed) | ${cell('startup:candor', 'first_baselineVisible')} | – |`,
  )
  p(
    `| Candor: tailored content decided (\`data-candor-state="on"\` on \`[data-candor-show="topics:sports"]\`, MutationObserver) | – | ${cell('startup:candor', 'ret_tailoredState')} |`,
  )
  p(`| **Candor: tailored content visible** (first rAF in which it is displayed) | – | ${cell('startup:candor', 'ret_tailoredVisible')} |`)
  p(
    `| floor: the same element displayed on the same page without Candor (the raw script instead; nothing gates it), first rAF | – | ${cell('startup:raw', 'ret_elementVisible')} |`,
  )
  p(
    `| **tailored content visible − floor** (per round; goal (f): ≤ +${GOALS.tailoredOverFloor} ms, the same frame as the element without Candor) | – | ${deltaCell('startup:candor', 'ret_tailoredVisible', 'startup:raw', 'ret_elementVisible')} |`,
  )
  p(
    `| same, from navigation start / page's first contentful paint | – | ${cell('startup:candor', 'ret_tailoredVisibleNav')} / FCP ${cell('startup:candor', 'ret_fcp')} |`,
  )
  p(
    `| cumulative layout shift of the page load (goal (c): 0) | ${cell('startup:candor', 'first_cls', (x) => x.toFixed(3))} | ${cell('startup:candor', 'ret_cls', (x) => x.toFixed(3))} |`,
  )
  p()

  // ---- 3. main thread
  p('## 3. Main thread at startup, with and without Candor (and the peers) (goal (c))')
  p()
  const noPanel = values('main:candor', 'panelFiles')
  p(
    "A page view without interaction: one page load per run with a Chromium trace and no input at all, measured until 1 s after the widget's UI is up " +
      `(Candor: its launcher shown, right after \`Candor.ready\`, with no panel code; peers: banner settled; no widget: the load event). ` +
      `Candor's panel code loads only on intent: of ${noPanel.length} runs, ${noPanel.filter((x) => x > 0).length} fetched any of it in that window` +
      (noPanel.some((x) => x > 0) ? " (so their script includes the panel's)" : '') +
      ". **EvaluateScript**: the trace event of the widget's main script (compile + top-level run), less the tracer's own cost: the tracer records the script's stack with each request the script starts, which makes V8 collect the source positions of the functions on it (re-parsing them), as a page without the tracer never does; those `V8.CollectSourcePositions` events, inside the script's own events in EvaluateScript and in the first task, are left out of both and shown on their own (**tracer's positions**; bench/README.md says how this was found). " +
      "**first task**: the widget's main-script code (union of its `FunctionCall` and compile / run events) in the first task after the one that evaluated it in which that code runs again (Candor: observers and callbacks on the parsed page). " +
      "**by URL**: the union of `EvaluateScript`, `v8.compile`, `v8.compileModule`, `v8.evaluateModule` and `FunctionCall` events attributed to the widget's main script (Candor: `candor.js`), or to all its files and the page's inline config; promise continuations carry no URL and are missing from all three. " +
      "**all script**: CDP `Performance.getMetrics` ScriptDuration of the whole page, less the `V8.CollectSourcePositions` inside script on its main thread (the tracer's, as above), on every page alike (Δ: minus the no-widget page of the same round). Long tasks: PerformanceObserver `longtask` (> 50 ms). CLS: sum of `layout-shift` values without recent input. Heap: CDP `Runtime.getHeapUsage` after `HeapProfiler.collectGarbage`; every page, the one without a widget too, is waited for by Playwright's `waitForFunction`, whose script (about 0.5 MiB of heap) is then in each.",
  )
  p()
  p(
    `Goal (c): ≤ ${GOALS.evalFirstTask} ms EvaluateScript + first task, ≤ ${GOALS.deltaScript} ms Δ all script, ${GOALS.longtasks} long tasks, CLS ${GOALS.cls}.`,
  )
  p()
  p(
    "| page | EvaluateScript | of which v8.compile | tracer's positions (left out) | first task after it | **EvaluateScript + first task** | by URL: main script | by URL: all its files + inline | all script | **Δ all script** | long tasks | longest task | CLS | JS heap KiB | Δ heap KiB |",
  )
  p('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|')
  const mainRows = [
    ['no widget (same page)', 'main:none'],
    ["floor: only the browser calls of candor.js's design (`floor-startup.js`)", 'main:floor'],
    ['Candor (candor.js)', 'main:candor'],
    ...site.peers.map((x) => [`${x.name}`, `main:${x.key}`]),
  ]
  for (const [name, id] of mainRows) {
    const base = id == 'main:none'
    p(
      `| ${name} | ${base ? '–' : cell(id, 'evaluate')} | ${base ? '–' : cell(id, 'compile')} | ${base ? '–' : cell(id, 'traced')} | ${base ? '–' : cell(id, 'firstTask')} | ${base ? '–' : cellOf(evalFirst(id), id)} | ${base ? '–' : cell(id, 'attributedMain')} | ${base ? '–' : cell(id, 'attributed')} | ${cell(id, 'scriptAll')} | ${base ? '–' : deltaCell(id, 'scriptAll', 'main:none', 'scriptAll')} | ${cell(id, 'longtasks')} | ${cell(id, 'longtaskMax')} | ${cell(id, 'cls', (x) => x.toFixed(3))} | ${cell(id, 'heapKiB', (x) => x.toFixed(0))} | ${base ? '–' : deltaCell(id, 'heapKiB', 'main:none', 'heapKiB', (x) => x.toFixed(0))} |`,
    )
  }
  p()

  // ---- 4. panel
  p('## 4. The panel: click → first paint (goal (d))')
  p()
  p(
    "In-page, from the click event's timestamp: **showModal** = the panel's `dialog.showModal()` call; **painted** = the first task after the first animation frame in which the dialog is displayed (that frame has rendered). " +
      "candor.js loads none of the panel's code at startup; it loads on intent (a pointer over, focus on or touch of the launcher or an opener) or on the click. " +
      '**Opener clicked cold**: `data-launcher="none"`, the page\'s own `data-candor-open` button is clicked after ready with Playwright\'s click (the pointer arrives and presses at once: its pointerover comes a few ms before the click), so `candor-panel.js` and its chunks load on the click. ' +
      `**Pointer on the launcher first**: the default launcher (shown right after ready, no panel code yet; checked), the pointer moves onto it, rests ${HOVER_MS} ms (its pointerover starts loading the code), then clicks. ` +
      '**Later opens**: Escape, then the launcher again (median of 3 per run). ' +
      '**All signals rendered**: the first frame in which the panel holds a card for every signal (the panel renders a long catalog in steps after its first paint). ' +
      '**candor-panel.js requested / in**: its Resource Timing `startTime` / `responseEnd`, from the click (negative: before it). ' +
      `**pointerover → click**: as the page saw it (event timestamps); over ${HOVER_MS} ms by the input round trips, more when the press and release wait behind the work the intent started (1000 signals). ` +
      "Generated catalogs (the demo's 3 signals plus boolean / choice / multi signals, about two thirds in groups); an empty store (first visit).",
  )
  p()
  p(
    `Goal (d): click → panel painted at 100 signals ≤ ${GOALS.openIntent} ms when the code starts loading on intent (the pointer on the launcher ${HOVER_MS} ms before the click), ≤ ${GOALS.openLater} ms for later opens; at 1000 signals ≤ ${GOALS.open1000} ms.`,
  )
  p()
  p(
    '| signals | open | click → showModal | click → painted | click → all signals rendered | candor-panel.js requested / in, from the click | pointerover → click | script start → ready / launcher up |',
  )
  p('|---|---|---|---|---|---|---|---|')
  p(
    `| – | **floor**: the page's own button shows a bare \`<dialog>\` (no Candor), first open | ${cell('panel:floor', 'showModal')} | ${cell('panel:floor', 'painted')} | – | – | – | – |`,
  )
  p(`| – | **floor**, later opens | ${cell('panel:floor', 'later_showModal')} | ${cell('panel:floor', 'later_painted')} | – | – | – | – |`)
  for (const n of CATALOG_SIZES) {
    const L = `panel:lazy:${n}`
    const H = `panel:hover:${n}`
    const goalOf = (x) => (x ? ` (goal ≤ ${x} ms)` : '')
    p(
      `| ${n} | first open, the page's opener clicked cold (code loads on the click) | ${cell(L, 'showModal')} | ${cell(L, 'painted')} | ${cell(L, 'complete')} | ${cell(L, 'panelStart')} / ${cell(L, 'panelEnd')} | ${cell(L, 'rest')} | – |`,
    )
    p(
      `| ${n} | **first open, the pointer on the launcher ${HOVER_MS} ms before the click** (code loads on intent)${goalOf(n == 100 ? GOALS.openIntent : n == 1000 ? GOALS.open1000 : 0)} | ${cell(H, 'showModal')} | ${cell(H, 'painted')} | ${cell(H, 'complete')} | ${cell(H, 'panelStart')} / ${cell(H, 'panelEnd')} | ${cell(H, 'rest')} | ${cell(H, 'ready')} / ${cell(H, 'launcherUp')} |`,
    )
    p(
      `| ${n} | later opens${goalOf(n == 100 ? GOALS.openLater : n == 1000 ? GOALS.open1000 : 0)} | ${cell(H, 'later_showModal')} | ${cell(H, 'later_painted')} | ${cell(H, 'later_complete')} | – | – | – |`,
    )
  }
  p()

  // ---- 5. reads and writes
  p('## 5. Reads and writes after ready (in-page microbenchmarks)')
  p()
  p(
    "On the demo page after `Candor.ready`. `get`: 20,000 calls of `candor.get(id)` over the catalog's ids (each call explains the signal and records the read in the usage ledger) vs 2,000,000 `Map#get` calls, loop included. " +
      '`set`: 200 sequential `await candor.set("compact", v)` (one IndexedDB transaction with the history entry, then whatever the page does on a change: here the attributes are applied again) vs 200 `await set(key, v, store)` of idb-keyval (bundled with esbuild) on its own database; per run the total divided by 200 (the page\'s clock ticks in 100 µs steps), then median (min–max) over runs. Ratios per run.',
  )
  p()
  p('| operation | Candor | baseline | baseline is | ratio |')
  p('|---|---|---|---|---|')
  p(`| read one value | ${cell('micro', 'get', us)} | ${cell('micro', 'mapGet', us)} | \`Map#get\` | ${cell('micro', 'getRatio', (x) => fmt(x) + '×')} |`)
  p(
    `| write one value (awaited) | ${cell('micro', 'candorSet', us)} | ${cell('micro', 'rawSet', us)} | idb-keyval \`set\` | ${cell('micro', 'setRatio', (x) => fmt(x) + '×')} |`,
  )
  p()

  // ---- 6. scale
  p('## 6. Scale: 1000 signals and 10,000 history entries')
  p()
  p(
    'Storage seeded before the page loads, by writing raw records into IndexedDB `candor:bench-1000` / `prefs`: `s:<id>` = `{ v: 1, value, setAt, fp: fingerprint(signal), expiresAt? }` for all 1000 signals and `history` = 10,000 `{ at, action: "set", id, value }` (Candor keeps the last 200). ' +
      `Then the page with the 1000-signal catalog and the launcher: script start → ready, JS heap after GC once the launcher is up (no panel code loaded yet; checked), then the pointer on the launcher ${HOVER_MS} ms and a click → panel (its code loads on that intent, as in §4), and the heap with the panel open. Goal (d): click → painted ≤ ${GOALS.open1000} ms at 1000 signals.`,
  )
  p()
  p(
    '| storage | script start → ready | click → showModal | click → painted | click → all rendered | JS heap KiB, launcher up | JS heap KiB, panel open | check |',
  )
  p('|---|---|---|---|---|---|---|---|')
  p(
    `| empty (first visit, from §4) | ${cell('panel:hover:1000', 'ready')} | ${cell('panel:hover:1000', 'showModal')} | ${cell('panel:hover:1000', 'painted')} | ${cell('panel:hover:1000', 'complete')} | – | – | |`,
  )
  const act = values('scale', 'active')
  const hist = values('scale', 'history')
  p(
    `| 1000 values + 10,000 history entries | ${cell('scale', 'ready')} | ${cell('scale', 'showModal')} | ${cell('scale', 'painted')} | ${cell('scale', 'complete')} | ${cell('scale', 'heapReady', (x) => x.toFixed(0))} | ${cell('scale', 'heapOpen', (x) => x.toFixed(0))} | ${act.length ? `${median(act)} signals active, history ${median(hist)} kept` : ''} |`,
  )
  p(
    `| for scale: the demo page (3 signals) from §3 | – | – | – | – | ${cell('main:candor', 'heapKiB', (x) => x.toFixed(0))} | – | no widget: ${cell('main:none', 'heapKiB', (x) => x.toFixed(0))} |`,
  )
  p()

  // ---- 7. peers
  p('## 7. Peers on the same page (3 categories)')
  p()
  p(
    'Each widget on the same host page: Candor as documented (classic script in `<head>`, demo catalog); the peers as their READMEs show (stylesheet + script, config inline), with `defer` for parity with the performance anchors. ' +
      "UI up: the first animation frame in which the widget's UI (Candor: its launcher; peers: their consent banner) is displayed, from navigation start; settled: no animation running. " +
      'Click → preferences: Candor\'s launcher → the panel dialog, clicked cold (Playwright\'s click: no rest on it first, so its code loads on the click; §4 has the click after intent); vanilla-cookieconsent "Manage preferences" → `.pm`; orejime "Configure" → `.orejime-Modal` (both have all their code from the page load); times from the click event. Bytes: gzip, as fetched (§1). Script: from §3.',
  )
  p()
  p(
    '| widget | gzip KiB without intent / with the preferences open | UI visible | UI settled | page FCP | script by URL | Δ all script | click → visible frame | click → painted | click → settled |',
  )
  p('|---|---|---|---|---|---|---|---|---|---|')
  const bytesPair = (before, all) => `${num(gz(before)) ? kib(gz(before)) : 'n/a'} / ${num(gz(all)) ? kib(gz(all)) : 'n/a'}`
  const rowsUi = [
    ['Candor (launcher; `Candor.ready` at ' + cell('ui:candor', 'ready') + ')', 'ui:candor', 'main:candor', bytesPair(cBefore, cAll)],
    ...peerFiles.map((x) => [`${x.peer.name} ${x.peer.version}`, `ui:${x.peer.key}`, `main:${x.peer.key}`, bytesPair(x.before, x.all)]),
  ]
  for (const [name, id, mid, bytes] of rowsUi)
    p(
      `| ${name} | ${bytes} | ${cell(id, 'visible')} | ${cell(id, 'settled')} | ${cell(id, 'fcp')} | ${cell(mid, 'attributed')} | ${deltaCell(mid, 'scriptAll', 'main:none', 'scriptAll')} | ${cell(id, 'open_frame')} | ${cell(id, 'open_painted')} | ${cell(id, 'open_settled')} |`,
    )
  p()

  // ---- 8. ranking
  {
    const RC = `reorder:candor:${RANKED.n}`
    const RF = `reorder:floor:${RANKED.n}`
    p(`## 8. A ranked container: ${RANKED.n} children reordered`)
    p()
    p(
      `A page of its own (\`/ranked-${RANKED.n}.html\`): candor.js in \`<head>\` (demo catalog, no launcher) and \`<ul data-candor-rank="topics" data-candor-keep="${RANKED.keep}">\` of ${RANKED.n} \`<li data-candor-about>\` stories (a link and a label each), about the catalog's four topics in turn. ` +
        "A returning visitor who follows sports (declared on a first visit, then the page loaded again), so the list is reordered at startup (checked at ready: the kept first child, then the sports stories, then the rest, each in the page's order). " +
        `Then, after \`candor.load()\` (the writes' code, which comes with the panel's, so a write changes the page before \`set()\` returns), ${REORDER_CHANGES} changes alternating \`set("topics", ["culture"])\` / \`["sports"]\`, each in a task of its own after a frame; every one moves all ${RANKED.n} children, and the order is checked after each. ` +
        "**reordered**: `performance.now()` just before the call → a listener subscribed after candor.js's own (so Candor has decided the container again and moved its children); **set() returned**: the same → the call returned (its IndexedDB transaction started too); " +
        "**with style and layout**: → `document.body.offsetHeight` read right after the call (the browser's work for the moved children, paint excluded). Per run the median and the slowest of the changes, then median (min–max) over runs. The page's clock ticks in 100 µs steps. " +
        `**Floor**: the same page without candor.js (\`/ranked-${RANKED.n}-none.html\`), the page's own script moves the children into the same orders with one \`append\` (order computed before the clock starts). ` +
        'Long tasks: PerformanceObserver `longtask` (> 50 ms) of the (returning) page view, by their start: while the changes ran, and before (the page load, `candor.load()`). ' +
        "The returning visit's load is traced (Chromium trace, as in §3) until a frame after ready: candor.js's script there (the list ranked again as the parser adds children); the changes are not traced.",
    )
    p()
    p(`Goal (the issue): ${RANKED.n} children reordered in well under one frame (${fmt(GOALS.reorder)} ms), no long task.`)
    p()
    p("| measure | Candor | floor: the page's own `append` (no Candor) |")
    p('|---|---|---|')
    const row = (what, c, f = '–') => p(`| ${what} | ${c} | ${f} |`)
    const both = (what, key) => row(what, cell(RC, key), cell(RF, key))
    const pair = (id, k1, k2) => `${cell(id, k1)} / ${cell(id, k2)}`
    row('returning visit: script start → `Candor.ready`', cell(RC, 'ready'))
    row('returning visit: script start → the container first marked reordered (`data-candor-state="on"`, while the list is parsed)', cell(RC, 'startupState'))
    row(
      "returning visit: candor.js's script in the load, until a frame after ready (trace, union of its events) / the most of it in one task",
      pair(RC, 'startupScript', 'startupTaskMax'),
    )
    row(
      'long tasks before the changes (the page load, `candor.load()`) / longest',
      pair(RC, 'longtasksLoad', 'longtaskMaxLoad'),
      pair(RF, 'longtasksLoad', 'longtaskMaxLoad'),
    )
    both(`**change → reordered** (goal < ${fmt(GOALS.reorder)} ms)`, 'reorder')
    both('slowest change in a run', 'reorderMax')
    row('change → `set()` returned', cell(RC, 'call'))
    both('change → style and layout done', 'layout')
    both('slowest change in a run, with style and layout', 'layoutMax')
    row('**long tasks while the changes ran** / longest', pair(RC, 'longtasks', 'longtaskMax'), pair(RF, 'longtasks', 'longtaskMax'))
    p()
  }

  // ---- errors
  const failed = Object.keys(samples).filter((id) => errors(id).length)
  p('## Errors')
  p()
  for (const [k, v] of Object.entries(site.problems ?? {})) p(`- Could not make ${k}: ${v}`)
  if (Object.keys(site.problems ?? {}).length) p()
  if (!failed.length) p('None: every run of every case finished.')
  else {
    p('| case | failed runs | first error |')
    p('|---|---|---|')
    for (const id of failed) p(`| ${id} | ${errors(id).length}/${rows(id).length} | ${errors(id)[0].error.replace(/\|/g, '\\|')} |`)
  }
  p()
  p(`Rerun: \`pnpm bench\` (\`BENCH_RUNS=<n>\` for more runs).${name == 'smoke' ? '' : ` Raw samples of this run: \`bench/results/${name}.json\`.`}`)
  return out.join('\n') + '\n'
}
