// The few strings candor.js shows before the panel loads (the launcher, the "Why" buttons), in every
// shipped language. The locales include them, so each string is written once.
export const startupStrings = {
  en: {
    launcher: 'Personalization',
    why: 'Why am I seeing this?',
    added: '{signal}: {option} added.',
    removed: '{signal}: {option} removed.',
    chosen: '{signal}: {option}.',
    cleared: '{signal}: no longer set.',
    switchedOn: '{signal}: on.',
    switchedOff: '{signal}: off.',
    levelOff: 'Saved, but tailoring is off on this site, so the page stays as everyone sees it.',
    turnOn: 'Turn tailoring on',
    undo: 'Undo',
    undone: 'Undone: {signal} is as it was.',
    manage: 'Manage',
    declareFailed: "That couldn't be saved: {reason}",
  },
  de: {
    launcher: 'Personalisierung',
    why: 'Warum sehe ich das?',
    added: '{signal}: {option} hinzugefügt.',
    removed: '{signal}: {option} entfernt.',
    chosen: '{signal}: {option}.',
    cleared: '{signal}: nicht mehr gesetzt.',
    switchedOn: '{signal}: an.',
    switchedOff: '{signal}: aus.',
    levelOff: 'Gespeichert, aber Anpassung ist auf dieser Website aus: Sie sehen die Seite wie alle.',
    turnOn: 'Anpassung einschalten',
    undo: 'Rückgängig',
    undone: 'Rückgängig gemacht: {signal} ist wie vorher.',
    manage: 'Verwalten',
    declareFailed: 'Das konnte nicht gespeichert werden: {reason}',
  },
  fr: {
    launcher: 'Personnalisation',
    why: 'Pourquoi je vois ceci ?',
    added: '{signal} : {option} ajouté.',
    removed: '{signal} : {option} retiré.',
    chosen: '{signal} : {option}.',
    cleared: '{signal} : plus défini.',
    switchedOn: '{signal} : activé.',
    switchedOff: '{signal} : désactivé.',
    levelOff: 'Enregistré, mais la personnalisation est désactivée sur ce site : la page reste celle de tous.',
    turnOn: 'Activer la personnalisation',
    undo: 'Annuler',
    undone: 'Annulé : {signal} est comme avant.',
    manage: 'Gérer',
    declareFailed: "Cela n'a pas pu être enregistré : {reason}",
  },
} as const

export type StartupStrings = Record<keyof (typeof startupStrings)['en'], string>

/** A string with its `{name}` holes filled; a hole without a value stays as it is. */
export const fill = (text: string, vars?: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k) => (vars && k in vars ? String(vars[k]) : m))
