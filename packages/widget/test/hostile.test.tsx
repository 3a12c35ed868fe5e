// @vitest-environment happy-dom
// Hostile input as the widget renders it, named by the cases of table (b) in
// shared/research/reliability-anchors.md ("S01" … "S24"), so they can be counted.
//
// Covered here: S01 (HTML/script payloads in every site string the panel shows: labels, descriptions,
//   purposes, groups, option labels, inference bases, read reasons, stored orphan ids, import problems),
//   S06 (Object.prototype polluted before the widget renders), S11 (hostile but valid ids), S13 (bidi
//   overrides, zero-width characters), S15 (a crafted stored record shown in the panel), S23 ({x}
//   placeholders in catalog strings are not substituted).
// Covered elsewhere: S05, S07–S12, S20, S24 in packages/core/test/hostile.test.ts; S17/S19 in e2e.
// Also S04 (a hostile `theme` option is ignored). S03 (no URL fields in a catalog) is in the core's
//   hostile tests; S16, S21 and S22 in e2e/tests/hostile.demo.spec.ts. Not applicable: S02 (no rich-text
//   opt-in: everything is text).
// Note on S06: Preact copies every enumerable property of a props object onto the element, inherited
//   ones included (`for (i in newProps)`), so pollution of DOM property names (value, checked, …) reaches
//   every element whatever Candor does; the tests here pollute the names Candor itself looks up.
// A `// Keeps true:` comment above a test says what it keeps true.
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createCandor, fingerprint, type Candor, type Catalog } from '@candor/core'
import { createI18n, loadLocale } from '../src/i18n'
import { createOutline } from '../src/outline'
import { mountCandor, type Mounted } from '../src/index'
import { Panel } from '../src/Panel'
import { byRole, catalog as plainCatalog, click, make, settle } from './helpers'

const PAYLOADS = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '<svg onload=alert(1)>',
  '"><iframe src=javascript:alert(1)>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<a href="https://evil.example/">x</a><b>bold</b>',
  '&lt;b&gt;entity&lt;/b&gt; &amp;',
]
/** Elements the panel never renders itself: any of them would come from a payload. */
// Candor's own tables ("Does tailoring help you?") carry their class.
const FOREIGN = 'img,script,svg,iframe,style,math,mtext,mglyph,table:not(.candor-table),object,embed,link,meta,a,b,form,base'

let box: HTMLElement
let mounted: Mounted | undefined
beforeEach(() => {
  box = document.createElement('div')
  document.body.append(box)
  window.alert = vi.fn()
})
afterEach(() => {
  render(null, box)
  box.remove()
  mounted?.destroy()
  mounted = undefined
  expect(window.alert).not.toHaveBeenCalled()
})

const show = async (candor: Candor, strings = {}) => {
  await loadLocale('en')
  await act(() => render(<Panel candor={candor} i18n={createI18n('en', strings)} outline={createOutline(candor)} uid="t" />, box))
  await settle()
}

