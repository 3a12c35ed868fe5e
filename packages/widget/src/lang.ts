// The language the widget speaks: the site's choice, else the page's `lang`, else the browser's.

/** The page's language, then the browser's. */
export const pageLang = (lang?: string | null) => lang || document.documentElement.lang || navigator.language || 'en'

/** The base language of a tag: `de` for `de-CH`, `ckb` for `ckb_IQ`. */
export const baseOf = (lang: string) => lang.toLowerCase().split(/[-_]/)[0] || 'en'

const RTL = /^(ar|he|fa|ur|ps|yi|dv|ckb|sd|ug)$/

/** `rtl` for languages written right to left. */
export const dirOf = (lang: string): 'ltr' | 'rtl' => (RTL.test(baseOf(lang)) ? 'rtl' : 'ltr')
