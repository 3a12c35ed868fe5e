// What one data-candor-* attribute names, checked against the catalog: each signal it names must be declared, each
// option must be the signal's, a ranked container's signals must have values to order by. Also which signals it reads.
import type { Catalog } from '@candor/core'
import { ABOUT, CONDITIONS, DECLARE, GOAL, KNOWN, ONE_SIGNAL, RANKING } from './attribute-names.js'
import type { FindingCode, Severity } from './finding.js'
import { nearest } from './nearest.js'
import type { Attribute } from './scan-attributes.js'
import type { Said, SignalWords } from './signal-words.js'

/** A finding about one attribute, before it is given its file and place. */
export interface Verdict {
  severity: Severity
  code: FindingCode
  said: Said
}

/** What the check knows of the catalog, for every attribute of every page. */
export interface Known {
  catalog: Catalog
  words: SignalWords
  /** Signals the catalog writes but that were left out for a problem (said already): a page naming them isn't told again. */
  leftOut: ReadonlySet<string>
}

const splitWords = (text: string) => text.trim().split(/\s+/).filter(Boolean)

/**
 * `topics:science` or `compact`: the signal and the option, as candor.js parses `data-candor-declare` and each condition
 * (its parser is the drop-in's own, not an entry of its package, and is this one line).
 */
const parseName = (text: string) => {
  const i = text.indexOf(':')
  return i < 0 ? { id: text.trim() } : { id: text.slice(0, i).trim(), option: text.slice(i + 1).trim() }
}

/** How an attribute names a signal: a condition (`id` or `id:option`), a declaration, a container's order, or one id alone. */
type Use = 'condition' | 'declare' | 'rank' | 'one'

/** Checks one signal (and option) an attribute names, for its use; a declared one is a read. */
const named = (k: Known, text: string, use: Use, out: Verdict[], reads: Set<string>) => {
  const { id, option } = use == 'condition' || use == 'declare' ? parseName(text) : { id: text, option: undefined }
  const signal = k.words.signal(id)
  if (!signal) {
    if (!k.leftOut.has(id)) out.push({ severity: 'error', code: 'undeclared-signal', said: k.words.undeclared(id) })
    return
  }
  reads.add(id)
  // A condition may name an option or not (any value); a declaring control must name one of a list's, none of a boolean.
  const why = use == 'rank' ? k.words.rank(signal) : use == 'declare' || option !== undefined ? k.words.option(signal, option) : undefined
  const code = option !== undefined && signal.type != 'boolean' ? 'unknown-option' : 'signal-misused'
  if (why) out.push({ severity: 'error', code, said: why })
}

/** `data-candor-about`'s words: values of the container's signals; a word no signal has is ignored, unless it looks like a typo. */
const about = (k: Known, value: string, out: Verdict[]) => {
  const options = new Set(k.catalog.signals.flatMap((s) => (s.options ?? []).map((o) => o.value)))
  for (const word of splitWords(value)) {
    const near = options.has(word) ? undefined : nearest(word, options)
    if (near)
      out.push({
        severity: 'warning',
        code: 'unknown-option',
        said: { words: `"${word}" is not an option of any signal, so it is ignored; did you mean "${near}"?`, suggestion: near },
      })
  }
}

/** `data-candor-goal`: a goal is counted under any name, but one the catalog doesn't list is likely a typo of one it does. */
const goal = (k: Known, value: string, out: Verdict[]) => {
  const goals = (k.catalog.measure?.goals ?? []).map((g) => (typeof g == 'string' ? g : g.name))
  const name = value.trim()
  if (!goals.length || !name || goals.includes(name)) return
  const near = nearest(name, goals)
  const words = `"${name}" is not one of the catalog's goals (${goals.join(', ')})`
  out.push({ severity: 'warning', code: 'unknown-goal', said: near ? { words: `${words}; did you mean "${near}"?`, suggestion: near } : { words } })
}

/** The verdicts on one attribute with a value known when the page is written, and the signals it names. */
export const judge = (attr: Attribute, k: Known): { verdicts: Verdict[]; reads: Set<string> } => {
  const out: Verdict[] = []
  const reads = new Set<string>()
  const { name } = attr
  const value = attr.value ?? ''
  if (CONDITIONS.includes(name)) for (const c of splitWords(value)) named(k, c, 'condition', out, reads)
  else if (RANKING.includes(name)) for (const id of splitWords(value)) named(k, id, 'rank', out, reads)
  else if (ONE_SIGNAL.includes(name)) {
    if (value.trim()) named(k, value.trim(), 'one', out, reads)
  } else if (name == DECLARE) named(k, value, 'declare', out, reads)
  else if (name == ABOUT) about(k, value, out)
  else if (name == GOAL) goal(k, value, out)
  else if (!KNOWN.includes(name)) {
    const near = nearest(name, KNOWN)
    const words = `candor.js reads no such attribute, so it does nothing`
    out.push({ severity: 'warning', code: 'unknown-attribute', said: near ? { words: `${words}; did you mean ${near}?`, suggestion: near } : { words } })
  }
  return { verdicts: out, reads }
}
