// Clicks and keys on Candor's controls, listened for on the document, since controls come and go with the
// page: declaring controls, "Why" buttons, openers, goals; a pointer on or focus in one is intent.
import { INTENT_EVENTS as INTENT } from '@candor/widget/internal'
import type { Hooks } from './attributes.js'
import { CONTROL, DECLARE, GOAL, NATIVE, OPEN, parseDeclare } from './names.js'

/** Answers clicks, keys and intent on Candor's controls with `hooks`; `goal` counts a goal reached. Returns the function that stops. */
export const listenClicks = (hooks: Hooks, goal: (el: Element, reached: boolean) => void): (() => void) => {
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
  return () => {
    document.removeEventListener('click', onClick)
    document.removeEventListener('keydown', onKey)
    for (const t of INTENT) document.removeEventListener(t, onIntent)
  }
}
