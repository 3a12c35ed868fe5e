// The data-candor-* attributes candor.js reads and sets, and how a message names an element: one place for them.
export const SHOW = 'data-candor-show'
export const BASELINE = 'data-candor-baseline'
export const WHY = 'data-candor-why'
export const OPEN = 'data-candor-open'
export const DECLARE = 'data-candor-declare'
export const RANK = 'data-candor-rank'
export const DEMOTE = 'data-candor-demote'
export const KEEP = 'data-candor-keep'
export const ABOUT = 'data-candor-about'
export const NOTE = 'data-candor-note'
export const GOAL = 'data-candor-goal'
/** Set by Candor once it decided: on a gated element `on` (shown) or `off` (hidden); on a ranked container `on` when reordered. */
export const STATE = 'data-candor-state'
export const GATED = `[${SHOW}],[${BASELINE}]`
export const RANKED = `[${RANK}],[${DEMOTE}]`
/** What answers a click: Candor's buttons, openers and declaring controls. */
export const CONTROL = `.candor-why,[${OPEN}],[${DECLARE}]`
/** Elements that are buttons or links already; others are made buttons for the keyboard and screen readers. */
export const NATIVE = 'button,a[href],input,[tabindex]'

/** An attribute's value as a list of words. */
export const words = (text: string | null) => (text ?? '').trim().split(/\s+/).filter(Boolean)
/** How an element is named in a message: its tag and the attribute. */
export const named = (el: Element, attr: string) => `<${el.localName} ${attr}="${el.getAttribute(attr)}">`
/** `root` itself when it matches, then every match inside it. */
export const within = (root: Element | Document, selector: string): Element[] => [
  ...(root instanceof Element && root.matches(selector) ? [root] : []),
  ...root.querySelectorAll(selector),
]
/** `data-candor-declare="topics:science"` or `"compact"`: the signal and the option. */
export const parseDeclare = (text: string) => {
  const i = text.indexOf(':')
  return i < 0 ? { id: text.trim() } : { id: text.slice(0, i).trim(), option: text.slice(i + 1).trim() }
}
