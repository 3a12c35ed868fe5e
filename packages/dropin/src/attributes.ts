// Applies the data-candor-* attributes to the page, for elements there now and added later.
import type { Value } from '@candor/core'
import { INTENT_EVENTS as INTENT } from '@candor/widget/startup'
import { holds, isBaseline, parseConditions } from './gate'

const SHOW = 'data-candor-show'
const BASELINE = 'data-candor-baseline'
const WHY = 'data-candor-why'
const OPEN = 'data-candor-open'
/** Set by Candor on a gated element once it decided: `on` (shown) or `off` (hidden). */
const STATE = 'data-candor-state'
const GATED = `[${SHOW}],[${BASELINE}]`

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
      `.candor-why{font:inherit;font-size:.8em;margin-inline-start:.5em;padding:.1em .6em;min-height:24px;border:1px solid currentColor;border-radius:1em;background:transparent;color:inherit;cursor:pointer}`,
  )
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet]
  return () => (document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s != sheet))
}

/** Reads a signal for an element, recording the element as the read's reason; `undefined` when nothing may be used. */
export type Reader = (id: string, element: Element) => Value | undefined

export interface Attributes {
  /** Decides every gated element again: with `read`, by the visitor's preferences; without, the baseline. */
  apply(read?: Reader): void
  stop(): void
}

/**
 * Watches the page for gated elements, "why" markers and openers.
 * @param open opens the panel at a signal (or at the top)
 * @param whyLabel the text of the "Why am I seeing this?" button
 * @param intent told when the visitor may be about to open it (a pointer over an opener, focus, a touch)
 */
export const watchAttributes = (open: (signalId?: string) => void, whyLabel: string, intent?: () => void): Attributes => {
  let read: Reader | undefined
  let decided = false

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

  const addWhy = (el: Element) => {
    const id = el.getAttribute(WHY)
    if (!id || el.querySelector(':scope > .candor-why')) return
    const b = document.createElement('button')
    b.type = 'button'
    b.className = 'candor-why'
    b.textContent = whyLabel
    b.dataset.candorFor = id
    el.append(b)
  }

  /** `root` itself when it matches, then every match inside it. */
  const within = (root: Element | Document, selector: string): Element[] => [
    ...(root instanceof Element && root.matches(selector) ? [root] : []),
    ...root.querySelectorAll(selector),
  ]

  const visit = (root: Element | Document) => {
    if (decided) for (const el of within(root, GATED)) decide(el)
    for (const el of within(root, `[${WHY}]`)) addWhy(el)
    // An opener that isn't a button or link is made one for the keyboard and for screen readers.
    for (const el of within(root, `[${OPEN}]:not(button,a[href],input,[tabindex])`)) {
      el.setAttribute('tabindex', '0')
      if (!el.hasAttribute('role')) el.setAttribute('role', 'button')
    }
  }

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type == 'attributes') {
        if (r.attributeName == WHY) addWhy(r.target as Element)
        else if (decided) decide(r.target as Element)
      } else for (const n of r.addedNodes) if (n.nodeType == 1) visit(n as Element)
    }
  })
  observer.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: [SHOW, BASELINE, WHY] })
  // Whatever is parsed already (the script may sit at the end of <body>, or load async).
  visit(document)

  const onClick = (e: Event) => {
    const t = (e.target as Element | null)?.closest?.(`.candor-why,[${OPEN}]`)
    if (!t) return
    e.preventDefault()
    open((t as HTMLElement).dataset.candorFor || t.getAttribute(OPEN) || undefined)
  }
  // An opener that isn't a button still answers the keyboard.
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as Element
    if ((e.key == 'Enter' || e.key == ' ') && t.matches?.(`[${OPEN}]:not(button,a[href],input)`)) onClick(e)
  }
  const onIntent = (e: Event) => {
    if ((e.target as Element | null)?.closest?.(`.candor-why,[${OPEN}]`)) intent?.()
  }
  document.addEventListener('click', onClick)
  document.addEventListener('keydown', onKey)
  for (const t of INTENT) document.addEventListener(t, onIntent, { passive: true })

  return {
    apply(r) {
      read = r
      decided = true
      visit(document)
    },
    stop() {
      observer.disconnect()
      document.removeEventListener('click', onClick)
      document.removeEventListener('keydown', onKey)
      for (const t of INTENT) document.removeEventListener(t, onIntent)
    },
  }
}
