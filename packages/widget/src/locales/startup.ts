// The few strings candor.js shows before the panel loads (the launcher, the "Why" buttons), in every
// shipped language. The locales include them, so each string is written once.
// Each language its own constant, so candor.js carries English alone and fetches the page's other language.
import { launcherDe, launcherEn, launcherFr } from './launcher.js'

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
export const startupDe = {
  launcher: launcherDe,
  why: 'Warum sehe ich das?',
  movedUp: '{n} nach oben für {what}',
  you: 'Sie',
  heldOut: 'Diesmal so, wie alle es sehen – warum?',
  movedDown: '{n} nach unten',
  usualOrder: 'In der üblichen Reihenfolge',
  showUsual: '{changes}: übliche Reihenfolge zeigen',
  showMine: 'In der üblichen Reihenfolge: Ihre Reihenfolge wieder zeigen',
  failed: 'Ihre Einstellungen konnten nicht geöffnet werden. Bitte versuchen Sie es noch einmal.',
}
export const startupFr = {
  launcher: launcherFr,
  why: 'Pourquoi je vois ceci ?',
  movedUp: '{n} remontés pour {what}',
  movedUp_one: '{n} remonté pour {what}',
  you: 'vous',
  heldOut: 'Affiché comme pour tout le monde cette fois — pourquoi ?',
  movedDown: '{n} descendus',
  movedDown_one: '{n} descendu',
  usualOrder: "Dans l'ordre habituel",
  showUsual: "{changes} : afficher l'ordre habituel",
  showMine: "Dans l'ordre habituel : afficher de nouveau votre ordre",
  failed: 'Vos préférences n’ont pas pu être ouvertes. Réessayez.',
}
export const startupStrings = { en: startupEn, de: startupDe, fr: startupFr } as const

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
  return fill(form ?? table[key] ?? key, vars)
}
