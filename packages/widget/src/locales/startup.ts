// The few strings candor.js shows before the panel loads (the launcher, the "Why" buttons), in every
// shipped language. The locales include them, so each string is written once.
export const startupStrings = {
  en: {
    launcher: 'Personalization',
    why: 'Why am I seeing this?',
  },
  de: {
    launcher: 'Personalisierung',
    why: 'Warum sehe ich das?',
  },
  fr: {
    launcher: 'Personnalisation',
    why: 'Pourquoi je vois ceci ?',
  },
} as const

export type StartupStrings = Record<keyof (typeof startupStrings)['en'], string>

/** A string with its `{name}` holes filled; a hole without a value stays as it is. */
export const fill = (text: string, vars?: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m))
