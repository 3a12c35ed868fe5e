// Applies the data-candor-* attributes to the page, for elements there now and added later: gated
// elements, ranked containers, declaring controls, "why" markers and openers.
import type { Value } from '@candor/core'
import { moves, order, type Moves } from '@candor/core/rank'
import { INTENT_EVENTS as INTENT } from '@candor/widget/startup'
import { frameworkOf } from './framework.js'
import { holds, isBaseline, parseConditions } from './gate.js'
import { parseKeep, staying } from './rank.js'

const SHOW = 'data-candor-show'
const BASELINE = 'data-candor-baseline'
const WHY = 'data-candor-why'
const OPEN = 'data-candor-open'
const DECLARE = 'data-candor-declare'
const RANK = 'data-candor-rank'
const DEMOTE = 'data-candor-demote'
const KEEP = 'data-candor-keep'
const ABOUT = 'data-candor-about'
const NOTE = 'data-candor-note'
const GOAL = 'data-candor-goal'
/** Set by Candor once it decided: on a gated element `on` (shown) or `off` (hidden); on a ranked container `on` when reordered. */
const STATE = 'data-candor-state'
const GATED = `[${SHOW}],[${BASELINE}]`
const RANKED = `[${RANK}],[${DEMOTE}]`
/** What answers a click: Candor's buttons, openers and declaring controls. */
const CONTROL = `.candor-why,[${OPEN}],[${DECLARE}]`
/** Elements that are buttons or links already; others are made buttons for the keyboard and screen readers. */
const NATIVE = 'button,a[href],input,[tabindex]'

/**
 * Hides every gated element until Candor has decided about it. Installed synchronously from
 * <head>, before the body is parsed, so no frame ever paints one. Undecided baseline content
 * keeps its place (visibility), so showing it moves nothing: no layout shift in the common case.
 * A constructed stylesheet needs no <style> element, so a strict CSP (no 'unsafe-inline') allows it.
 */
export const cloak = (): (() => void) => {
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(
    `[${SHOW}]:not([${STATE}=on]),[${BASELINE}][${STATE}=off]{display:none!important}` +
      `[${BASELINE}]:not([${STATE}]){visibility:hidden!important}` +
      // One look for every "Why" button, whatever the host's font (its size follows the text it sits in).
      `.candor-why{font:500 max(12px,.6em)/1.2 system-ui,sans-serif;letter-spacing:normal;text-transform:none;vertical-align:middle;margin-inline-start:.5em;padding:.25em .7em;min-height:24px;border:1px solid currentColor;border-radius:1em;background:transparent;color:inherit;cursor:pointer}` +
      `[${DECLARE}][aria-disabled=true]{cursor:not-allowed}` +
      `.candor-note{font:.8rem/1.3 system-ui,sans-serif;margin:.25em 0;padding:.15em .7em;min-height:24px;border:1px dashed currentColor;border-radius:1em;background:transparent;color:inherit;cursor:pointer}` +
      `.candor-failure:not(:empty){position:fixed;bottom:60px;inset-inline-end:12px;z-index:2147483000;margin:0 0 0 12px;padding:10px 14px;font:15px/1.45 system-ui,sans-serif;background:Canvas;color:CanvasText;border:2px solid #b3261e;border-radius:12px}`,
  )
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  return () => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s != sheet))
}

/** Reads a signal for an element, recording the element as the read's reason; `undefined` when nothing may be used. */
export type Reader = (id: string, element: Element) => Value | undefined

/** What the engine asks the instance once it is ready, beyond reading. */
export interface Instance {
  /** Whether the visitor's stored, declared value holds `option` (for a boolean: is on). */
  pressed(id: string, option?: string): boolean
  /** Why an attribute can't be used (an undeclared signal, an unknown option, the wrong type), or `undefined`. */
  problem(kind: 'declare' | 'rank', id: string, option?: string): string | undefined
}

