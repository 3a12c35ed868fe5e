// What is wrong with a name a page gives, in the browser's words: the core's, asked the same way candor.js asks them
// (an undeclared id from a read of it, an option or a signal that can't be used from the rules in @candor/core/internal).
import type { Catalog, SignalDefinition } from '@candor/core'
import { whyNotRank, whyNotToggle } from '@candor/core/internal'
import { createTestCandor } from '@candor/core/testing'
import { nearest } from './nearest.js'

/** A problem in words, with the declared name that was probably meant. */
export interface Said {
  words: string
  suggestion?: string
}

/** The words for the names of one catalog. */
export interface SignalWords {
  /** The signal `id` declares, or `undefined`. */
  signal(id: string): SignalDefinition | undefined
  /** Why `id` can't be used, when the catalog doesn't declare it. */
  undeclared(id: string): Said
  /** Why `option` can't be declared of `signal` in one click (none, the wrong one, one on a boolean), or `undefined`. */
  option(signal: SignalDefinition, option?: string): Said | undefined
  /** Why `signal` can't order a container, or `undefined`. */
  rank(signal: SignalDefinition): Said | undefined
}

/** "did you mean", after the core's sentence. */
const withSuggestion = (words: string, suggestion: string | undefined): Said =>
  suggestion ? { words: `${words}; did you mean "${suggestion}"?`, suggestion } : { words }

/** The words for `catalog`'s names. */
export const signalWords = (catalog: Catalog): SignalWords => {
  const defs = new Map(catalog.signals.map((s) => [s.id, s]))
  // An instance in memory, touching no storage: reading an undeclared id throws the words candor.js logs for it.
  const reader = createTestCandor({ catalog: { site: catalog.site, signals: catalog.signals } })
  return {
    signal: (id) => defs.get(id),
    undeclared(id) {
      try {
        reader.explain(id)
      } catch (e) {
        return withSuggestion((e as Error).message, nearest(id, defs.keys()))
      }
      return { words: `"${id}" is declared` }
    },
    option(signal, option) {
      const why = whyNotToggle(signal, option)
      const values = (signal.options ?? []).map((o) => o.value)
      return why === undefined ? undefined : withSuggestion(why, option === undefined ? undefined : nearest(option, values))
    },
    rank(signal) {
      const why = whyNotRank(signal)
      return why === undefined ? undefined : { words: why }
    },
  }
}
