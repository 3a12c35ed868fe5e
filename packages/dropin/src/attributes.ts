// Applies the data-candor-* attributes to the page, for elements there now and added later: gated
// elements, ranked containers, declaring controls, "why" markers and openers.
import type { Value } from '@candor/core'
import type { Moves } from '@candor/core/rank'
import { listenClicks } from './clicks.js'
import { holds, isBaseline, parseConditions } from './gate.js'
import { BASELINE, DECLARE, DEMOTE, GATED, GOAL, KEEP, NATIVE, OPEN, RANK, RANKED, SHOW, STATE, WHY, named, parseDeclare, within } from './names.js'
import type { Glider } from './motion.js'
import { createNotes } from './notes.js'
import { NOTHING_MOVED, createRanking, type RankContext } from './ranking.js'

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
      // One look for every "Why" button and note, whatever the host's font (a button's size follows the text it sits in).
      `.candor-why,.candor-note{min-height:24px;border:1px solid currentColor;border-radius:1em;background:transparent;color:inherit;cursor:pointer}` +
      `.candor-why{font:500 max(12px,.6em)/1.2 system-ui,sans-serif;letter-spacing:normal;text-transform:none;vertical-align:middle;margin-inline-start:.5em;padding:.25em .7em}` +
      `[${DECLARE}][aria-disabled=true]{cursor:not-allowed}` +
      `.candor-note{font:.8rem/1.3 system-ui,sans-serif;margin:.25em 0;padding:.15em .7em;border-style:dashed}` +
      `.candor-failure:not(:empty){position:fixed;bottom:60px;inset-inline-end:12px;z-index:2147483000;margin:0 0 0 12px;padding:10px 14px;font:15px/1.45 system-ui,sans-serif;background:Canvas;color:CanvasText;border:2px solid #b3261e;border-radius:12px}`,
  )
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  return () => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s != sheet))
}

/**
 * A page's mistake with an attribute: in words, or as a rule of the file of words (candor-catalog-words.js) and what its
 * words need, said once that file is in, which a page without mistakes never fetches.
 */
export type Mistake = string | readonly [rule: string, ...args: unknown[]]

/** Reads a signal for an element, recording the element as the read's reason; `undefined` when nothing may be used. */
export type Reader = (id: string, element: Element) => Value | undefined

/** What the engine asks the instance once it is ready (before: only `held`, from the snapshot), beyond reading. */
export interface Instance {
  /** Whether the visitor's stored, declared value holds `option` (for a boolean: is on). */
  pressed?(id: string, option?: string): boolean
  /** Why an attribute can't be used (an undeclared signal, an unknown option, the wrong type), or `undefined`. */
  problem?(kind: 'declare' | 'rank', id: string, option?: string): Mistake | undefined
  /** In a view held out to measure against: the value it pauses, that would tailor the page in any other view. */
  held?(id: string): Value | undefined
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
  /** A data-candor attribute can't be used: said once per element, after `at` (`Candor: <ul data-candor-rank="x">: `). */
  report?(at: string, mistake: Mistake): void
  /**
   * The words of a ranked container's note: what tailoring changed (`text`) and what the button does (`label`), or
   * (`held`) that this view, held out, shows the page as everyone sees it; none while the page's words are still coming.
   */
  note?(moves: Moves, usual: boolean, held: boolean): { text: string; label: string } | undefined
  /** The page changed (content added or removed, <body> replaced): Candor's own elements may need to come back. */
  changed?(): void
}

export interface Attributes {
  /**
   * Decides every gated element and ranked container again: with `read`, by the visitor's preferences; without, the
   * baseline. `glide`: for a change the visitor just made, what makes the items a list moves glide to their places.
   */
  apply(read?: Reader, instance?: Instance, glide?: Glider): void
  /** The page's words came in: the "Why" buttons and notes that waited for them are added. */
  relabel(): void
  stop(): void
}

/** Every element Candor attends to. */
const ANY = `${GATED},${RANKED},[${WHY}],[${DECLARE}],[${OPEN}],[${GOAL}]`

