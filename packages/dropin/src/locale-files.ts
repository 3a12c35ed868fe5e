// The panel's languages in the drop-in: each is candor-locale-<lang>.js beside the panel's own files, fetched on a page
// in that language (build.mjs puts this file in place of the widget's, which a bundler splits by import()).
import type { Locale } from '@candor/widget'
import { LANGUAGES } from '@candor/widget/internal'

/** The words of a shipped language other than English (`base`: `de`, `ja`, …), loaded; `undefined` for another. */
export const localeOf = (base: string): Promise<Locale> | undefined =>
  base != 'en' && LANGUAGES.includes(base) ? import(/* @vite-ignore */ new URL(`candor-locale-${base}.js`, import.meta.url).href) : undefined
