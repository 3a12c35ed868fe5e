// The two transfer dialogs, in plain DOM: a native modal <dialog> keeps focus inside, closes on Escape and gives focus
// back to what opened it. "Use these on another device" shows a QR code and the link; on the device that opens the
// link, "Use the preferences from your other device?" shows what each would set and replace. Loaded on use only.
import type { Candor, CandorError, SignalDefinition, TransferProposal, Value } from '@candor/core'
import { TRANSFER_MINUTES, isCarried } from '@candor/core/internal'
import type { I18n } from './i18n.js'
import type { phrase } from './locales/startup.js'
import type { base } from './theme.js'
import { transferEn, type TransferWords } from './transfer-words.js'

/**
 * What the dialogs are given by the panel that opens them: its words, and the widget's stylesheet start and phrasing,
 * handed over so this file imports none of the panel's modules (a bundler would split them out of the panel for it).
 */
export interface TransferDialogOptions {
  /** The panel's words: a signal's value and a level are said as the panel says them. */
  i18n: I18n
  valueText(signal: SignalDefinition, value: Value): string
  theme?: 'light' | 'dark'
  base: typeof base
  phrase: typeof phrase
  /** The dialogs' words in the panel's language, when it isn't English. */
  words?: TransferWords
}

const css = (o: TransferDialogOptions) => `${o.base('.candor-transfer')}
.candor-transfer[open]{display:block;position:fixed;inset:0;margin:auto;box-sizing:border-box;inline-size:min(28rem,calc(100vw - 24px));
block-size:fit-content;max-block-size:calc(100dvh - 24px);overflow:auto;overflow-wrap:anywhere;background:var(--candor-bg);
border:1px solid var(--candor-border);border-radius:var(--candor-radius);padding:20px;box-shadow:0 12px 40px #0006}
.candor-transfer:not([open]){display:none}.candor-transfer::backdrop{background:#0007}
h2{font-size:1.2em;margin:0 0 12px}p{margin:0 0 12px}ul{margin:0 0 12px;padding-inline-start:20px}li{margin:4px 0}
.muted{color:var(--candor-muted)}
svg{display:block;inline-size:min(264px,100%);margin:0 auto 12px}
label{display:block;font-weight:600;margin-block-end:4px}
input{box-sizing:border-box;inline-size:100%;font:13px/1.4 ui-monospace,monospace;color:var(--candor-fg);background:var(--candor-soft);
border:1px solid var(--candor-border);border-radius:8px;padding:6px 8px;margin-block-end:8px}
.actions{display:flex;flex-wrap:wrap;gap:8px;justify-content:flex-end}
button{font:inherit;color:var(--candor-fg);background:var(--candor-bg);border:1px solid var(--candor-border);border-radius:8px;min-block-size:36px;padding:4px 14px;cursor:pointer}
button.primary{font-weight:600;color:var(--candor-accent-fg);background:var(--candor-accent);border-color:var(--candor-accent)}
button:focus-visible,input:focus-visible{outline:3px solid var(--candor-focus);outline-offset:2px}
[role=status]:empty{margin:0}`

/** `<tag>text</tag>`, with a class when given. */
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text = '', cls?: string) => {
  const e = document.createElement(tag)
  e.textContent = text
  if (cls) e.className = cls
  return e
}

const button = (label: string, run: () => void, cls?: string) => {
  const b = el('button', label, cls)
  b.type = 'button'
  b.addEventListener('click', run)
  return b
}

/** A modal dialog titled `title`, in a shadow root of its own at the end of the body; gone once closed. */
const modal = (o: TransferDialogOptions, title: string) => {
  const host = document.createElement('candor-transfer')
  const root = host.attachShadow({ mode: 'open' })
  const sheet = new CSSStyleSheet()
  sheet.replaceSync(css(o))
  root.adoptedStyleSheets = [sheet]
  const d = el('dialog', '', 'candor-transfer')
  d.lang = o.i18n.lang
  d.dir = o.i18n.dir
  if (o.theme) d.dataset.theme = o.theme
  const h = el('h2', title)
  h.id = 'title'
  d.setAttribute('aria-labelledby', 'title')
  d.append(h)
  root.append(d)
  d.addEventListener('close', () => host.remove())
  document.body.append(host)
  return d
}

/** `words[key]` with its holes filled, in the plural form `count` asks for. */
const sayer = (o: TransferDialogOptions, w: TransferWords) => (key: string, vars?: Record<string, string | number>) =>
  o.phrase(w, key, { minutes: TRANSFER_MINUTES, ...vars }, o.i18n.lang)