/** No element or event-handler attribute came from site text. */
const inert = (root: ParentNode) => {
  expect([...root.querySelectorAll(FOREIGN)].map((e) => e.outerHTML)).toEqual([])
  const handlers = [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`))
  expect(handlers).toEqual([])
}

/** A catalog whose every site string carries `p`. */
const hostile = (p: string): Catalog => ({
  site: 'daily-planet',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'L ' + p,
      purpose: 'P ' + p,
      description: 'D ' + p,
      group: 'G ' + p,
      lifetime: '7d',
      options: [
        { value: 'a', label: 'A ' + p },
        { value: 'b', label: 'B ' + p },
      ],
    },
    { id: 'region', type: 'choice', source: 'inferred', label: 'R ' + p, purpose: 'P ' + p, options: [{ value: 'eu', label: 'E ' + p }] },
    { id: 'compact', type: 'boolean', label: 'C ' + p, purpose: 'P ' + p, sensitive: true },
  ],
})

const freshIdb = () => {
  globalThis.indexedDB = new IDBFactory()
}
/** Writes raw records into the site's database (as the core lays it out), as another script could. */
const seed = async (entries: Record<string, unknown>) => {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('candor:daily-planet')
    req.onupgradeneeded = () => req.result.createObjectStore('prefs')
    req.onsuccess = () => resolve(req.result)
    req.onerror = () => reject(req.error)
  })
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('prefs', 'readwrite')
    for (const [k, v] of Object.entries(entries)) tx.objectStore('prefs').put(v, k)
    tx.oncomplete = () => resolve()
    tx.onerror = () => reject(tx.error)
  })
  db.close()
}

/** Drops a file on the panel's import input, as a visitor does. */
const importFile = async (text: string) => {
  const input = box.querySelector<HTMLInputElement>('input[type=file]')!
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([text], 'prefs.json', { type: 'application/json' })] })
  await act(() => void input.dispatchEvent(new Event('change', { bubbles: true })))
  // The file checker is loaded on first use: wait for the panel's answer.
  const status = box.querySelector('[role=status]')!
  for (const end = Date.now() + 3000; !status.textContent && Date.now() < end; ) await settle()
}

describe('S01 site text is rendered as text', () => {
  for (const p of PAYLOADS)
    it(`S01: ${JSON.stringify(p)} in every site string creates no element and shows literally`, async () => {
      freshIdb()
      // A stored value for a signal the catalog no longer declares: its id comes from storage (S15).
      await seed({ ['s:' + p]: { v: 1, value: true, setAt: Date.now(), fp: 'x' } })
      const c = createCandor({ catalog: hostile(p), gpc: false })
      await c.ready
      await c.set('topics', ['a', 'b'])
      await c.set('compact', true)
      c.infer('region', 'eu', { basis: 'I ' + p })
      c.get('compact', { reason: 'W ' + p })
      await show(c)
      const text = box.textContent!
      for (const piece of ['L ', 'P ', 'D ', 'G ', 'A ', 'B ', 'R ', 'E ', 'C ', 'I ', 'W ']) expect(text, piece).toContain(piece + p)
      expect(text).toContain(p) // the orphan's id
      inert(box)
      // A file naming hostile ids: the refusal lists them, as text.
      await importFile(JSON.stringify({ ...c.export(), values: { [p]: { value: true, setAt: '2026-05-03T09:00:00.000Z' } } }))
      expect(box.querySelector('[role=status]')!.textContent).toContain(`values.${p}: this site declares no such signal`)
      inert(box)
      c.destroy()
    })

  it('S01: the payloads stay text in the shadow-DOM modal that mountCandor adds to a page', async () => {
    const c = await make({ catalog: hostile(PAYLOADS.join(' ').slice(0, 90)) })
    await c.set('topics', ['a'])
    mounted = mountCandor(c, { lang: 'en' })
    await settle()
    mounted.open('topics')
    await settle()
    const root = mounted.host.shadowRoot!
    expect(root.querySelector('dialog')!.open).toBe(true)
    expect(root.textContent).toContain('L <img src=x onerror=alert(1)>')
    inert(root)
    inert(document.body)
  })
})

describe('S04 CSS through the theme option', () => {
  it('S04: a theme that is not light, dark or auto is ignored: no style, no data-theme, nothing requested', async () => {
    const fetched = vi.fn()
    vi.stubGlobal('fetch', fetched)
    const c = await make()
    for (const theme of [
      'red;background:url(https://evil.example/x)',
      'dark;}*{background:url(//evil.example/y)}',
      'expression(alert(1))',
      '@import "//evil.example/z.css"',
    ]) {
      mounted = mountCandor(c, { lang: 'en', theme: theme as never })
      await settle()
      mounted.open()
      await settle()
      const root = mounted.host.shadowRoot!
      for (const el of root.querySelectorAll('[data-theme]')) expect(['light', 'dark']).toContain(el.getAttribute('data-theme'))
      expect(root.querySelector('[data-theme]')).toBeNull()
      expect(root.querySelector('[style], style, link')).toBeNull()
      mounted.destroy()
      mounted = undefined
    }
    expect(fetched).not.toHaveBeenCalled()
    vi.unstubAllGlobals()
    c.destroy()
  })
})

describe('S06 Object.prototype polluted before the widget renders', () => {
  const withPollution = async (keys: Record<string, unknown>, fn: () => Promise<void>) => {
    const proto = Object.prototype as Record<string, unknown>
    for (const [k, v] of Object.entries(keys)) proto[k] = v
    try {
      await fn()
    } finally {
      for (const k of Object.keys(keys)) delete proto[k]
    }
  }
  /** What the panel shows about each signal, gathered while polluted, checked after. */
  const shown = () =>
    [...box.querySelectorAll('.signal')].map((card) => ({
      on: card.querySelector('[role=switch]')?.getAttribute('aria-checked') ?? null,
      ticked: [...card.querySelectorAll('input')].filter((i) => (i as HTMLInputElement).checked).length,
      now: card.querySelector('.value')!.textContent,
      used: card.querySelector('.used')?.textContent ?? null,
    }))

  it('S06: with granted/enabled/state/level/off on Object.prototype, every signal is shown exactly as without: unset, nothing ticked, unused', async () => {
    await show(await make())
    const baseline = shown()
    render(null, box)
    const unset = { ticked: 0, now: 'Now: not set', used: null }
    // The region last (under "Other", after "Reading"): inferred, but not on this page, so the site may guess it elsewhere (#23).
    expect(baseline.map(({ ticked, now, used }) => ({ ticked, now, used }))).toEqual([
      unset,
      unset,
      { ...unset, now: 'The site may guess it on pages that use it.' },
    ])
    let seen: ReturnType<typeof shown> = []
    await withPollution({ granted: true, enabled: true, consent: true, state: 'active', level: 'all', off: false, oneOff: false, v: 1, setAt: 0 }, async () => {
      const c = await make()
      await show(c)
      seen = shown()
    })
    expect(seen).toEqual(baseline)
  })

  // Keeps true: an Object.prototype.<signal id> set by another script is not taken for a read: the panel says
  // "Used on this page" only for signals this page read.
  it('S06: a polluted Object.prototype.<signal id> does not make the panel claim the signal was used', async () => {
    let seen: ReturnType<typeof shown> = []
    await withPollution({ topics: { count: 3, reasons: ['spoofed by another script'], elements: [], lastAt: 0 } }, async () => {
      const c = await make()
      await show(c)
      seen = shown()
    })
    expect(seen.map((s) => s.used)).toEqual([null, null, null])
  })
})

describe('S11 hostile but valid ids', () => {
  // Keeps true: a signal with the id "constructor" (a valid slug) renders like any other; nothing inherited is
  // taken for its usage.
  it('S11: a signal with the id "constructor" renders like any other', async () => {
    const c = await make({ catalog: { site: 'a', signals: [{ id: 'constructor', type: 'boolean', label: 'Constructor', purpose: 'P' }] } })
    await show(c)
    expect(byRole(box, 'switch', 'Constructor')).toHaveLength(1)
  })

  it('S11: the longest ids and option values, and option values like "__proto__", render and work', async () => {
    const id = 'a' + '-b'.repeat(31) + 'c'
    const c = await make({
      catalog: {
        site: 'a',
        signals: [
          {
            id,
            type: 'multi',
            label: 'Long',
            purpose: 'P',
            options: [
              { value: '__proto__', label: 'Proto' },
              { value: 'x'.repeat(64), label: 'Long value' },
            ],
          },
          { id: 'b', type: 'boolean', label: 'B', purpose: 'P' },
        ],
      },
    })
    await show(c)
    expect(box.querySelector(`#t-${id}-card`)).not.toBeNull()
    await click(byRole(box, 'checkbox', 'Proto')[0]!)
    expect(c.get(id)).toEqual(['__proto__'])
    expect(box.textContent).toContain('Now: Proto')
    inert(box)
  })
})

