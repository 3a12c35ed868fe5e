// What the attributes ask the instance once it is ready: the values to tailor by, whether a declaring control
// is pressed, why an attribute can't be used. The rules are the core's; this only asks them.
import { holdsOption, whyNotRank, whyNotToggle } from '@candor/core/internal'
import type { Candor } from '@candor/core/startup'
import type { Instance, Reader } from './attributes.js'
import { parseConditions } from './gate.js'
import { BASELINE, SHOW, named } from './names.js'

/** The answers a page's attributes need of `c`. */
export const instanceOf = (c: Candor): Instance => ({
  pressed: (id, option) => {
    const e = c.explain(id)
    return e.source == 'declared' && e.state != 'expired' && holdsOption(e.value, option)
  },
  held: (id) => {
    // An undeclared signal (a gated part's mistake, said by its read) holds nothing.
    try {
      const e = c.explain(id)
      return e.paused == 'holdout' ? e.value : undefined
    } catch {}
  },
  problem: (kind, id, option) => {
    const d = c.catalog.signals.find((s) => s.id == id)
    // Undeclared: said in the core's words, as a read of it is.
    if (!d)
      try {
        c.explain(id)
      } catch (e) {
        return (e as Error).message
      }
    return kind == 'rank' ? whyNotRank(d!) : whyNotToggle(d!, option)
  },
})

/**
 * Reads for an element, with its data-candor-reason. A read the instance refuses (an undeclared signal) tailors nothing
 * and is said once for each element and signal, naming the element and its attribute, as for declaring and ranking.
 */
export const readerOf = (c: Candor, say: (message: string) => void): Reader => {
  const said = new WeakMap<Element, Set<string>>()
  return (id, el) => {
    try {
      return c.get(id, { reason: el.getAttribute('data-candor-reason') || undefined, element: el })
    } catch (e) {
      const ids = said.get(el) ?? new Set()
      if (ids.has(id)) return
      said.set(el, ids.add(id))
      const attr = [SHOW, BASELINE].find((a) => parseConditions(el.getAttribute(a)).some((x) => x.id == id)) ?? SHOW
      say(`Candor: ${named(el, attr)}: ${(e as Error).message}`)
    }
  }
}
