// The message at the top of a page that shows what everyone sees (a shared link's arrival, the preview),
// staying in view as the page scrolls; one button shows the visitor's own page. Plain DOM, shown by candor.js at startup.
import { statusBox } from './status-box.js'
import { base } from './theme.js'

const css = `${base('.candor-arrival')}
:host{display:block;position:sticky;inset-block-start:0;z-index:var(--candor-z,2147483000)}
.candor-arrival{display:flex;flex-wrap:wrap;gap:8px 16px;align-items:center;justify-content:center;box-sizing:border-box;
background:var(--candor-soft);color:var(--candor-fg);font:15px/1.45 var(--candor-font);padding:10px 16px;border-block-end:1px solid var(--candor-border);overflow-wrap:anywhere}
.candor-arrival p{margin:0}
.candor-arrival button{font:inherit;font-weight:600;color:var(--candor-accent-fg);background:var(--candor-accent);border:0;border-radius:8px;min-height:32px;padding:4px 14px;cursor:pointer}
.candor-arrival button:focus-visible{outline:3px solid var(--candor-fg);outline-offset:2px}
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
  p.textContent = o.text
  const b = document.createElement('button')
  b.type = 'button'
  b.textContent = o.action
  b.addEventListener('click', () => {
    host.remove()
    o.onAction()
  })
  box.append(p, b)
  document.body.prepend(host)
  return () => host.remove()
}