describe('S13 bidi overrides and invisible characters', () => {
  const RLO = '\u202e'
  const marks = `${RLO}evil\u202d\u2066\u200b\u200d\ufeff`
  const spoof: Catalog = {
    site: 'daily-planet',
    signals: [
      {
        id: 'topics',
        type: 'multi',
        label: 'L' + marks,
        purpose: 'P' + marks,
        description: 'D' + marks,
        group: 'G' + marks,
        lifetime: '7d',
        options: [{ value: 'a', label: 'A' + marks }],
      },
      { id: 'region', type: 'choice', source: 'inferred', label: 'R' + marks, purpose: 'P', options: [{ value: 'eu', label: 'E' + marks }] },
    ],
  }
  /** Text nodes holding the override, and whether each sits inside a <bdi> of its own. */
  const overrides = (root: ParentNode) => {
    const out: Array<{ text: string; isolated: boolean }> = []
    const walk = (n: Node) => {
      if (n.nodeType == 3 && n.textContent!.includes(RLO)) out.push({ text: n.textContent!, isolated: !!n.parentElement?.closest('bdi') })
      n.childNodes.forEach(walk)
    }
    walk(root as Node)
    return out
  }

  it('S13: labels, descriptions, groups and option labels keep their bidi and zero-width characters as text, each isolated in <bdi>', async () => {
    const c = await make({ catalog: spoof })
    await show(c)
    for (const s of ['L', 'D', 'G', 'A', 'R', 'E']) expect(box.textContent).toContain(s + marks)
    const found = overrides(box).filter((o) => /^[LDGARE]\u202e/.test(o.text))
    expect(found.length).toBeGreaterThanOrEqual(6)
    expect(found.filter((o) => !o.isolated)).toEqual([])
    inert(box)
  })

  // Keeps true: site strings inside sentences (Why:, Now:, history, Still true?, Inferred from:) are each
  // isolated in <bdi>, so a U+202E in a label cannot reverse the rest of the sentence.
  it('S13: site strings inside sentences (Why:, Now:, history, Still true?, Inferred from:) are isolated too', async () => {
    const c = await make({ catalog: spoof })
    await c.set('topics', ['a'])
    c.infer('region', 'eu', { basis: 'B' + marks })
    await show(c)
    const loose = overrides(box).filter((o) => !o.isolated)
    expect(loose).toEqual([])
  })
})

