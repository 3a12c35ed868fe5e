// A short status message next to where the visitor acted (a declaration in context): what changed, in
// words, with Undo and Manage. Plain DOM, no Preact, so candor.js shows it without the panel's code.
// It sits right after the control in the document, so the keyboard reaches its buttons next, and on screen
// beside it (beside.ts), never over it; leaving with focus inside, it hands focus back to the control.
import { keepBeside } from './beside.js'
import { closingButton, statusBox } from './status-box.js'
import { base } from './theme.js'

const css = `${base('.candor-notice')}
.candor-notice{position:fixed;z-index:var(--candor-z);box-sizing:border-box;max-inline-size:min(30rem,calc(100vw - 32px));
background:var(--candor-bg);color:var(--candor-fg);font:15px/1.45 var(--candor-font);border:1px solid var(--candor-border);border-radius:var(--candor-radius);
padding:12px 14px;box-shadow:0 4px 18px #0005;display:flex;flex-wrap:wrap;gap:8px 12px;align-items:center;overflow-wrap:anywhere}
.candor-notice p{margin:0;flex:1 1 14rem}
.candor-notice button{font:inherit;font-weight:600;color:var(--candor-accent);background:transparent;border:1px solid currentColor;border-radius:8px;min-height:32px;padding:4px 12px;cursor:pointer}
.candor-notice button:focus-visible{outline:3px solid var(--candor-focus);outline-offset:2px}
.candor-notice:empty{display:none}
`
/** How long a notice stays when nobody points at it or focuses it, in ms. */
export const NOTICE_MS = 10_000

export interface NoticeAction {
  label: string
  run(): void
}

export interface NoticeOptions {
  text: string
  actions: NoticeAction[]
  /** The element the visitor acted on: the notice goes right after it, and focus goes back to it. */
  after: Element
  lang?: string
  dir?: 'ltr' | 'rtl'
}

let current: (() => void) | undefined

/** Shows one notice (replacing the one before). Returns the function that removes it. */
export const showNotice = (o: NoticeOptions): (() => void) => {
  current?.()
  const { host, box } = statusBox('candor-notice', css, o.lang, o.dir)
  // Inside a link or a button, the notice goes after it: interactive content can't hold buttons.
  const anchor = o.after.closest('a,button,label') ?? o.after
  anchor.after(host)
  let timer: ReturnType<typeof setTimeout> | undefined
  // close is declared below: read when Escape is pressed.
  const [place, leave] = keepBeside(host, box, o.after, o.dir == 'rtl', () => close())
  const close = () => {
    clearTimeout(timer)
    leave()
    if (current == close) current = undefined
  }
  const wait = () => {
    clearTimeout(timer)
    timer = setTimeout(close, NOTICE_MS)
  }
  // Filled a frame after the live region exists, so screen readers announce it.
  requestAnimationFrame(() => {
    const p = document.createElement('p')
    p.textContent = o.text
    box.append(p)
    for (const a of o.actions) box.append(closingButton(a.label, close, a.run))
    place()
  })
  // It stays while it is pointed at or has focus.
  host.addEventListener('pointerenter', () => clearTimeout(timer))
  host.addEventListener('focusin', () => clearTimeout(timer))
  host.addEventListener('pointerleave', wait)
  host.addEventListener('focusout', wait)
  wait()
  return (current = close)
}
