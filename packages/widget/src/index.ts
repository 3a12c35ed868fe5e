export { mountCandor, open, type MountOptions, type Mounted, type WidgetOptions } from './mount.js'
export { defineCandorElement, renderInline, type CandorPreferencesAttributes, type CandorPreferencesElement } from './element.js'
export { createI18n, loadLocale, locales, type I18n, type Locale, type Strings } from './i18n.js'
// The lazy launcher is its own entry, '@candor/widget/lazy', so a page can load it without Preact.
export { declareInContext, type DeclareOptions } from './declare.js'
export { explainInPlace, whySentence, type WhyOptions } from './why.js'
export { showNotice, NOTICE_MS, type NoticeAction, type NoticeOptions } from './notice.js'
export { SHARED_FRAGMENT, isSharedArrival, sharedLink } from './share.js'
export type { PageChanges } from './Panel.js'