/** An element that isn't a button or a link already is made one, for the keyboard and for screen readers. */
const asButton = (el: Element) => {
  if (el.matches(NATIVE)) return
  el.setAttribute('tabindex', '0')
  if (!el.hasAttribute('role')) el.setAttribute('role', 'button')
}

/** Whether a gated element shows for the values `read` gives (without a reader: the page as everyone sees it). */
const shows = (el: Element, read: Reader | undefined) => {
  const show = el.getAttribute(SHOW)
  const base = el.getAttribute(BASELINE)
  return !read
    ? show === null
    : (show === null || parseConditions(show).every((c) => holds(read(c.id, el), c))) &&
        (base === null || parseConditions(base).every((c) => isBaseline(read(c.id, el))))
}

/**
 * Shows or hides a gated element; in a view held out, one the paused values would have shown gets the held-out
 * note where it would be, as a ranked list does ("Shown as everyone sees it this time — why?").
 */
const decide = (el: Element, ctx: RankContext) => {
  const on = shows(el, ctx.read)
  const held = ctx.instance?.held
  // A ranked container's note is its ranking's: a gated one keeps it.
  if (!el.matches(RANKED)) ctx.notes.note(el, NOTHING_MOVED, false, !on && !!held && el.hasAttribute(SHOW) && shows(el, held))
  // Only touch the DOM when the decision changes: observers (ours and the site's) stay quiet.
  const state = on ? 'on' : 'off'
  if (el.getAttribute(STATE) != state) el.setAttribute(STATE, state)
}

/** A declaring control: a button, `aria-pressed` as the visitor's stored value holds it, disabled (and said) when it can't be used. */
const declaring = (el: Element, ctx: RankContext) => {
  const text = el.getAttribute(DECLARE)
  if (text === null) return
  asButton(el)
  const instance = ctx.instance
  if (!instance?.pressed) return
  const { id, option } = parseDeclare(text)
  const why = instance.problem?.('declare', id, option)
  if (why) ctx.report(el, DECLARE, why)
  const pressed = why ? null : String(instance.pressed(id, option))
  if (why) el.setAttribute('aria-disabled', 'true')
  else if (el.getAttribute('aria-disabled') == 'true') el.removeAttribute('aria-disabled')
  if (pressed === null) el.removeAttribute('aria-pressed')
  else if (el.getAttribute('aria-pressed') != pressed) el.setAttribute('aria-pressed', pressed)
}

/** A "Why am I seeing this?" button inside a data-candor-why element, once its words are in. */
const addWhy = (el: Element, label: string) => {
  const id = el.getAttribute(WHY)
  if (!id || !label || el.querySelector(':scope > .candor-why')) return
  const b = document.createElement('button')
  b.type = 'button'
  b.className = 'candor-why'
  b.textContent = label
  b.dataset.candorFor = id
  el.append(b)
}

/**
 * The ranked containers a batch of the page's changes touched: new content is visited, changed attributes are
 * seen to (`attribute`), and containers whose children or ranking attributes changed are given to rank again.
 */
const touched = (records: MutationRecord[], decided: boolean, visit: (el: Element) => void, attribute: (el: Element, name: string | null) => void) => {
  const boxes = new Set<Element>()
  // Nodes that were in the page when these changes began (removed before being added): the page moved them.
  // They were visited already, and what changed inside them while detached has records of its own.
  const here = new Set<Node>()
  // New elements, to visit.
  const fresh = new Set<Node>()
  for (const r of records) {
    const t = r.target as Element
    if (r.type == 'attributes') {
      if (decided && (r.attributeName == RANK || r.attributeName == DEMOTE || r.attributeName == KEEP)) boxes.add(t)
      else attribute(t, r.attributeName)
      continue
    }
    // Children added to a ranked container (as the parser reaches them, or later) are ranked with it.
    if (decided && t.matches?.(RANKED)) boxes.add(t)
    for (const n of r.removedNodes) if (!fresh.has(n)) here.add(n)
    for (const n of r.addedNodes) {
      // A moved ranked container takes its note along (rank places it); nothing else needs a visit.
      if (n.nodeType == 1) here.has(n) ? decided && within(n as Element, RANKED).forEach((b) => boxes.add(b)) : fresh.add(n)
    }
  }
  // The parser adds an element, then each child: the visit of the outermost new element covers the others.
  for (const n of fresh) if (!fresh.has(n.parentNode!)) visit(n as Element)
  return boxes
}

