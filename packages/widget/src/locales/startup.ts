// The few strings candor.js shows before the panel loads (the launcher, the "Why" buttons), in every
// shipped language. The locales include them, so each string is written once.
export const startupStrings = {
  en: {
    launcher: 'Personalization',
    why: 'Why am I seeing this?',
    arrived: 'This page was shared with you: you see it as everyone does.',
    ownPage: 'Show my own page',
  },
  de: {
    launcher: 'Personalisierung',
    why: 'Warum sehe ich das?',
    arrived: 'Diese Seite wurde mit Ihnen geteilt: Sie sehen sie wie alle.',
    ownPage: 'Meine eigene Seite zeigen',
  },
  fr: {
    launcher: 'Personnalisation',
    why: 'Pourquoi je vois ceci ?',
    arrived: 'Cette page vous a été partagée : vous la voyez comme tout le monde.',
    ownPage: 'Afficher ma propre page',
  },
} as const

export type StartupStrings = Record<keyof (typeof startupStrings)['en'], string>

/** A string with its `{name}` holes filled; a hole without a value stays as it is. */
export const fill = (text: string, vars?: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m))
