// The few strings candor.js shows before the panel loads (the launcher, the "Why" buttons, the notes), in English; each
// other language has its own in its locale (locales/<lang>.ts, `startup`), which the panel's words include, and which
// candor.js fetches alone (candor-strings-<lang>.js) on a page in that language. And how a string is filled in.

import { launcherEn } from './launcher-en.js'

export const startupEn = {
  launcher: launcherEn,
  why: 'Why am I seeing this?',
  movedUp: '{n} moved up for {what}',
  // Who a list moved up for while the catalog that names its options is still coming (never an option's raw value).
  you: 'you',
  // A held-out view's note, where the visitor's order would be: the page as everyone sees it, and a way to learn why.
  heldOut: 'Shown as everyone sees it this time — why?',
  movedDown: '{n} moved down',
  usualOrder: 'In the usual order',
  showUsual: '{changes}: show the usual order',
  showMine: 'In the usual order: show your order again',
  failed: "Your preferences couldn't be opened. Try again.",
}

export type StartupStrings = Record<keyof typeof startupEn, string>

/** A string with its `{name}` holes filled; a hole without a value stays as it is. */
export const fill = (text: string, vars?: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m))

const plurals: Record<string, Intl.PluralRules> = {}
const rulesOf = (lang: string) => {
  try {
    return (plurals[lang] ??= new Intl.PluralRules(lang))
  } catch {
    // An invalid language tag from the page must not break the text.
    return (plurals[lang] = new Intl.PluralRules('en'))
  }
}

/**
 * `key`'s text, in the plural form its number (`vars.count`, else `vars.n`) takes in `lang`, holes filled.
 * A form is written as `key_<category>` (`outlined_one`, `outlined_few`, …, the categories of `Intl.PluralRules`);
 * `key` itself is the general form, used when the table has no form for the category.
 * @example phrase({ n_one: '{n} report', n: '{n} reports' }, 'n', { n: 1 }, 'en') // '1 report'
 */
export const phrase = (table: Readonly<Record<string, string | undefined>>, key: string, vars: Record<string, string | number> | undefined, lang: string) => {
  const n = vars?.count ?? vars?.n
  const form = typeof n == 'number' ? table[`${key}_${rulesOf(lang).select(n)}`] : undefined
  // A table may have only forms (`carries_one`, `carries_other`): a category it has no form for takes `_other`.
  return fill(form ?? table[key] ?? table[`${key}_other`] ?? key, vars)
}