/** Shows a QR code and the link that carry this device's preferences to another (made by `transferLink`). */
export const showTransferLink = async (candor: Candor, o: TransferDialogOptions): Promise<HTMLDialogElement> => {
  const w = o.words ?? transferEn
  const say = sayer(o, w)
  const count = Object.values(candor.export().values).filter(isCarried).length
  // The link and its code first: the dialog is put in the page once there is something to show.
  const link = count ? await candor.transferLink() : ''
  const code = count ? (await import('./qr.js')).qrCode(link, w.code) : undefined
  const d = modal(o, o.i18n.t('transfer'))
  const done = button(w.done, () => d.close(), 'primary')
  if (!count) {
    d.append(el('p', w.none), el('div', '', 'actions'))
    d.lastChild!.appendChild(done)
    d.showModal()
    return d
  }
  const input = el('input')
  input.id = 'link'
  input.readOnly = true
  input.value = link
  const label = el('label', w.link)
  label.htmlFor = 'link'
  const status = el('p', '', 'muted')
  status.setAttribute('role', 'status')
  const copy = button(w.copy, async () => {
    input.select()
    // The clipboard needs a secure context; elsewhere the link is selected, for the visitor to copy.
    await navigator.clipboard?.writeText(link).then(
      () => (status.textContent = w.copied),
      () => {},
    )
  })
  const actions = el('div', '', 'actions')
  actions.append(copy, done)
  d.append(el('p', say('carries', { count })), ...(code ? [code] : []), el('p', say(code ? 'scan' : 'tooDense'), 'muted'), label, input, status, actions)
  d.showModal()
  return d
}

/** The words for why a link can't be used: by the field its refusal names first, or `failed` when it couldn't be read. */
const faultOf = (e: unknown): keyof TransferWords => {
  if ((e as CandorError).code != 'transfer-invalid') return (console.error('Candor:', e), 'failed')
  const f = (e as CandorError).problems[0]!.split(/[:.]/)[0]
  return f == 'level' ? 'values' : ((['fragment', 'version', 'site', 'madeAt', 'clock'].find((k) => k == f) as keyof TransferWords) ?? 'values')
}

/** One line of the proposal: what it sets, in the panel's words, and what it replaces here. */
const line = (say: ReturnType<typeof sayer>, name: string, value: string, replaces?: string) => {
  const li = el('li')
  li.append(el('strong', name), ': ' + value)
  if (replaces !== undefined) li.append(' ', el('span', `(${say('replaces', { value: replaces })})`, 'muted'))
  return li
}

/**
 * Asks the visitor whether to use what the link in `fragment` proposes: "Use them" stores it, "No thanks" (where the
 * keyboard lands first, and Escape) changes nothing. A link that can't be used is said in a sentence, and nothing changes.
 */
export const askTransfer = async (candor: Candor, fragment: string, o: TransferDialogOptions): Promise<HTMLDialogElement> => {
  const { t } = o.i18n
  const w = o.words ?? transferEn
  const say = sayer(o, w)
  let p: TransferProposal
  try {
    // What it would replace is what storage holds, so it is read once storage has answered.
    await candor.ready
    p = await candor.readTransfer(fragment)
  } catch (e) {
    const d = modal(o, w.refused)
    const close = button(w.close, () => d.close(), 'primary')
    d.append(el('p', say(faultOf(e))), el('div', '', 'actions'))
    d.lastChild!.appendChild(close)
    d.showModal()
    return d
  }
  const d = modal(o, w.ask)
  const def = (id: string) => candor.catalog.signals.find((s) => s.id == id)
  const list = el('ul')
  if (p.level) list.append(line(say, t('level'), t(`level.${p.level.value}`), t(`level.${p.level.replaces}`)))
  for (const c of p.changes) {
    const s = def(c.id)!
    list.append(line(say, s.label, o.valueText(s, c.value), c.replaces === undefined ? undefined : o.valueText(s, c.replaces)))
  }
  // A signal this site no longer declares is counted, not named: a link's ids are not the site's words.
  const removed = p.skipped.filter((s) => s.why == 'removed').length
  const notes = p.skipped.flatMap((s) => (s.why == 'changed' ? [el('p', say('changed', { label: def(s.id)!.label }), 'muted')] : []))
  if (removed) notes.push(el('p', say('removed', { count: removed }), 'muted'))
  if (p.levelKept) notes.push(el('p', w.levelKept, 'muted'))
  // A link made a little ahead of this device's clock was made "now", not "in 3 minutes".
  const made = el('p', say('made', { when: o.i18n.relative(Math.min(p.madeAt, candor.now()), candor.now()) }))
  const status = el('p')
  status.setAttribute('role', 'status')
  const actions = el('div', '', 'actions')
  const changes = list.childElementCount > 0
  const no = button(changes ? w.no : w.close, () => d.close(), changes ? '' : 'primary')
  const use = button(
    w.use,
    async () => {
      use.disabled = true
      try {
        await candor.acceptTransfer(p)
        // What was asked goes; the answer stays, in the live region.
        for (const n of [made, list, ...notes]) n.remove()
        status.textContent = w.used
        actions.replaceChildren(button(w.done, () => d.close(), 'primary'))
        ;(actions.firstChild as HTMLElement).focus()
      } catch (e) {
        console.error('Candor:', e)
        use.disabled = false
        use.focus()
        status.textContent = w.failed
      }
    },
    'primary',
  )
  actions.append(...(changes ? [use, no] : [no]))
  d.append(made, changes ? list : el('p', w.same), ...notes, status, actions)
  d.showModal()
  // Nothing is stored unless the visitor chooses to: the keyboard lands on the choice that changes nothing.
  no.focus()
  return d
}
