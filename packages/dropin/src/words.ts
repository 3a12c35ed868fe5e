// The words candor.js shows before the panel loads (the launcher, "Why" buttons, notes, a failed load), in the page's
// language only: English is built in; German and French come in a small file of their own (candor-strings-<lang>.js,
// next to candor.js), fetched at once, beside the catalog. Until it is in, Candor's buttons wait rather than speak English.
import { startupEn, type StartupStrings } from '@candor/widget/startup'

/** The shipped languages other than English. */
const OTHERS = ['de', 'fr']

/** The page's words (`get()`: `undefined` until they are in) and the promise of them; a file that fails leaves English. */
export const pageWords = (base: string, src: string) => {
  let words: StartupStrings | undefined = OTHERS.includes(base) ? undefined : startupEn
  const ready = words
    ? Promise.resolve(words)
    : import(/* @vite-ignore */ new URL(`candor-strings-${base}.js`, src).href).then(
        (m: { strings: StartupStrings }) => (words = m.strings),
        () => (words = startupEn),
      )
  return { get: () => words, ready }
}
