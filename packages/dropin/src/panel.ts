// candor-panel.js: what candor.js loads when the visitor shows intent — the core's editing part
// (writes, recovery, signals), Preact, the widget and its strings — and the bar of a page that shows
// what everyone sees (a shared link's arrival, the preview), in the panel's words; and how the page moves after a
// declaration (motion.ts), since a declaration loads this file.
import type { Candor } from '@candor/core'
import { createI18n, loadLocale } from '@candor/widget'
import { watchPreview } from '@candor/widget/internal'

export { edit } from '@candor/core/editing'
export { glider, keepInPlace } from './motion.js'
export { pageChanges } from './page-changes.js'
export { declareInContext, explainInPlace, mountCandor, renderInline } from '@candor/widget'

/** Shows the preview bar whenever `candor` previews; `shared`: with a shared link's words until the visitor leaves it. */
export const previewBar = async (candor: Candor, lang: string, shared: boolean) => {
  await loadLocale(lang)
  const { t, lang: l, dir } = createI18n(lang)
  watchPreview(candor, {
    text: t('previewing'),
    action: t('previewBack'),
    arrival: shared ? { text: t('arrived'), action: t('ownPage') } : undefined,
    lang: l,
    dir,
  })
}
