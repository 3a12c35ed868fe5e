import { LANGUAGES } from './languages.js'
import { baseOf, dirOf } from './lang.js'
import { localeOf } from './locale-files.js'
import { en, type Strings } from './locales/en.js'
import { phrase, type StartupStrings } from './locales/startup.js'
import type { TransferWords } from './transfer-words.js'

export type { Strings }

/** A shipped language other than English: the words said before the panel loads, the panel's, the transfer dialogs'. */
export interface Locale {
  startup: StartupStrings
  strings: Partial<Strings>
  transfer: TransferWords
}

const words = (m: Locale): Partial<Strings> => ({ ...m.startup, ...m.strings })

/** The shipped translations, each loaded only when a page asks for its language. */
export const locales: Record<string, () => Promise<Partial<Strings>>> = { en: async () => en }
for (const k of LANGUAGES) if (k != 'en') locales[k] = () => localeOf(k)!.then(words)

const loaded: Record<string, Partial<Strings>> = { en }
const transfers: Record<string, TransferWords> = {}

/**
 * Loads the shipped strings for `lang` (`'de'`, `'fr-CA'`, …); resolves at once for English and
 * for languages Candor doesn't ship, which fall back to English unless the site gives strings, as
 * does a language whose file can't load. Never rejects.
 */
export const loadLocale = async (lang: string): Promise<void> => {
  const base = baseOf(lang)
  // A language's file that can't load (offline, blocked, not served) leaves English, and is tried again next time.
  const m = loaded[base] ? undefined : await localeOf(base)?.catch(() => undefined)
  if (!m) return
  loaded[base] = words(m)
  transfers[base] = m.transfer
}

/** The transfer dialogs' words in `lang` once its locale is loaded; none in English (the dialogs carry those). */
export const transferWordsOf = (lang: string): TransferWords | undefined => transfers[baseOf(lang)]

/** Text, dates, lists and direction for one language. */
export interface I18n {
  lang: string
  dir: 'ltr' | 'rtl'
  t(key: keyof Strings, vars?: Record<string, string | number>): string
  /** The string with its `{name}` holes unfilled, for callers that fill them with elements. */
  raw(key: keyof Strings): string
  date(t: number): string
  /** "in 3 months", "yesterday" */
  relative(t: number, now?: number): string
  list(items: string[]): string
}

// Seconds in a unit of relative time (a month and a year on average, Gregorian).
const HOUR = 3600
const DAY = 86400
const MONTH = 2629800
const YEAR = 31557600
/** Up to this many days, "in 30 days" reads better than "in 1 month". */
const DAYS_BEFORE_MONTHS = 45

const safely = <T>(make: (lang: string) => T, lang: string): T => {
  try {
    return make(lang)
  } catch {
    // An invalid language tag from the page must not break the panel.
    return make('en')
  }
}

/**
 * Strings for `lang` (e.g. `'de'`, `'fr-CA'`), falling back to English key by key;
 * `overrides` replace any string. Call `loadLocale(lang)` first for a shipped language.
 * @example createI18n('de', { title: 'Ihre Einstellungen' }).t('title')
 */
export const createI18n = (requested = 'en', overrides: Partial<Strings> = {}): I18n => {
  // A language Candor doesn't ship, and the site gave no strings for, is shown in English
  // throughout: English words with another language's dates and direction read wrong.
  const lang = loaded[baseOf(requested)] || Object.keys(overrides).length ? requested : 'en'
  const base = baseOf(lang)
  const dir = dirOf(base)
  const own: Partial<Strings> = { ...loaded[base], ...overrides }
  const table = { ...en, ...own } as Strings
  // An English fallback inside a right-to-left panel is isolated left to right (U+2066 … U+2069),
  // or its punctuation lands at the wrong end ("?Why am I seeing this").
  if (dir == 'rtl') for (const k in en) if (!(k in own)) table[k as keyof Strings] = '\u2066' + en[k as keyof typeof en] + '\u2069'
  // Made on first use: the first Intl.DateTimeFormat of a page loads locale data (13–38 ms here).
  const once = <T>(make: (l: string) => T) => {
    let made: T | undefined
    return () => (made ??= safely(make, lang))
  }
  const dates = once((l) => new Intl.DateTimeFormat(l, { day: 'numeric', month: 'long', year: 'numeric' }))
  const rel = once((l) => new Intl.RelativeTimeFormat(l, { numeric: 'auto' }))
  const lists = once((l) => new Intl.ListFormat(l, { type: 'conjunction' }))
  return {
    lang,
    dir,
    t: (key, vars) => phrase(table, key, vars, lang),
    raw: (key) => table[key] ?? key,
    date: (t) => dates().format(t),
    relative: (t, now = Date.now()) => {
      const s = (t - now) / 1000
      const a = Math.abs(s)
      const [n, unit]: [number, Intl.RelativeTimeFormatUnit] =
        a < HOUR
          ? [s / 60, 'minute']
          : a < DAY
            ? [s / HOUR, 'hour']
            : a < DAY * DAYS_BEFORE_MONTHS
              ? [s / DAY, 'day']
              : a < DAY * 365
                ? [s / MONTH, 'month']
                : [s / YEAR, 'year']
      return rel().format(Math.round(n), unit)
    },
    list: (items) => lists().format(items),
  }
}