export interface Hooks {
  /** Opens the panel at a signal (or at the top), from the control the visitor used. */
  open(signalId?: string, from?: Element): void
  /** The text of the "Why am I seeing this?" button; empty while the page's words are still coming (see `relabel`). */
  whyLabel: string
  /** The visitor may be about to open the panel or declare (a pointer over a control, focus, a touch). */
  intent?(): void
  /** A "Why am I seeing this?" button was clicked: answer in place (default: open the panel at the signal). */
  why?(button: HTMLElement, id: string): void
  /** A declaring control was clicked. */
  declare?(element: Element, id: string, option?: string): void
  /** A `data-candor-goal` element was seen (`reached: false`: the goal is named) or clicked (reached). */
  goal?(name: string, reached: boolean): void
  /** A data-candor attribute can't be used: said once per element. */
  report?(message: string): void
  /** The words of a ranked container's note: what tailoring changed (`text`) and what the button does (`label`); none while the page's words are still coming. */
  note?(moves: Moves, usual: boolean): { text: string; label: string } | undefined
  /** The page changed (content added or removed, <body> replaced): Candor's own elements may need to come back. */
  changed?(): void
}

export interface Attributes {
  /** Decides every gated element and ranked container again: with `read`, by the visitor's preferences; without, the baseline. */
  apply(read?: Reader, instance?: Instance): void
  /** The page's words came in: the "Why" buttons and notes that waited for them are added. */
  relabel(): void
  stop(): void
}

/** An element that isn't a button or a link already is made one, for the keyboard and for screen readers. */
const asButton = (el: Element) => {
  if (el.matches(NATIVE)) return
  el.setAttribute('tabindex', '0')
  if (!el.hasAttribute('role')) el.setAttribute('role', 'button')
}

/** `data-candor-declare="topics:science"` or `"compact"`: the signal and the option. */
const parseDeclare = (text: string) => {
  const i = text.indexOf(':')
  return i < 0 ? { id: text.trim() } : { id: text.slice(0, i).trim(), option: text.slice(i + 1).trim() }
}
const words = (text: string | null) => (text ?? '').trim().split(/\s+/).filter(Boolean)
/** How an element is named in a message: its tag and the attribute. */
const named = (el: Element, attr: string) => `<${el.localName} ${attr}="${el.getAttribute(attr)}">`

