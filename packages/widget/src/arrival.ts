// The message on a page that shows what everyone sees (a shared link's arrival, the preview), at the bottom of the
// window, so it never sits over the site's header as the page scrolls; one button shows the visitor's own page.
// First in the body all the same, so the keyboard and screen readers reach it first. Plain DOM, shown by candor.js at startup.
import { closingButton, statusBox } from './status-box.js'
import { base } from './theme.js'

const css = `${base('.candor-arrival')}
:host{display:block;position:fixed;inset:auto 0 0;z-index:var(--candor-z,2147483000)}
.candor-arrival{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;justify-content:center;box-sizing:border-box;
background:var(--candor-soft);color:var(--candor-fg);font:15px/1.45 var(--candor-font);padding:10px 16px;border-block-start:1px solid var(--candor-border);overflow-wrap:anywhere}
.candor-arrival p{margin:0;min-inline-size:0}
.candor-arrival button{font:inherit;font-weight:600;color:var(--candor-accent-fg);background:var(--candor-accent);border:0;border-radius:8px;min-height:32px;padding:4px 14px;cursor:pointer}
.candor-arrival button:focus-visible{outline:3px solid var(--candor-fg);outline-offset:2px}
@media (max-width:480px){.candor-arrival{font-size:13px;padding:6px 12px;gap:4px 12px}
.candor-arrival p{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}}
`

export interface ArrivalOptions {
  text: string
  action: string
  onAction(): void
  lang?: string
  dir?: 'ltr' | 'rtl'
}

/** Puts the message first in the body. Returns the function that removes it. */
export const showArrival = (o: ArrivalOptions): (() => void) => {
  const { host, box } = statusBox('candor-arrival', css, o.lang, o.dir)
  const p = document.createElement('p')
  // On a narrow screen one line, cut with an ellipsis: screen readers still read it whole.
  p.textContent = o.text
  const close = () => host.remove()
  box.append(p, closingButton(o.action, close, o.onAction))
  document.body.prepend(host)
  return close
}
