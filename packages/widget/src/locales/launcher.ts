// The launcher's name in each shipped language: all of the words a lazy launcher needs before the panel loads,
// in a file of its own, so that a page starting with mountCandorLazy carries no other string. Each language its
// own constant, as in startup.ts: candor.js carries the English one alone.
export const launcherEn = 'Your preferences'
export const launcherDe = 'Ihre Einstellungen'
export const launcherFr = 'Vos préférences'

/** The launcher's name by base language (`de`, `fr`, …); a language Candor doesn't ship has none. */
export const launcherLabels: Readonly<Record<string, string | undefined>> = { en: launcherEn, de: launcherDe, fr: launcherFr }
