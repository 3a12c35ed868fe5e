// The words candor.js shows before the panel loads (the launcher, "Why" buttons, notes, a failed load), in the page's
// language only: English is built in; each other language Candor ships comes in a small file of its own
// (candor-strings-<lang>.js, next to candor.js), fetched at once, beside the catalog. Until it is in, Candor's buttons
// wait rather than speak English.
import { LANGUAGES, fill, phrase, startupEn, type StartupStrings } from '@candor/widget/internal'

/** The page's words (`get()`: `undefined` until they are in) and the promise of them; a file that fails leaves English. */
export const pageWords = (base: string, src: string) => {
  // English, built in, is LANGUAGES' first.
  let words: StartupStrings | undefined = LANGUAGES.indexOf(base) > 0 ? undefined : startupEn
  const ready = words
    ? Promise.resolve(words)
    : import(/* @vite-ignore */ new URL(`candor-strings-${base}.js`, src).href).then(
        (m: { strings: StartupStrings }) => (words = m.strings),
        () => (words = startupEn),
      )
  return { get: () => words, ready }
}

/**
 * A ranked container's note in `words`: what moved, and what its button does. Options are named by the catalog's
 * `labels`; until the catalog is in (a returning visit ordered from the snapshot), for "you", never by their values.
 */
export const noteWords = (
  words: StartupStrings,
  lang: string,
  m: { up: number; upValues: string[]; down: number },
  usual: boolean,
  labels?: ReadonlyArray<{ value: string; label: string }>,
  held?: boolean,
) => {
  if (held) return { text: words.heldOut, label: words.heldOut }
  if (usual) return { text: words.usualOrder, label: words.showMine }
  const what = labels ? m.upValues.map((v) => labels.find((o) => o.value == v)?.label ?? v).join(', ') : words.you
  const changes = [m.up && phrase(words, 'movedUp', { n: m.up, what }, lang), m.down && phrase(words, 'movedDown', { n: m.down }, lang)]
    .filter(Boolean)
    .join(', ')
  return { text: changes, label: fill(words.showUsual, { changes }) }
}
