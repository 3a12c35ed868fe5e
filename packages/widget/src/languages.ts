// The languages Candor ships, in a file of their own: what only loads words needs the list, not what names the page's
// language (lang.ts), which every launcher carries.

/** The languages Candor ships, by base language: English first (built in), then each with its file in locales/ (a test keeps them in step). */
export const LANGUAGES = 'en de fr es pt it nl sv da pl cs uk ru tr hi ar he ja zh ko'.split(' ')