/** Watches the page for gated elements, ranked containers, declaring controls, "why" markers and openers. */
export const watchAttributes = (hooks: Hooks): Attributes => {
  let read: Reader | undefined
  let instance: Instance | undefined
  let decided = false
  const reported = new WeakMap<Element, string>()
  const report = (el: Element, message: string) => {
    if (reported.get(el) == message) return
    reported.set(el, message)
    hooks.report?.(message)
  }

  const decide = (el: Element) => {
    const show = el.getAttribute(SHOW)
    const base = el.getAttribute(BASELINE)
    let on: boolean
    if (!read) on = show === null
    else {
      const r = read
      on =
        (show === null || parseConditions(show).every((c) => holds(r(c.id, el), c))) &&
        (base === null || parseConditions(base).every((c) => isBaseline(r(c.id, el))))
    }
    // Only touch the DOM when the decision changes: observers (ours and the site's) stay quiet.
    const state = on ? 'on' : 'off'
    if (el.getAttribute(STATE) != state) el.setAttribute(STATE, state)
  }

  // The page's own order of each ranked container's children, restored whenever nothing may be used.
  const pageOrder = new WeakMap<Element, Element[]>()
  /** How each container was last decided: its values and usual-order choice, its children as shown, their about. */
  const decidedAs = new WeakMap<Element, { key: string; kids: Element[]; texts: (string | null)[] }>()
  const same = <T>(a: readonly T[], b: readonly T[]) => a.length == b.length && a.every((x, i) => x === b[i])
  const rank = (box: Element) => {
    // A framework's list is the framework's to order: moving its nodes would fight its next render.
    const framework = frameworkOf(box)
    if (framework) {
      report(
        box,
        `Candor: ${named(box, box.hasAttribute(RANK) ? RANK : DEMOTE)} is rendered by ${framework}, so it keeps its order: rank it with useRanked from @candor/react or @candor/vue`,
      )
      return note(box, { up: 0, upValues: [], down: 0 }, false)
    }
    const seen = pageOrder.get(box) ?? []
    const kids = [...box.children]
    // Children the page adds later take their place after those it had.
    const known = new Set(seen)
    const mine = seen.filter((k) => k.parentElement == box).concat(kids.filter((k) => !known.has(k)))
    pageOrder.set(box, mine)
    const up = new Set<string>()
    const down = new Set<string>()
    const keep = parseKeep(box.getAttribute(KEEP))
    if (keep === undefined) report(box, `Candor: ${named(box, KEEP)}: must be a whole number of children from 0 (the page keeps them first)`)
    let usable = !!read
    if (!mine.some((k) => k.hasAttribute(ABOUT))) {
      // Said once the page is parsed: until then its children may still be coming.
      if (instance && document.readyState != 'loading')
        report(box, `Candor: ${named(box, box.hasAttribute(RANK) ? RANK : DEMOTE)}: none of its children has data-candor-about, so it keeps the page's order`)
      usable = false
    }
    if (usable)
      for (const [attr, into] of [
        [RANK, up],
        [DEMOTE, down],
      ] as const)
        for (const id of words(box.getAttribute(attr))) {
          const why = instance?.problem('rank', id)
          if (why) {
            report(box, `Candor: ${named(box, attr)}: ${why}`)
            continue
          }
          const v = read!(id, box)
          if (Array.isArray(v)) v.forEach((x) => into.add(x))
          else if (typeof v == 'string') into.add(v)
        }
    // A bad keep can't say which children the site wanted first: the page's order, as for the other bad attributes.
    if (keep === undefined) up.clear(), down.clear()
    // The visitor asked for the page's own order in this view (the note's button).
    const usual = inUsualOrder.has(box)
    // Decided again with the same children, the same values and the same words: nothing to do. Every change
    // re-decides the page, and a 10,000-children container would otherwise cost a long task each time.
    const texts = mine.map((k) => k.getAttribute(ABOUT))
    const key = JSON.stringify([[...up], [...down], keep, usual])
    const last = decidedAs.get(box)
    if (last && last.key == key && same(last.kids, kids) && same(last.texts, texts)) return
    const about = texts.map(words)
    const ranking = { up, down, keep: keep ?? 0 }
    const tailored = order(about, ranking)
    const wanted = (usual ? mine.map((_, i) => i) : tailored).map((i) => mine[i]!)
    decidedAs.set(box, { key, kids: wanted, texts })
    note(box, moves(about, tailored, ranking), usual)
    // Nodes are moved, never removed, so reading and keyboard order follow what is seen; only when it differs.
    if (wanted.some((k, i) => kids[i] != k)) {
      // A moved node loses focus: the control the visitor just used keeps it.
      const active = document.activeElement
      // Only the children off the longest run already in order move, each right before its successor.
      const now = new Map(kids.map((k, i) => [k, i]))
      const stay = staying(wanted.map((k) => now.get(k)!))
      // Our own moves are not new content: the observer needn't visit 10,000 moved children again. What the
      // page did before them (new children, its own changes) is handled as the observer would have.
      const before = observer.takeRecords()
      const moved = new Set<Node>()
      for (let i = wanted.length - 1, next: Element | null = null; i >= 0; next = wanted[i--]!)
        if (!stay.has(i)) {
          const k = wanted[i]!
          // moveBefore, where the browser has it, is an atomic move: cheaper, and it keeps focus and state.
          const b = box as Element & { moveBefore?: Element['insertBefore'] }
          b.moveBefore ? b.moveBefore(k, next) : b.insertBefore(k, next)
          moved.add(k)
        }
      // Each of our moves is a record of one node removed, and one of it added.
      const ours = (r: MutationRecord) => r.target == box && moved.has(r.addedNodes[0] ?? r.removedNodes[0]!)
      const others = before.concat(observer.takeRecords().filter((r) => !ours(r)))
      if (others.length) handle(others)
      if (active instanceof HTMLElement && box.contains(active) && document.activeElement != active) active.focus({ preventScroll: true })
    }
    const state = wanted.some((k, i) => mine[i] != k) ? 'on' : 'off'
    if (box.getAttribute(STATE) != state) box.setAttribute(STATE, state)
  }

  // Next to each reordered container, a button that says what tailoring changed and shows the page's own order.
  const inUsualOrder = new WeakSet<Element>()
  const notes = new Map<Element, HTMLButtonElement>()
  /** What each container's note says, in data: worded again when the page's words come in. */
  const said = new Map<Element, [Moves, boolean]>()
  const unnote = (box: Element) => void (notes.get(box)?.remove(), notes.delete(box))
  /** A note leaves with its container: content a router took away takes its note along. */
  const sweep = () => said.forEach((_, box) => box.isConnected || (unnote(box), said.delete(box)))
  const note = (box: Element, m: Moves, usual: boolean) => {
    let b = notes.get(box)
    said.set(box, [m, usual])
    const words = hooks.note?.(m, usual)
    if (!words || (!m.up && !m.down)) return unnote(box)
    if (!b) {
      const made = (b = document.createElement('button'))
      b.type = 'button'
      b.className = 'candor-note'
      // Turbo's page cache would keep a copy without its listener: it is added again when the page shows.
      b.setAttribute('data-turbo-temporary', '')
      b.addEventListener('click', () => {
        inUsualOrder.has(box) ? inUsualOrder.delete(box) : inUsualOrder.add(box)
        rank(box)
        made.focus()
      })
      notes.set(box, b)
    }
    if (b.textContent != words.text) b.textContent = words.text
    if (b.getAttribute('aria-label') != words.label) b.setAttribute('aria-label', words.label)
    const home = box.id ? document.querySelector(`[${NOTE}="${CSS.escape(box.id)}"]`) : null
    if (home ? b.parentElement != home : b.nextElementSibling != box) home ? home.append(b) : box.before(b)
  }

  const declaring = (el: Element) => {
    const text = el.getAttribute(DECLARE)
    if (text === null) return
    asButton(el)
    if (!instance) return
    const { id, option } = parseDeclare(text)
    const why = instance.problem('declare', id, option)
    if (why) report(el, `Candor: ${named(el, DECLARE)}: ${why}`)
    const pressed = why ? null : String(instance.pressed(id, option))
    if (why) el.setAttribute('aria-disabled', 'true')
    else if (el.getAttribute('aria-disabled') == 'true') el.removeAttribute('aria-disabled')
    if (pressed === null) el.removeAttribute('aria-pressed')
    else if (el.getAttribute('aria-pressed') != pressed) el.setAttribute('aria-pressed', pressed)
  }

  const addWhy = (el: Element) => {
    const id = el.getAttribute(WHY)
    if (!id || !hooks.whyLabel || el.querySelector(':scope > .candor-why')) return
    const b = document.createElement('button')
    b.type = 'button'
    b.className = 'candor-why'
    b.textContent = hooks.whyLabel
    b.dataset.candorFor = id
    el.append(b)
  }

  /** `root` itself when it matches, then every match inside it. */
  const within = (root: Element | Document, selector: string): Element[] => [
    ...(root instanceof Element && root.matches(selector) ? [root] : []),
    ...root.querySelectorAll(selector),
  ]

  const visit = (root: Element | Document) => {
    if (decided) {
      for (const el of within(root, GATED)) decide(el)
      for (const el of within(root, RANKED)) rank(el)
    }
    for (const el of within(root, `[${WHY}]`)) addWhy(el)
    for (const el of within(root, `[${DECLARE}]`)) declaring(el)
    for (const el of within(root, `[${OPEN}]`)) asButton(el)
    if (decided) for (const el of within(root, `[${GOAL}]`)) goal(el, false)
  }
  const goal = (el: Element, reached: boolean) => {
    const name = el.getAttribute(GOAL)?.trim()
    if (name) hooks.goal?.(name, reached)
  }

  const handle = (records: MutationRecord[]) => {
    const boxes = new Set<Element>()
    // Nodes that were in the page when these changes began (removed before being added): the page moved them.
    // They were visited already, and what changed inside them while detached has records of its own.
    const seen = new Set<Node>()
    const here = new Set<Node>()
    for (const r of records) {
      const t = r.target as Element
      if (r.type == 'attributes') {
        if (r.attributeName == WHY) addWhy(t)
        else if (r.attributeName == DECLARE) declaring(t)
        else if (decided && (r.attributeName == RANK || r.attributeName == DEMOTE || r.attributeName == KEEP)) boxes.add(t)
        else if (decided) decide(t)
      } else {
        // Children added to a ranked container (as the parser reaches them, or later) are ranked with it.
        if (decided && t.matches?.(RANKED)) boxes.add(t)
        for (const n of r.removedNodes) if (!seen.has(n)) seen.add(n), here.add(n)
        for (const n of r.addedNodes) {
          seen.add(n)
          // A moved ranked container takes its note along (rank places it); nothing else needs a visit.
          if (n.nodeType == 1) here.has(n) ? decided && within(n as Element, RANKED).forEach((b) => boxes.add(b)) : visit(n as Element)
        }
      }
    }
    for (const b of boxes) if (b.isConnected) rank(b)
    sweep()
    hooks.changed?.()
  }
  const observer = new MutationObserver(handle)
  observer.observe(document.documentElement, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: [SHOW, BASELINE, WHY, DECLARE, RANK, DEMOTE, KEEP],
  })
  // Whatever is parsed already (the script may sit at the end of <body>, or load async).
  visit(document)

  const onClick = (e: Event) => {
    // A goal is reached by the click itself; what the element does (a link, a button) goes on as usual.
    const g = (e.target as Element | null)?.closest?.(`[${GOAL}]`)
    if (g && e.type == 'click') goal(g, true)
    const t = (e.target as Element | null)?.closest?.(CONTROL)
    if (!t) return
    e.preventDefault()
    const text = t.getAttribute(DECLARE)
    if (text !== null) {
      // Before the instance is ready too: the declaration waits for it rather than being lost.
      if (t.getAttribute('aria-disabled') != 'true') {
        const { id, option } = parseDeclare(text)
        hooks.declare?.(t, id, option)
      }
      return
    }
    const whyFor = (t as HTMLElement).dataset.candorFor
    if (whyFor && t.classList.contains('candor-why') && hooks.why) return hooks.why(t as HTMLElement, whyFor)
    hooks.open(whyFor || t.getAttribute(OPEN) || undefined, t)
  }
  // A control that isn't a button still answers the keyboard.
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as Element
    if ((e.key == 'Enter' || e.key == ' ') && t.matches?.(`[${OPEN}],[${DECLARE}]`) && !t.matches(NATIVE.replace(',[tabindex]', ''))) onClick(e)
  }
  const onIntent = (e: Event) => {
    if ((e.target as Element | null)?.closest?.(CONTROL)) hooks.intent?.()
  }
  document.addEventListener('click', onClick)
  document.addEventListener('keydown', onKey)
  for (const t of INTENT) document.addEventListener(t, onIntent, { passive: true })

  return {
    apply(r, i) {
      read = r
      if (i) instance = i
      decided = true
      visit(document)
    },
    relabel() {
      for (const el of within(document, `[${WHY}]`)) addWhy(el)
      said.forEach(([m, usual], box) => note(box, m, usual))
    },
    stop() {
      observer.disconnect()
      document.removeEventListener('click', onClick)
      document.removeEventListener('keydown', onKey)
      for (const t of INTENT) document.removeEventListener(t, onIntent)
    },
  }
}

/** What tailoring changed on the page now: gated parts shown for the visitor, containers reordered, baseline parts hidden. */
export const pageChanges = () => ({
  shown: document.querySelectorAll(`[${SHOW}][${STATE}=on]`).length,
  reordered: document.querySelectorAll(`[${RANK}][${STATE}=on],[${DEMOTE}][${STATE}=on]`).length,
  hidden: document.querySelectorAll(`[${BASELINE}][${STATE}=off]`).length,
})
