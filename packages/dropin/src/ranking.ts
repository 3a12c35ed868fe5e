// Ranked containers (data-candor-rank, -demote, -keep, -about): the children in the order the core's rule gives
// for the values in use, moved as little as possible; the page's own order whenever nothing may be used.
import { moves, order, rankingOf, type Ranking } from '@candor/core/rank'
import type { Instance, Mistake, Reader } from './attributes.js'
import { frameworkOf } from './framework.js'
import { ABOUT, DEMOTE, KEEP, RANK, STATE, words } from './names.js'
import type { Notes } from './notes.js'
import { parseKeep, staying } from './rank.js'

/** What ranking needs of the watcher: the reader (once decided), the instance (once ready), and the page's observer. */
export interface RankContext {
  read?: Reader
  instance?: Instance
  /** Says a mistake with `el`'s attribute `attr`, once. */
  report(el: Element, attr: string, mistake: Mistake): void
  notes: Notes
  /** Runs `move` (which gives the nodes it moved): the page's own changes meanwhile are handled as the observer would have. */
  settle(box: Element, move: () => Set<Node>): void
}

const same = <T>(a: readonly T[], b: readonly T[]) => a.length == b.length && a.every((x, i) => x === b[i])
export const NOTHING_MOVED = { up: 0, upValues: [], down: 0 }

/** The values in use that rank `box`'s children up and down, read for it; none when it can't be ranked (each reason said). */
const valuesFor = (box: Element, mine: Element[], ctx: RankContext, reader = ctx.read): Ranking & { bad: boolean } => {
  const keep = parseKeep(box.getAttribute(KEEP))
  if (keep === undefined) ctx.report(box, KEEP, ['keep'])
  let usable = !!reader
  if (!mine.some((k) => k.hasAttribute(ABOUT))) {
    // Said once the page is parsed: until then its children may still be coming.
    if (ctx.instance?.problem && document.readyState != 'loading') ctx.report(box, box.hasAttribute(RANK) ? RANK : DEMOTE, ['about'])
    usable = false
  }
  /** The values in use of the signals `attr` names, read for the box; a signal that can't rank is said and skipped. */
  const read = (attr: string) =>
    words(usable ? box.getAttribute(attr) : '').map((id) => {
      const why = ctx.instance?.problem?.('rank', id)
      if (why) ctx.report(box, attr, why)
      else return reader!(id, box)
    })
  const up = read(RANK)
  const down = read(DEMOTE)
  // A bad keep can't say which children the site wanted first: the page's order, as for the other bad attributes.
  return { ...(keep === undefined ? rankingOf([]) : rankingOf(up, down, keep)), bad: keep === undefined }
}

/** Moves `box`'s children (now `kids`) into the order `wanted`: only those off the longest run already in order. */
const reorder = (box: Element, kids: Element[], wanted: Element[], settle: RankContext['settle']) =>
  settle(box, () => {
    const now = new Map(kids.map((k, i) => [k, i]))
    const stay = staying(wanted.map((k) => now.get(k)!))
    const moved = new Set<Node>()
    for (let i = wanted.length - 1, next: Element | null = null; i >= 0; next = wanted[i--]!)
      if (!stay.has(i)) {
        const k = wanted[i]!
        // moveBefore, where the browser has it, is an atomic move: cheaper, and it keeps focus and state.
        const b = box as Element & { moveBefore?: Element['insertBefore'] }
        b.moveBefore ? b.moveBefore(k, next) : b.insertBefore(k, next)
        moved.add(k)
      }
    return moved
  })

/** The function that decides one ranked container (again), for the watcher's state in `ctx`. */
export const createRanking = (ctx: RankContext) => {
  // The page's own order of each container's children, restored whenever nothing may be used.
  const pageOrder = new WeakMap<Element, Element[]>()
  /** How each container was last decided: its values and usual-order choice, its children as shown, their about. */
  const decidedAs = new WeakMap<Element, { key: string; kids: Element[]; texts: (string | null)[] }>()
  return (box: Element) => {
    // A framework's list is the framework's to order: moving its nodes would fight its next render.
    const framework = frameworkOf(box)
    if (framework) {
      ctx.report(box, box.hasAttribute(RANK) ? RANK : DEMOTE, ['framework', framework])
      return ctx.notes.note(box, NOTHING_MOVED, false)
    }
    const kids = [...box.children]
    // Children the page adds later take their place after those it had.
    const seen = pageOrder.get(box) ?? []
    const known = new Set(seen)
    const mine = seen.filter((k) => k.parentElement == box).concat(kids.filter((k) => !known.has(k)))
    pageOrder.set(box, mine)
    const { bad, ...ranking } = valuesFor(box, mine, ctx)
    // The visitor asked for the page's own order in this view (the note's button).
    const usual = ctx.notes.usual(box)
    // Decided again with the same children, the same values and the same words: nothing to do. Every change
    // re-decides the page, and a 10,000-children container would otherwise cost a long task each time.
    const texts = mine.map((k) => k.getAttribute(ABOUT))
    const key = JSON.stringify([[...ranking.up], [...ranking.down], bad ? null : ranking.keep, usual])
    const last = decidedAs.get(box)
    if (last && last.key == key && same(last.kids, kids) && same(last.texts, texts)) return
    const about = texts.map(words)
    const tailored = order(about, ranking)
    const wanted = (usual ? mine.map((_, i) => i) : tailored).map((i) => mine[i]!)
    decidedAs.set(box, { key, kids: wanted, texts })
    const m = moves(about, tailored, ranking)
    // A view held out to measure against keeps the page's order: its note says so where the visitor's order would be.
    const held = ctx.instance?.held
    const would = !m.up && !m.down && held ? valuesFor(box, mine, ctx, (id) => held(id)) : undefined
    // Only a view that pauses some value orders the list a second time (a 10,000-children list pays nothing else).
    const heldMoves = would && (would.up.size || would.down.size) ? moves(about, order(about, would), would) : undefined
    heldMoves && (heldMoves.up || heldMoves.down) ? ctx.notes.note(box, heldMoves, false, true) : ctx.notes.note(box, m, usual)
    // Nodes are moved, never removed, so reading and keyboard order follow what is seen; only when it differs.
    if (wanted.some((k, i) => kids[i] != k)) reorder(box, kids, wanted, ctx.settle)
    const state = wanted.some((k, i) => mine[i] != k) ? 'on' : 'off'
    if (box.getAttribute(STATE) != state) box.setAttribute(STATE, state)
  }
}
