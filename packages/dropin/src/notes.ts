// Next to each reordered container, a button that says what tailoring changed and shows the page's own order
// for this view (and the visitor's again). Its words come from the page (hooks.note); it leaves with its container.
import type { Moves } from '@candor/core/rank'
import { NOTE } from './names.js'

/** The notes of a page's ranked containers. */
export interface Notes {
  /** Says `m` next to `box` (or removes its note when nothing moved, or the words aren't in yet); `held`: what a held-out view left as everyone sees it. */
  note(box: Element, m: Moves, usual: boolean, held?: boolean): void
  /** Whether the visitor asked for `box` in the page's own order in this view. */
  usual(box: Element): boolean
  /** Notes whose container left the page go too. */
  sweep(): void
  /** Words every note again (the page's words, or the catalog's labels, came in). */
  relabel(): void
}

/**
 * The notes, worded by `word`; `rerank` orders a container again after its note's button was used; `why` answers a
 * held-out view's note ("why?").
 */
export const createNotes = (
  word: ((m: Moves, usual: boolean, held: boolean) => { text: string; label: string } | undefined) | undefined,
  rerank: (box: Element) => void,
  why: (button: HTMLElement, box: Element) => void,
): Notes => {
  const inUsualOrder = new WeakSet<Element>()
  const buttons = new Map<Element, HTMLButtonElement>()
  /** What each container's note says, in data: worded again when words come in. */
  const said = new Map<Element, [Moves, boolean, boolean?]>()
  const unnote = (box: Element) => void (buttons.get(box)?.remove(), buttons.delete(box))
  const button = (box: Element) => {
    const b = document.createElement('button')
    b.type = 'button'
    b.className = 'candor-note'
    // Turbo's page cache would keep a copy without its listener: it is added again when the page shows.
    b.setAttribute('data-turbo-temporary', '')
    b.addEventListener('click', () => {
      if (said.get(box)?.[2]) return why(b, box)
      inUsualOrder.has(box) ? inUsualOrder.delete(box) : inUsualOrder.add(box)
      rerank(box)
      b.focus()
    })
    buttons.set(box, b)
    return b
  }
  const note = (box: Element, m: Moves, usual: boolean, held = false) => {
    said.set(box, [m, usual, held])
    const words = word?.(m, usual, held)
    // A held-out view's note says the part is as everyone sees it, whatever moved.
    if (!words || (!held && !m.up && !m.down)) return unnote(box)
    const b = buttons.get(box) ?? button(box)
    if (b.textContent != words.text) b.textContent = words.text
    if (b.getAttribute('aria-label') != words.label) b.setAttribute('aria-label', words.label)
    const home = box.id ? document.querySelector(`[${NOTE}="${CSS.escape(box.id)}"]`) : null
    if (home ? b.parentElement != home : b.nextElementSibling != box) home ? home.append(b) : box.before(b)
  }
  return {
    note,
    usual: (box) => inUsualOrder.has(box),
    sweep: () => said.forEach((_, box) => box.isConnected || (unnote(box), said.delete(box))),
    relabel: () => said.forEach(([m, usual, held], box) => note(box, m, usual, held)),
  }
}
