// A seeded soak of the demo's front page (the `demo` project): 4 tabs of one browser context, sharing
// IndexedDB, run random operations a visitor can do — declare in context, Undo, set in the panel, turn a
// signal off or on, Forget, change the level, import a file made from an export, erase (confirmed) — with
// reloads and one tab closed and reopened. A model of the operations (the last choice per signal wins, erase
// clears everything, the level is the last one chosen) predicts the state; every tab must show it once the last
// change is stored (the ms it took are in the annotations). The second test does the same with one tab's IndexedDB connection lost for a
// while (F13), then healed. Replay a run with SOAK_SEED=<the seed in its annotations>.
import os from 'node:os'
import type { Page } from '@playwright/test'
import { expect, loseIndexedDBConnection, test } from './fixtures'

type Value = string[] | string | boolean
interface Pref {
  value?: Value
  off: boolean
}
/** What a visitor's preferences are: a value (or none) and whether it is off, per signal, and the level chosen. */
interface Prefs {
  level: string | null
  values: Record<string, Pref>
}
type Op =
  | { kind: 'declare'; id: string; option: string; nth: number }
  | { kind: 'undo' }
  | { kind: 'pick'; id: string; option?: string; checked?: boolean }
  | { kind: 'switch'; id: string; checked: boolean }
  | { kind: 'forget'; id: string }
  | { kind: 'level'; level: string }
  | { kind: 'import'; file: string }
  | { kind: 'erase' }
/** What the page-side driver answers: when the effect showed (Date.now()), or what went wrong. */
interface Done {
  at: number
  /** When the control was clicked. */
  clicked: number
  error?: string
}

declare global {
  interface Window {
    __soak: {
      /** Resolves with Date.now() once this tab's preferences (of `ids`) read `want`, or `null` after `ms`. */
      until(want: string, ids: string[] | null, ms: number): Promise<number | null>
      /** This tab's preferences, as the model writes them. */
      prefs(ids: string[] | null): Promise<string>
      /** Does one operation through the page and the panel, as a visitor would, once this tab reads `before`; resolves when it reads `after`. */
      act(op: Op, before: string, after: string, ids: string[] | null): Promise<Done>
      export(): Promise<unknown>
      /** When this tab last heard that another tab changed something. */
      heard(): number
    }
  }
}

const SIGNALS = {
  topics: { type: 'multi', label: 'Topics you follow', options: ['sports', 'science', 'culture', 'business'] },
  'muted-topics': { type: 'multi', label: 'Topics you want less of', options: ['sports', 'science', 'culture', 'business'] },
  compact: { type: 'boolean', label: 'Compact layout', options: [] },
  region: { type: 'choice', label: 'Your region', options: ['eu', 'us'] },
} as const
type Id = keyof typeof SIGNALS
const IDS = Object.keys(SIGNALS) as Id[]
const LEVELS = ['off', 'declared', 'all']
/** While tab 0's connection is lost: what it changes, what the others change (and the level), and what those read. */
const MINE: readonly Id[] = ['compact', 'region']
const THEIRS: readonly Id[] = ['topics', 'muted-topics']
const OTHERS = [...THEIRS, 'level']
/** A visitor without GPC who never chose a level is at `all`. */
const DEFAULT_LEVEL = 'all'

