// A declaration in context (data-candor-declare, or a site's own button): stored in one click through the
// core's toggle, then a notice next to the control says what changed, with Undo and Manage.
import type { AnyCandor, Candor } from '@candor/core'
import { holdsOption } from '@candor/core/internal'
import { onServer } from './attach.js'
import { createI18n, loadLocale, type Strings } from './i18n.js'
import { showNotice } from './notice.js'

export interface DeclareOptions {
  /** The panel's language; default English. */
  lang?: string
  strings?: Partial<Strings>
  /** Opens the panel at a signal ("Manage"). */
  open?(signalId: string): void
}

/**
 * Toggles `option` of signal `id` (see `Candor.toggle`), keeping the page's path in the history, and shows
 * the notice after `control`. Resolves once the notice is up; never rejects (a failure is said in the notice).
 * On a server it does nothing: a declaration is the visitor's, in their browser.
 * @example button.onclick = () => declareInContext(candor, button, 'topics', 'science', { open: (id) => widget.open(id) })
 */
export const declareInContext = async (instance: AnyCandor, control: Element, id: string, option: string | undefined, o: DeclareOptions = {}) => {
  if (onServer()) return
  const candor: Candor = instance
  const ready = loadLocale(o.lang ?? 'en').catch(() => {})
  const result = candor.toggle(id, option, { page: location.pathname }).then(
    (undo) => ({ undo }),
    (error: unknown) => ({ error }),
  )
  await ready
  const i18n = createI18n(o.lang, o.strings)
  const at = { after: control, lang: i18n.lang, dir: i18n.dir }
  const got = await result
  if ('error' in got)
    return void showNotice({ ...at, text: i18n.t('noticeDeclareFailed', { reason: (got.error as Error)?.message ?? String(got.error) }), actions: [] })
  const d = candor.catalog.signals.find((s) => s.id == id)!
  const vars = { signal: d.label, option: d.options?.find((x) => x.value == option)?.label ?? '' }
  const v = candor.explain(id).value
  const what: keyof Strings =
    d.type == 'boolean'
      ? v === true
        ? 'noticeSwitchedOn'
        : 'noticeSwitchedOff'
      : d.type == 'multi'
        ? holdsOption(v, option)
          ? 'noticeAdded'
          : 'noticeRemoved'
        : v === undefined
          ? 'noticeCleared'
          : 'noticeChosen'
  const off = candor.level == 'off'
  // A holdout view keeps showing the page as everyone sees it: the visitor is told when they'll see the change.
  const held = candor.arm == 'holdout'
  const oops = (e: unknown) => console.error('Candor:', e)
  showNotice({
    ...at,
    text: i18n.t(what, vars) + ' ' + (off ? i18n.t('noticeLevelOff') : held ? i18n.t('noticeHoldout') : d.purpose),
    actions: [
      ...(off ? [{ label: i18n.t('noticeTurnOn'), run: () => void candor.setLevel('declared').catch(oops) }] : []),
      {
        label: i18n.t('noticeUndo'),
        run: () => void got.undo().then(() => showNotice({ ...at, text: i18n.t('noticeUndone', vars), actions: [] }), oops),
      },
      ...(o.open ? [{ label: i18n.t('noticeManage'), run: () => o.open!(id) }] : []),
    ],
  })
}