/** Watches the page for gated elements, ranked containers, declaring controls, "why" markers and openers. */
export const watchAttributes = (hooks: Hooks): Attributes => {
  let decided = false
  let gliding: Glider | undefined
  const reported = new WeakMap<Element, string>()
  const ctx: RankContext = {
    report(el, attr, mistake) {
      const at = `Candor: ${named(el, attr)}: `
      const key = at + JSON.stringify(mistake)
      if (reported.get(el) == key) return
      reported.set(el, key)
      hooks.report?.(at, mistake)
    },
    // A held-out view's note answers "why?" for the signal its container is ranked by, or its part is shown for.
    notes: createNotes(
      hooks.note,
      (box) => rank(box),
      (b, box) => hooks.why?.(b, parseConditions(box.getAttribute(RANK) || box.getAttribute(DEMOTE) || box.getAttribute(SHOW))[0]!.id),
    ),
    settle(box, move) {
      // A moved node loses focus: the control the visitor just used keeps it.
      const active = document.activeElement
      // Our own moves are not new content: the observer needn't visit 10,000 moved children again. What the
      // page did before them (new children, its own changes) is handled as the observer would have.
      const before = observer.takeRecords()
      const glide = gliding?.(box)
      const moved = move()
      glide?.()
      // Each of our moves is a record of one node removed, and one of it added.
      const ours = (r: MutationRecord) => r.target == box && moved.has(r.addedNodes[0] ?? r.removedNodes[0]!)
      const others = before.concat(observer.takeRecords().filter((r) => !ours(r)))
      if (others.length) handle(others)
      if (active instanceof HTMLElement && box.contains(active) && document.activeElement != active) active.focus({ preventScroll: true })
    },
  }
  const rank = createRanking(ctx)
  const goal = (el: Element, reached: boolean) => {
    const name = el.getAttribute(GOAL)?.trim()
    if (name) hooks.goal?.(name, reached)
  }

  // One query for everything Candor attends to, then each element by its attributes (addWhy and declaring look for
  // their own): a page's new content costs one pass. Ranked containers last, as their lists stand once every part in them is decided (a held-out note placed).
  const visit = (root: Element | Document) => {
    const all = within(root, ANY)
    for (const el of all) {
      if (decided) {
        if (el.matches(GATED)) decide(el, ctx)
        if (el.hasAttribute(GOAL)) goal(el, false)
      }
      addWhy(el, hooks.whyLabel)
      declaring(el, ctx)
      if (el.hasAttribute(OPEN)) asButton(el)
    }
    if (decided) for (const el of all) if (el.matches(RANKED)) rank(el)
  }

  const attribute = (t: Element, name: string | null) =>
    name == WHY ? addWhy(t, hooks.whyLabel) : name == DECLARE ? declaring(t, ctx) : decided && decide(t, ctx)
  const handle = (records: MutationRecord[]) => {
    for (const b of touched(records, decided, visit, attribute)) if (b.isConnected) rank(b)
    ctx.notes.sweep()
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
  const unlisten = listenClicks(hooks, goal)

  return {
    apply(r, i, g) {
      ctx.read = r
      if (i) ctx.instance = i
      decided = true
      gliding = g
      visit(document)
      gliding = undefined
    },
    relabel() {
      for (const el of within(document, `[${WHY}]`)) addWhy(el, hooks.whyLabel)
      ctx.notes.relabel()
    },
    stop() {
      observer.disconnect()
      unlisten()
    },
  }
}
