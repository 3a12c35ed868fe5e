// The few strings candor.js shows before the panel loads (the launcher, the "Why" buttons), in every
// shipped language. The locales include them, so each string is written once.
export const startupStrings = {
  en: { launcher: 'Personalization', why: 'Why am I seeing this?' },
  de: { launcher: 'Personalisierung', why: 'Warum sehe ich das?' },
  fr: { launcher: 'Personnalisation', why: 'Pourquoi je vois ceci ?' },
} as const

export type StartupStrings = Record<keyof (typeof startupStrings)['en'], string>
