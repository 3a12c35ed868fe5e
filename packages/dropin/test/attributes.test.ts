// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Value } from '@candor/core'
import { cloak, watchAttributes, type Attributes } from '../src/attributes'

let watcher: Attributes | undefined
let uncloak: (() => void) | undefined
afterEach(() => {
  watcher?.stop()
  uncloak?.()
  document.body.replaceChildren()
})

const tick = () => new Promise((r) => setTimeout(r, 0))
const shown = (sel: string) => document.querySelector(sel)!.getAttribute('data-candor-state') == 'on'
const page = () => {
  document.body.innerHTML = `
    <section id="foryou" data-candor-show="topics"><h2 id="h" data-candor-why="topics">For you</h2></section>
    <li id="sports" data-candor-show="topics:sports"></li>
    <li id="both" data-candor-show="topics:sports compact"></li>
    <section id="top" data-candor-baseline="topics"></section>
    <p id="plain">always</p>
    <a id="prefs" data-candor-open>Your preferences</a>`
}

describe('the cloak', () => {
  it('hides every gated element until Candor decides, with one constructed stylesheet', () => {
    const before = document.adoptedStyleSheets.length
    uncloak = cloak()
    expect(document.adoptedStyleSheets).toHaveLength(before + 1)
    const rules = [...document.adoptedStyleSheets.at(-1)!.cssRules].map((r) => r.cssText).join('\n')
    expect(rules).toMatch(/data-candor-show.*data-candor-state.*display: none !important/)
    uncloak()
    expect(document.adoptedStyleSheets).toHaveLength(before)
  })
})

describe('watchAttributes', () => {
  const values = (v: Record<string, Value | undefined>) => (id: string) => v[id]

  it('shows nothing gated before it decides, then the baseline when it has no preferences', async () => {
    page()
    watcher = watchAttributes(() => {}, 'Why am I seeing this?')
    expect(shown('#foryou') || shown('#top')).toBe(false)
    watcher.apply()
    expect(shown('#top')).toBe(true)
    expect(shown('#foryou')).toBe(false)
    expect(shown('#sports')).toBe(false)
  })

  it('shows what the preferences call for, all conditions holding', () => {
    page()
    watcher = watchAttributes(() => {}, 'Why?')
    watcher.apply(values({ topics: ['sports'], compact: undefined }))
    expect([shown('#foryou'), shown('#sports'), shown('#both'), shown('#top')]).toEqual([true, true, false, false])
    watcher.apply(values({ topics: ['sports'], compact: true }))
    expect(shown('#both')).toBe(true)
  })

  it('records each gated element as the reason of its read', () => {
    page()
    const read = vi.fn(() => undefined)
    watcher = watchAttributes(() => {}, 'Why?')
    watcher.apply(read)
    expect(read).toHaveBeenCalledWith('topics', document.querySelector('#foryou'))
    expect(read).toHaveBeenCalledWith('topics', document.querySelector('#top'))
  })

  it('handles elements added later, as infinite scroll adds them', async () => {
    page()
    watcher = watchAttributes(() => {}, 'Why?')
    watcher.apply(values({ topics: ['science'] }))
    const more = document.createElement('div')
    more.innerHTML = '<li id="late" data-candor-show="topics:science"></li><li id="late2" data-candor-show="topics:sports"></li>'
    document.body.append(more)
    await tick()
    expect(shown('#late')).toBe(true)
    expect(shown('#late2')).toBe(false)
  })

  it('adds a "Why am I seeing this?" button that opens the panel at the signal', async () => {
    page()
    const open = vi.fn()
    watcher = watchAttributes(open, 'Why am I seeing this?')
    await tick()
    const why = document.querySelector<HTMLButtonElement>('#h > .candor-why')!
    expect(why.textContent).toBe('Why am I seeing this?')
    expect(why.type).toBe('button')
    why.click()
    expect(open).toHaveBeenCalledWith('topics')
  })

  it('makes data-candor-open elements open the panel, by click and by keyboard', async () => {
    page()
    const open = vi.fn()
    watcher = watchAttributes(open, 'Why?')
    watcher.apply()
    const a = document.querySelector<HTMLElement>('#prefs')!
    expect(a.getAttribute('tabindex')).toBe('0')
    expect(a.getAttribute('role')).toBe('button')
    a.click()
    a.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(open).toHaveBeenCalledTimes(2)
  })
})
