export { mountCandor, open, type MountOptions, type Mounted, type WidgetOptions } from './mount'
export { defineCandorElement, renderInline, type CandorPreferencesElement } from './element'
export { createI18n, loadLocale, locales, type I18n, type Strings } from './i18n'
// The lazy launcher is its own entry, '@candor/widget/lazy', so a page can load it without Preact.
export { declareInContext, type DeclareOptions } from './declare'
export { explainInPlace, whySentence, type WhyOptions } from './why'
export { showNotice, NOTICE_MS, type NoticeAction, type NoticeOptions } from './notice'
export { SHARED_FRAGMENT, isSharedArrival, sharedLink } from './share'
export type { PageChanges } from './Panel'