/** The page-side driver (an init script: every page, reloaded or new, has it). It clicks the real controls. */
function driver() {
  type C = {
    level: string
    explain(id: string): { value?: unknown; state: string; setAt?: number }
    export(): unknown
    subscribe(fn: () => void): () => void
  }
  const candor = () => (window as unknown as { Candor: { ready: Promise<C> } }).Candor.ready
  const norm = (v: unknown) => (Array.isArray(v) ? [...v].sort() : v)
  const IDS = ['compact', 'muted-topics', 'region', 'topics']
  // From explain() and the level, as the panel shows them: cheap enough to check at every change.
  const prefs = (c: C, ids: string[] | null) => {
    const values: Record<string, { value?: unknown; off: boolean }> = {}
    for (const id of IDS)
      if (!ids || ids.includes(id)) {
        const e = c.explain(id)
        if (e.setAt !== undefined) values[id] = { ...(e.value !== undefined ? { value: norm(e.value) } : {}), off: e.state == 'off' }
      }
    return JSON.stringify({ level: ids && !ids.includes('level') ? null : c.level, values })
  }
  /** Resolves with the time `ok()` first holds, checked at every change and every few ms; `null` after `ms`. */
  const waitFor = (c: C, ok: () => boolean, ms: number) =>
    new Promise<number | null>((done) => {
      if (ok()) return done(Date.now())
      const end = setTimeout(() => finish(null), ms)
      const poll = setInterval(() => ok() && finish(Date.now()), 5)
      const stop = c.subscribe(() => ok() && finish(Date.now()))
      function finish(at: number | null) {
        clearTimeout(end)
        clearInterval(poll)
        stop()
        done(at)
      }
    })
  const root = () => document.querySelector('candor-widget')?.shadowRoot ?? null
  const dialog = () => root()?.querySelector('dialog') ?? null
  const card = (label: string) => [...(root()?.querySelectorAll('.signal') ?? [])].find((c) => c.querySelector('h4 bdi')?.textContent == label) ?? null
  const button = (within: ParentNode | null | undefined, text: string) =>
    [...(within?.querySelectorAll('button') ?? [])].find((b) => b.textContent?.trim() == text) as HTMLButtonElement | undefined
  const notice = () => document.querySelector('candor-notice')?.shadowRoot?.querySelector('[role=status]') ?? null
  const labels: Record<string, string> = {
    topics: 'Topics you follow',
    'muted-topics': 'Topics you want less of',
    compact: 'Compact layout',
    region: 'Your region',
  }

  // When this tab last heard another tab's "changed" (Candor's channel): the write was stored by then.
  let heard = 0
  try {
    new BroadcastChannel('candor:daily-planet').onmessage = () => (heard = Date.now())
  } catch {}

  // When this tab began to read what it reads now: asked later, it answers when it first did, not when asked.
  let reads = ''
  let since = 0
  // candor.js (in <head>) has run by then; this init script runs before it.
  addEventListener('DOMContentLoaded', () =>
    candor().then((c) => {
      const note = () => {
        const now = prefs(c, null)
        if (now != reads) (reads = now), (since = Date.now())
      }
      note()
      c.subscribe(note)
    }),
  )

  window.__soak = {
    heard: () => heard,
    async until(want, ids, ms) {
      const c = await candor()
      const at = await waitFor(c, () => prefs(c, ids) == want, ms)
      return at !== null && ids === null && reads == want ? Math.min(at, since) : at
    },
    async prefs(ids) {
      return prefs(await candor(), ids)
    },
    async export() {
      return (await candor()).export()
    },
    async act(op, before, after, ids) {
      const c = await candor()
      let clicked = 0
      const click = (el: HTMLElement) => {
        clicked = Date.now()
        el.click()
      }
      const fail = (error: string): Done => ({ at: Date.now(), clicked, error: `${error} (this tab reads ${prefs(c, ids)})` })
      // The tab must show what the other tabs did before the visitor acts on it, as a visitor would see it.
      if ((await waitFor(c, () => prefs(c, ids) == before, 5_000)) === null) return fail(`this tab never read ${before} before ${JSON.stringify(op)}`)
      const shown = async (ok: () => unknown, what: string) => {
        if ((await waitFor(c, () => !!ok(), 5_000)) === null) throw new Error(`${what} never showed`)
      }
      try {
        if (op.kind == 'declare' || op.kind == 'undo') {
          // The notice and the page's controls are outside the modal panel: close it first.
          const d = dialog()
          if (d?.open) {
            button(d, 'Close')!.click()
            await shown(() => !dialog()?.open, 'the panel closed')
          }
          const old = document.querySelector('candor-notice')
          if (op.kind == 'declare') {
            const controls = [...document.querySelectorAll<HTMLElement>(`.top [data-candor-declare="${op.id}:${op.option}"]`)]
            click(controls[op.nth % controls.length]!)
            await shown(() => document.querySelector('candor-notice') != old && button(notice(), 'Undo'), 'the notice with Undo')
          } else {
            const undo = button(notice(), 'Undo')
            if (!undo) return fail('no Undo to click')
            click(undo)
            await shown(() => notice()?.textContent?.includes('is as it was'), 'the notice saying Undone')
          }
        } else {
          if (!dialog()?.open) {
            ;(window as unknown as { Candor: { open(): void } }).Candor.open()
            await shown(() => dialog()?.open && card('Your region'), 'the panel')
          }
          const r = root()!
          // The panel's answer next to its data buttons, seen to change after the click (it may say the same as last time).
          const status = r.querySelector('.data .status')!
          let changed = false
          const mo = new MutationObserver(() => (changed = true))
          mo.observe(status, { subtree: true, childList: true, characterData: true })
          const said = (text: string) => shown(() => changed && status.textContent == text, `“${text}”`).finally(() => mo.disconnect())
          if (op.kind == 'level') {
            click(r.querySelector<HTMLInputElement>(`fieldset.level input[value="${op.level}"]`)!)
          } else if (op.kind == 'erase') {
            button(r, 'Erase everything')!.click()
            await shown(() => button(root(), 'Yes, erase everything'), 'the confirmation')
            click(button(root(), 'Yes, erase everything')!)
            // Said once the erasure is stored: a change in another tab can't come before it.
            await said('Everything was erased.')
          } else if (op.kind == 'import') {
            const input = r.querySelector<HTMLInputElement>('input[type=file]')!
            const files = new DataTransfer()
            files.items.add(new File([op.file], 'daily-planet-preferences.json', { type: 'application/json' }))
            input.files = files.files
            clicked = Date.now()
            input.dispatchEvent(new Event('change', { bubbles: true }))
            await said('Imported.')
          } else {
            const box = () => card(labels[op.id]!)
            if (op.kind == 'forget') {
              await shown(() => button(box(), 'Forget'), 'Forget')
              click(button(box(), 'Forget')!)
            } else if (op.kind == 'switch') {
              // The switch must say what the visitor believes before they flip it.
              const sw = () => box()?.querySelector<HTMLElement>('[role=switch]')
              await shown(() => sw()?.getAttribute('aria-checked') == String(op.checked), `the switch of ${op.id} at ${op.checked}`)
              click(sw()!)
            } else if (op.option === undefined) {
              // A boolean: its switch is its value.
              const sw = () => box()?.querySelector<HTMLElement>('[role=switch]')
              await shown(() => sw()?.getAttribute('aria-checked') == String(op.checked), `the switch of ${op.id} at ${op.checked}`)
              click(sw()!)
            } else {
              const input = () => box()?.querySelector<HTMLInputElement>(`input[value="${op.option}"]`)
              await shown(() => input()?.checked === op.checked, `${op.id}:${op.option} ${op.checked ? 'ticked' : 'not ticked'}`)
              click(input()!)
            }
          }
        }
      } catch (e) {
        return fail(`${(e as Error).message} in ${JSON.stringify(op)}`)
      }
      const at = await waitFor(c, () => prefs(c, ids) == after, 5_000)
      return at === null ? fail(`after ${JSON.stringify(op)} this tab never read ${after}`) : { at, clicked }
    },
  }
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed from its seed. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const key = (p: Prefs, ids: readonly string[] | null = null) => {
  const values: Record<string, Pref> = {}
  for (const id of Object.keys(p.values).sort())
    if (!ids || ids.includes(id)) {
      const v = p.values[id]!
      values[id] = { ...(v.value !== undefined ? { value: Array.isArray(v.value) ? [...v.value].sort() : v.value } : {}), off: v.off }
    }
  return JSON.stringify({ level: ids && !ids.includes('level') ? null : (p.level ?? DEFAULT_LEVEL), values })
}

/** The model: what each operation makes of the preferences. */
const apply = (p: Prefs, op: Op, undo: { id: string; prev?: Pref } | undefined, file?: Prefs): Prefs => {
  const next: Prefs = { level: p.level, values: { ...p.values } }
  const set = (id: string, v: Pref | undefined) => (v ? (next.values[id] = v) : delete next.values[id])
  switch (op.kind) {
    case 'declare': {
      const now = (p.values[op.id]?.value as string[] | undefined) ?? []
      set(op.id, { value: now.includes(op.option) ? now.filter((x) => x != op.option) : [...now, op.option], off: false })
      break
    }
    case 'undo':
      set(undo!.id, undo!.prev)
      break
    case 'pick': {
      const def = SIGNALS[op.id as Id]
      if (def.type == 'boolean') set(op.id, { value: !op.checked, off: false })
      else if (def.type == 'choice') set(op.id, { value: op.option!, off: false })
      else {
        const now = (p.values[op.id]?.value as string[] | undefined) ?? []
        set(op.id, { value: op.checked ? now.filter((x) => x != op.option) : [...now, op.option!], off: false })
      }
      break
    }
    case 'switch':
      set(op.id, { ...p.values[op.id]!, off: op.checked })
      break
    case 'forget':
      set(op.id, undefined)
      break
    case 'level':
      next.level = op.level
      break
    case 'import':
      for (const [id, v] of Object.entries(file!.values)) set(id, v)
      if (file!.level !== null) next.level = file!.level
      break
    case 'erase':
      return { level: null, values: {} }
  }
  return next
}

/** A random operation a visitor could do now, by the model: only what the page or the panel offers. */
const choose = (rand: () => number, p: Prefs, ids: readonly Id[], canUndo: boolean, files: Array<{ file: string; prefs: Prefs }>, whole: boolean): Op => {
  const pickOf = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!
  for (;;) {
    const r = rand()
    if (canUndo && r < 0.12) return { kind: 'undo' }
    const declarable = ids.filter((id) => id == 'topics' || id == 'muted-topics')
    if (r < 0.4 && declarable.length) {
      const id = pickOf(declarable)
      return { kind: 'declare', id, option: pickOf(SIGNALS[id].options), nth: Math.floor(rand() * 2) }
    }
    if (r < 0.65) {
      const id = pickOf(ids)
      const def = SIGNALS[id]
      if (def.type == 'boolean') return { kind: 'pick', id, checked: p.values[id]?.value === true && !p.values[id]?.off }
      const option = pickOf(def.options as readonly string[])
      const now = p.values[id]?.value
      // A radio already chosen does nothing when clicked again: choose another.
      if (def.type == 'choice' && now === option) continue
      return { kind: 'pick', id, option, checked: Array.isArray(now) ? now.includes(option) : false }
    }
    if (r < 0.77) {
      // Only a signal holding a value has a switch (a boolean's switch is its value: that is `pick`).
      const held = ids.filter((id) => SIGNALS[id].type != 'boolean' && p.values[id]?.value !== undefined)
      if (!held.length) continue
      const id = pickOf(held)
      return { kind: 'switch', id, checked: !p.values[id]!.off }
    }
    if (r < 0.85) {
      const stored = ids.filter((id) => p.values[id])
      if (!stored.length) continue
      return { kind: 'forget', id: pickOf(stored) }
    }
    // The level, a file and erasing change every signal: not while one tab can't hear the others.
    if (!whole) continue
    if (r < 0.92) return { kind: 'level', level: pickOf(LEVELS.filter((l) => l != (p.level ?? DEFAULT_LEVEL))) }
    if (r < 0.97 && files.length) return { kind: 'import', file: pickOf(files).file }
    if (r >= 0.985) return { kind: 'erase' }
  }
}

const ready = (page: Page) => page.evaluate(() => (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready.then(() => undefined))

interface Figures {
  seed: number
  opsPerTab: number[]
  ops: number
  reloads: number
  reopened: number
  lost: number
  errors: string[]
  slowestMs: number
  /** For the slowest: from the click until the change was stored and the other tabs were told. */
  slowestToldMs: number
  lastMs: number
  /** From the moment the last change was stored until every tab showed it. */
  lastStoredMs: number
  healMs?: number
  seconds: number
  /** The machine's load average when the soak ended: timings on a busy 2-core machine are worth reading with it. */
  load: string
}

/** Runs the soak; with `fault`, tab 0 loses its IndexedDB connection for the middle third of the run. */
async function soak(page: Page, opsPerTab: number, fault: boolean): Promise<Figures> {
  const context = page.context()
  const seed = Number(process.env.SOAK_SEED ?? Math.floor(Math.random() * 2 ** 31))
  test.info().annotations.push({ type: 'seed', description: `SOAK_SEED=${seed}` })
  const rand = prng(seed)
  await context.addInitScript(driver)
  const errors: string[] = []
  const watch = (p: Page) => {
    p.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
    p.on('console', (m) => m.type() == 'error' && errors.push(`console.error: ${m.text()}`))
  }
  const faulty = async (p: Page) => {
    // F13: every open and transaction fails while __lost is set, with the error Safari reports.
    await p.addInitScript(loseIndexedDBConnection)
  }
  const tabs: Page[] = [page]
  for (let i = 1; i < 4; i++) tabs.push(await context.newPage())
  tabs.forEach(watch)
  if (fault) await faulty(tabs[0]!)
  await Promise.all(tabs.map((t) => t.goto('/')))
  await Promise.all(tabs.map(ready))

  let model: Prefs = { level: null, values: {} }
  const files: Array<{ file: string; prefs: Prefs }> = []
  const perTab = [0, 0, 0, 0]
  let ops = 0
  let reloads = 0
  let reopened = 0
  let slowest = 0
  let slowestStored = 0
  let afterStored = 0
  let last = 0
  let undo: { tab: number; id: string; prev?: Pref } | undefined
  let healMs: number | undefined
  const total = opsPerTab * 4
  // With a fault: tab 0 loses its connection for the middle third; meanwhile it changes only compact and region,
  // the others only the topics, so what each tab does is well defined while tab 0 can't hear them (see F13).
  const faultFrom = fault ? Math.min(150, Math.floor(total / 3)) : Number.POSITIVE_INFINITY
  const faultTo = fault ? Math.min(350, Math.floor((2 * total) / 3)) : Number.POSITIVE_INFINITY
  const reopenAt = Math.min(100, Math.floor(total * 0.45))
  const started = Date.now()
  const timing: Record<string, number[]> = {}
  let lastTab = -1
  let lastClick = 0

  /** Waits until every tab reads the model; returns the ms from `since` until the last one did. */
  const converge = async (since: number, what: string) => {
    const want = key(model)
    const times = await Promise.all(tabs.map((t) => t.evaluate(({ want }) => window.__soak.until(want, null, 10_000), { want })))
    if (times.includes(null)) {
      const seen = await Promise.all(tabs.map((t) => t.evaluate(() => window.__soak.prefs(null))))
      expect(seen, `every tab reads the model ${what} (seed ${seed})`).toEqual(tabs.map(() => want))
    }
    const heard = await Promise.all(tabs.map((t) => t.evaluate(() => window.__soak.heard())))
    const ms = Math.max(0, ...(times as number[]).map((t) => t - since))
    // Of which: from the click until the write was stored and told to the other tabs.
    if (ms >= slowest) slowestStored = Math.max(0, ...heard.map((t) => t - since))
    // From the moment the change was stored (the first tab told of it) until every tab shows it: how the tabs converge,
    // apart from how long IndexedDB took to store it on a loaded machine. Nothing told (the last op changed nothing): from the click.
    const told = heard.filter((t) => t >= since)
    afterStored = Math.max(0, ...(times as number[]).map((t) => t - (told.length ? Math.min(...told) : since)))
    return ms
  }

  /** Before a tab goes away (reload, close): what it changed is stored, as another tab reading it shows. */
  const settled = async (i: number, inFault: boolean) => {
    const j = [1, 2, 3].find((k) => k != i)!
    const scope = inFault ? OTHERS : null
    const at = await tabs[j]!.evaluate(({ want, scope }) => window.__soak.until(want, scope, 10_000), { want: key(model, scope), scope })
    expect(at, `tab ${j} reads the model before tab ${i} goes (seed ${seed})`).not.toBeNull()
  }

  while (ops < total) {
    if (Date.now() - started > BUDGET_MS && !(ops >= faultFrom && ops <= faultTo + AFTER_HEAL)) {
      // The 2-minute bound comes first: a loaded machine does fewer ops, and says so. Never inside the fault, nor at
      // its last op, where tab 0 is healed below (cut there, the run ended with tab 0 still without storage), nor
      // right after it: the last change is timed on tabs done saving what the fault held.
      test.info().annotations.push({ type: 'cut short', description: `after ${ops} of ${total} ops: ${BUDGET_MS / 1000} s of operations` })
      break
    }
    const inFault = ops >= faultFrom && ops < faultTo
    if (fault && ops == faultFrom) await tabs[0]!.evaluate(() => ((window as unknown as { __lost: boolean }).__lost = true))
    if (fault && ops == faultTo) {
      // Healed: tab 0 is shown again (as after Safari's backgrounding) and saves what it kept.
      const healedAt = Date.now()
      await tabs[0]!.evaluate(() => {
        const w = window as unknown as { __lost: boolean; setVisibility(s: string): void }
        w.setVisibility('hidden')
        w.__lost = false
        w.setVisibility('visible')
      })
      healMs = await converge(healedAt, 'once the fault passed')
    }
    if (ops == reopenAt) {
      // One tab closed and opened again (not tab 0, whose fault is its own init script).
      await settled(3, inFault)
      await tabs[3]!.close()
      tabs[3] = await context.newPage()
      watch(tabs[3]!)
      await tabs[3]!.goto('/')
      await ready(tabs[3]!)
      reopened++
      if (undo?.tab == 3) undo = undefined
    }
    // Sometimes a tab is reloaded (never tab 0 while its fault lasts: what it kept in memory would go with it).
    if (rand() < 0.02) {
      const i = Math.floor(rand() * 4)
      if (!(inFault && i == 0)) {
        await settled(i, inFault)
        await tabs[i]!.reload()
        await ready(tabs[i]!)
        reloads++
        if (undo?.tab == i) undo = undefined
      }
    }
    // A visitor does a few things in one tab before going to another: runs of about 2.5 ops a tab.
    let tab = lastTab >= 0 && rand() < 0.6 ? lastTab : Math.floor(rand() * 4)
    if (undo && undo.tab != tab && rand() < 0.3) tab = undo.tab
    // While the fault lasts tab 0 changes only compact and region, which it alone changes, and reads only
    // those; the other tabs change and read only the topics and the level: what each does is well defined.
    const ids: readonly Id[] = inFault ? (tab == 0 ? MINE : THEIRS) : IDS
    const scope = inFault ? (tab == 0 ? [...MINE] : OTHERS) : null
    const canUndo = undo?.tab == tab && ids.includes(undo.id as Id)
    const op = choose(rand, model, ids, canUndo, files, !inFault)
    const fileOf = op.kind == 'import' ? files.find((f) => f.file == op.file)!.prefs : undefined
    const next = apply(model, op, undo, fileOf)
    const t0 = Date.now()
    const done = await tabs[tab]!.evaluate(({ op, before, after, scope }) => window.__soak.act(op as Op, before, after, scope), {
      op,
      before: key(model, scope),
      after: key(next, scope),
      scope,
    })
    expect(done.error, `op ${ops} in tab ${tab} (seed ${seed})`).toBeUndefined()
    const kind = `${op.kind}${tab == lastTab ? '' : ' (other tab)'}`
    timing[kind] = [(timing[kind]?.[0] ?? 0) + 1, (timing[kind]?.[1] ?? 0) + Date.now() - t0, (timing[kind]?.[2] ?? 0) + done.clicked - t0]
    lastTab = tab
    undo = op.kind == 'declare' ? { tab, id: op.id, prev: model.values[op.id] } : undefined
    model = next
    ops++
    perTab[tab]!++
    // Every 50 ops (outside the fault), and at the end: how long from the click until all tabs read the model.
    lastClick = done.clicked
    if (!inFault && ops % 50 == 0 && ops < total) slowest = Math.max(slowest, await converge(done.clicked, `after op ${ops}`))
    // Now and then the visitor downloads their preferences: a file to import later.
    if (!inFault && rand() < 0.03) {
      const doc = await tabs[tab]!.evaluate(() => window.__soak.export())
      files.push({ file: JSON.stringify(doc), prefs: model })
      if (files.length > 5) files.shift()
    }
  }
  // The last change: how long from its click until every tab read the model.
  last = await converge(lastClick, `after the last op (${ops})`)
  const lastStored = afterStored
  slowest = Math.max(slowest, last)
  // What every tab reads is what IndexedDB holds: a fresh tab reads the same.
  const fresh = await context.newPage()
  watch(fresh)
  await fresh.goto('/')
  await ready(fresh)
  const stored = JSON.parse(await fresh.evaluate(() => window.__soak.prefs(null))) as Prefs
  await fresh.close()
  let lost = 0
  const want = JSON.parse(key(model)) as Prefs
  // A value lost: a signal (or the level) that a fresh tab doesn't read as the model says.
  for (const id of IDS) if (JSON.stringify(want.values[id]) != JSON.stringify(stored.values[id])) lost++
  if (want.level != stored.level) lost++
  const figures: Figures = {
    seed,
    opsPerTab: perTab,
    ops,
    reloads,
    reopened,
    lost,
    errors,
    slowestMs: slowest,
    slowestToldMs: slowestStored,
    lastMs: last,
    lastStoredMs: lastStored,
    healMs,
    seconds: Math.round((Date.now() - started) / 1000),
    load: os.loadavg()[0]!.toFixed(1),
  }
  const { errors: _, ...shown } = figures
  for (const [type, description] of Object.entries({ ...shown, errors: errors.length }))
    test.info().annotations.push({ type, description: String(Array.isArray(description) ? description.join(' / ') : description) })
  console.log(`soak${fault ? ' with a fault' : ''}:`, JSON.stringify({ ...shown, errors: errors.length }))
  console.log(
    Object.entries(timing)
      .map(([k, [n, ms, pre]]) => `${k}: ${n} × ${Math.round(ms! / n!)} ms (${Math.round(pre! / n!)} before the click)`)
      .join('\n'),
  )
  expect(stored, `a fresh tab reads what the model predicts (seed ${seed})`).toEqual(want)
  return figures
}

/**
 * Every tab shows the last change within this many ms of its being stored: a bound on converging at all, not a speed
 * claim (speed is `pnpm bench`'s to report). The figure is in the annotations: about 20-50 ms on a quiet machine, and
 * once 108 ms on CI's 2 cores at load 7.
 */
const CONVERGED_MS = 1000
/** How long the operations may take, so that setup, the checks and the fault's healing fit in 2 minutes. */
const BUDGET_MS = 80_000
/** Operations done after a fault heals before the time bound may end the run. */
const AFTER_HEAL = 20
/** Operations per tab, the count (SOAK_OPS to try another); a loaded machine runs as many as fit in BUDGET_MS, and the annotations say how many. */
const OPS = Number(process.env.SOAK_OPS ?? 500)

test.describe('soak', () => {
  // Firefox over WebDriver BiDi takes several times as long per operation: the soak runs in Chromium.
  test.skip(({ browserName }) => browserName != 'chromium', 'too slow over WebDriver BiDi for 2 minutes')

  test(`S36: 4 tabs × up to ${OPS} random operations (as many as fit in ${BUDGET_MS / 1000} s): every tab shows the model once the last change is stored (within ${CONVERGED_MS} ms), nothing lost, no error`, async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const f = await soak(page, OPS, false)
    expect(f.lost, 'values lost').toBe(0)
    expect(f.errors, 'uncaught errors and console errors').toEqual([])
    expect(f.lastStoredMs, 'ms from the last change being stored until every tab showed it').toBeLessThanOrEqual(CONVERGED_MS)
  })

  test('S36: the same with one tab losing its IndexedDB connection for a while (F13), then healed: nothing lost', async ({ page }) => {
    test.setTimeout(120_000)
    const f = await soak(page, OPS, true)
    expect(f.lost, 'values lost').toBe(0)
    expect(f.errors, 'uncaught errors and console errors').toEqual([])
    expect(f.lastStoredMs, 'ms from the last change being stored until every tab showed it').toBeLessThanOrEqual(CONVERGED_MS)
  })
})
