import type { Candor } from '@candor/core'
import { effect, type Signal } from '@preact/signals'

// Positions go into a constructed stylesheet, not style attributes, so a strict CSP allows them.
const BASE = `:host{all:initial;position:absolute;inset:0 auto auto 0;pointer-events:none;z-index:2147483646}
.box{position:absolute;box-sizing:border-box;border:3px dashed var(--candor-outline,#c2185b);border-radius:4px}
.label{position:absolute;opacity:.92;max-inline-size:20em;overflow:hidden;text-overflow:ellipsis;white-space:nowrap;
background:var(--candor-outline,#c2185b);color:#fff;font:600 12px/1.6 system-ui,sans-serif;padding:0 6px;border-radius:4px}`

/** What a label must not cover: the page's controls, a reordered list's note (a button) among them. */
const CONTROLS = 'a[href],button,input,select,textarea,summary'

/**
 * Where each box's label goes, as CSS: on the box's edge above it at its start, at its end, or below, the first
 * place that covers no control and no label before it (else the first). Offsets are from inside the box's 3px border.
 */
const labelPlaces = (boxes: DOMRect[], tags: HTMLElement[]) => {
  const taken = [...document.querySelectorAll(CONTROLS)].map((c) => c.getBoundingClientRect())
  return tags
    .map((tag, i) => {
      const b = boxes[i]!
      const { offsetWidth: w, offsetHeight: h } = tag
      const places = [b.top + 3 - h, b.bottom - 3].flatMap((y) => [new DOMRect(b.left, y, w, h), new DOMRect(b.right - w, y, w, h)])
      const p = places.find((p) => !taken.some((t) => t.left < p.right && p.left < t.right && t.top < p.bottom && p.top < t.bottom)) ?? places[0]!
      taken.push(p)
      return `.l${i}{left:${p.left - b.left - 3}px;top:${p.top - b.top - 3}px}`
    })
    .join('')
}

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
    // 4px outside each element, so the dashes never cross its text.
    const boxes = items.map(([el]) => {
      const r = el.getBoundingClientRect()
      return new DOMRect(r.left - 4, r.top - 4, r.width + 8, r.height + 8)
    })
    const css = BASE + boxes.map((b, i) => `.b${i}{top:${b.top + scrollY}px;left:${b.left + scrollX}px;width:${b.width}px;height:${b.height}px}`).join('')
    sheet.replaceSync(css)
    const tags = items.map(([, label], i) => {
      const box = document.createElement('div')
      box.className = 'box b' + i
      const tag = box.appendChild(document.createElement('span'))
      tag.className = 'label l' + i
      tag.textContent = label
      return tag
    })
    root.replaceChildren(...tags.map((tag) => tag.parentNode!))
    // Measured where they are drawn, then placed clear of the page's controls.
    sheet.replaceSync(css + labelPlaces(boxes, tags))
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
