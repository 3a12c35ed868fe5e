// Where each shipped language's file comes from: each its own file, so a page loads only its language. Written out,
// not made from LANGUAGES: a bundler splits a language into a file of its own only for an import() it can read.
// (The drop-in swaps this file for one that fetches candor-locale-<lang>.js from beside its own files.)
import type { Locale } from './i18n.js'

const files: Record<string, () => Promise<Locale>> = {
  de: () => import('./locales/de.js'),
  fr: () => import('./locales/fr.js'),
  es: () => import('./locales/es.js'),
  pt: () => import('./locales/pt.js'),
  it: () => import('./locales/it.js'),
  nl: () => import('./locales/nl.js'),
  sv: () => import('./locales/sv.js'),
  da: () => import('./locales/da.js'),
  pl: () => import('./locales/pl.js'),
  cs: () => import('./locales/cs.js'),
  uk: () => import('./locales/uk.js'),
  ru: () => import('./locales/ru.js'),
  tr: () => import('./locales/tr.js'),
  hi: () => import('./locales/hi.js'),
  ar: () => import('./locales/ar.js'),
  he: () => import('./locales/he.js'),
  ja: () => import('./locales/ja.js'),
  zh: () => import('./locales/zh.js'),
  ko: () => import('./locales/ko.js'),
}

/** The words of a shipped language other than English (`base`: `de`, `ja`, …), loaded; `undefined` for another. */
export const localeOf = (base: string): Promise<Locale> | undefined => files[base]?.()
