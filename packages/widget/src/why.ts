// "Why am I seeing this?", answered in place: a small non-modal dialog right after the button, with one
// sentence (the signal, its value and where it came from — or why nothing is tailored in this view) and
// Change, Stop using this, See it as everyone does. Plain DOM, placed by CSSOM (a strict CSP allows it).
import type { AnyCandor } from '@candor/core'
import { onServer } from './attach.js'
import { keepBeside } from './beside.js'
import { createI18n, loadLocale, type I18n, type Strings } from './i18n.js'
import { shareText } from './share-text.js'
import { showNotice } from './notice.js'
import { closingButton, statusBox } from './status-box.js'
import { valueText } from './SignalCard.js'
import { base } from './theme.js'

const css = `${base('.candor-why-box')}
.candor-why-box{position:fixed;z-index:var(--candor-z);box-sizing:border-box;inline-size:max-content;max-inline-size:min(24rem,calc(100vw - 16px));
background:var(--candor-bg);color:var(--candor-fg);font:15px/1.45 var(--candor-font);border:1px solid var(--candor-border);border-radius:var(--candor-radius);
padding:12px 14px;box-shadow:0 4px 18px #0005;overflow-wrap:anywhere}
.candor-why-box p{margin:0 0 10px}
.candor-why-box div{display:flex;flex-wrap:wrap;gap:8px}
.candor-why-box button{font:inherit;font-weight:600;color:var(--candor-accent);background:transparent;border:1px solid currentColor;border-radius:8px;min-height:32px;padding:4px 12px;cursor:pointer}
.candor-why-box button:focus-visible,.candor-why-box:focus-visible{outline:3px solid var(--candor-focus);outline-offset:2px}
`
let current: (() => void) | undefined

export interface WhyOptions {
  /** The panel's language; default English. */
  lang?: string
  strings?: Partial<Strings>
  /** Opens the panel at a signal ("Change"). */
  open?(signalId: string): void
}

/** The answer in one sentence: what tailors this, and where it came from, or why nothing does in this view. */
export const whySentence = (candor: AnyCandor, id: string, i18n: I18n): string => {
  const { t } = i18n
  const e = candor.explain(id)
  const label = e.signal.label
  if (candor.arm == 'holdout') return t('whyHoldout', { share: shareText(candor.measurement.holdout, i18n) })
  if (candor.previewing) return t('whyShared')
  if (candor.level == 'off') return t('whyOff')
  const value = valueText(e.signal, e.value, i18n)
  if (e.state == 'active')
    return e.source == 'inferred'
      ? t('whyInferred', { label, value, basis: e.basis ?? '' })
      : t('whyDeclared', { label, value, date: e.setAt ? i18n.date(e.setAt) : '' })
  return `${t('whyNot', { label })} ${e.state == 'unset' || e.state == 'expired' ? t('whyUnset') : t(`state.${e.state}` as keyof Strings)}`
}

/**
 * Answers "Why am I seeing this?" for signal `id` next to `button`; a second call on the same button closes it.
 * Resolves once it is shown. Escape, a click elsewhere or one of its buttons closes it, and focus goes back to `button`.
 * Does nothing on a server.
 * @example why.onclick = () => explainInPlace(candor, why, 'topics', { open: (id) => widget.open(id) })
 */
export const explainInPlace = async (candor: AnyCandor, button: HTMLElement, id: string, o: WhyOptions = {}) => {
  if (onServer()) return
  const wasOpen = button.getAttribute('aria-expanded') == 'true'
  current?.()
  if (wasOpen) return
  await loadLocale(o.lang ?? 'en').catch(() => {})
  const i18n = createI18n(o.lang, o.strings)
  const { t } = i18n
  const e = candor.explain(id)

  const { host, box } = statusBox('candor-why', css, i18n.lang, i18n.dir)
  // Its own class: the page's "Why" buttons have .candor-why.
  box.className = 'candor-why-box'
  box.setAttribute('role', 'dialog')
  box.setAttribute('aria-label', t('why'))
  box.tabIndex = -1
  const p = document.createElement('p')
  p.textContent = whySentence(candor, id, i18n)
  const actions = document.createElement('div')
  // close is declared below: read when clicked.
  const action = (label: string, run: () => void) => actions.append(closingButton(label, () => close(), run))
  const oops = (err: unknown) => console.error('Candor:', err)
  if (o.open) action(t('change'), () => o.open!(id))
  if (e.state == 'active' && candor.arm != 'holdout')
    action(
      t('whyStop'),
      () =>
        void candor.turnOff(id).then(
          () =>
            showNotice({
              // The button may have gone with what it explained (a gated section): then the notice goes last in the page.
              after: button.checkVisibility?.() === false ? (document.body.lastElementChild ?? button) : button,
              lang: i18n.lang,
              dir: i18n.dir,
              text: t('whyStopped', { label: e.signal.label }),
              actions: [{ label: t('noticeUndo'), run: () => void candor.turnOn(id).catch(oops) }],
            }),
          oops,
        ),
    )
  if (!candor.previewing && candor.level != 'off' && candor.arm != 'holdout') action(t('whyEveryone'), () => candor.preview(true))
  box.append(p, actions)
  // Right after the button in the document, so Tab goes from the button into the answer.
  button.after(host)

  // Below the button, or above it when there is no room; kept in view as the page scrolls.
  const [, leave] = keepBeside(host, box, button, i18n.dir == 'rtl', () => close())
  const onDown = (ev: PointerEvent) => {
    const path = ev.composedPath()
    if (!path.includes(host) && !path.includes(button)) close()
  }
  const close = () => {
    leave()
    button.setAttribute('aria-expanded', 'false')
    document.removeEventListener('pointerdown', onDown, true)
    if (current == close) current = undefined
  }
  document.addEventListener('pointerdown', onDown, true)
  button.setAttribute('aria-haspopup', 'dialog')
  button.setAttribute('aria-expanded', 'true')
  current = close
  box.focus()
}