describe('S15 crafted records shown in the panel', () => {
  // Keeps true: a stored record with a finite but out-of-range time (setAt 1e300) does not stop the panel
  // from rendering.
  it('S15: a record with setAt 1e300 written by another script does not break the panel', async () => {
    freshIdb()
    await seed({ 's:compact': { v: 1, value: true, setAt: 1e300, fp: fingerprint(plainCatalog.signals[2]!) } })
    const c = createCandor({ catalog: plainCatalog, gpc: false })
    await c.ready
    await show(c)
    expect(box.querySelectorAll('.signal')).toHaveLength(3)
  })
})

describe('S23 placeholders in catalog strings', () => {
  it('S23: {title}, {label}, {purpose}, {{x}}, $& and ${x} in catalog strings are shown as written, never filled in', async () => {
    const marks = '{title} {label} {purpose} {value} {when} {count} {{x}} $& $1 ${x} {constructor}'
    const c = await make({
      catalog: {
        site: 'daily-planet',
        signals: [
          {
            id: 'topics',
            type: 'multi',
            label: 'L ' + marks,
            purpose: 'P ' + marks,
            description: 'D ' + marks,
            lifetime: '7d',
            options: [{ value: 'a', label: 'A ' + marks }],
          },
        ],
      },
    })
    await c.set('topics', ['a'])
    c.get('topics', { reason: 'W ' + marks })
    await show(c, { title: 'TITLE-STRING' })
    const text = box.textContent!
    for (const s of ['L ', 'D ', 'A ', 'W ']) expect(text).toContain(s + marks)
    expect(text).toContain('Why: P ' + marks)
    expect(text).toContain('Now: A ' + marks)
    // "Still true?": "{label} fades {when}." with the label as given.
    expect(box.querySelector('.still')!.textContent).toContain('L ' + marks + ' fades in')
    // The header's title is the site's override; no catalog string became it.
    expect(text.split('TITLE-STRING')).toHaveLength(2)
    inert(box)
  })
})
