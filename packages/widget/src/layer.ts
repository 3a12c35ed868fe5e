import type { Candor } from '@candor/core'
import { effect, type Signal } from '@preact/signals'

// Positions go into a constructed stylesheet, not style attributes, so a strict CSP allows them.
const BASE = `:host{all:initial;position:absolute;inset:0 auto auto 0;pointer-events:none;z-index:2147483646}
.box{position:absolute;box-sizing:border-box;border:3px dashed var(--candor-outline,#c2185b);border-radius:4px}
.label{position:absolute;inset-block-end:100%;opacity:.92;inset-inline-start:-3px;max-inline-size:20em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;
background:var(--candor-outline,#c2185b);color:#fff;font:600 12px/1.6 system-ui,sans-serif;padding:0 6px;border-radius:4px 4px 0 0}`

/** Draws a labelled box over every element a signal tailored; returns the function that removes them. */
export const showLayer = (candor: Candor, count: Signal<number>): (() => void) => {
  const host = document.createElement('candor-outline')
  const root = host.attachShadow({ mode: 'open' })
  const sheet = new CSSStyleSheet()
  root.adoptedStyleSheets = [sheet]
  document.body.append(host)
  let frame = 0

  const draw = () => {
    frame = 0
    const items: Array<[Element, string]> = []
    for (const [id, use] of Object.entries(candor.usage)) {
      const signal = candor.catalog.signals.find((s) => s.id == id)
      // Only what a value in use shaped: a read that found nothing (or a preview) tailored nothing.
      if (!signal || candor.explain(id).state != 'active') continue
      for (const el of use.elements) if (el.isConnected && el.getClientRects().length) items.push([el, signal.label])
    }
    sheet.replaceSync(
      BASE +
        items
          .map(([el], i) => {
            const r = el.getBoundingClientRect()
            // 4px outside the element, so the dashes never cross its text.
            return `.b${i}{top:${r.top + scrollY - 4}px;left:${r.left + scrollX - 4}px;width:${r.width + 8}px;height:${r.height + 8}px}`
          })
          .join(''),
    )
    root.replaceChildren(
      ...items.map(([, label], i) => {
        const box = document.createElement('div')
        box.className = 'box b' + i
        const tag = document.createElement('span')
        tag.className = 'label'
        tag.textContent = label
        box.append(tag)
        return box
      }),
    )
    count.value = items.length
  }
  const later = () => (frame ||= requestAnimationFrame(draw))
  // Redraw when the page reads again, a value or the level changes, or the window resizes.
  const stop = effect(() => {
    candor.signals.usage.value
    candor.signals.version.value
    later()
  })
  addEventListener('resize', later)
  return () => {
    stop()
    cancelAnimationFrame(frame)
    removeEventListener('resize', later)
    host.remove()
  }
}
