// Your preferences on your other devices: the two dialogs (transfer-dialog.ts), loaded when a visitor asks for a link
// (the panel's "Your data") or opens one (mountCandor asks at once), in the panel's words and theme.
import type { SignalDefinition, Value } from '@candor/core'
import { transferWordsOf, type I18n } from './i18n.js'
import { phrase } from './locales/startup.js'
import { valueText } from './SignalCard.js'
import { base } from './theme.js'

/** The dialogs' code, and what they are told: the panel's words and its forced theme, if any. */
export const dialogs = async (i18n: I18n, theme?: 'light' | 'dark') =>
  [
    await import('./transfer-dialog.js'),
    { i18n, valueText: (s: SignalDefinition, v: Value) => valueText(s, v, i18n), theme, base, phrase, words: transferWordsOf(i18n.lang) },
  ] as const
