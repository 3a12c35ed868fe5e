// @vitest-environment happy-dom
// Pages built with routers and frameworks: content swapped under Candor, <body> replaced, lists a framework renders.
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Value } from '@candor/core'
import { watchAttributes, type Attributes } from '../src/attributes'
import { said } from '../src/catalog-words'
import { frameworkOf } from '../src/framework'
import { keepHost } from '../src/host'

let watcher: Attributes | undefined
afterEach(() => {
  watcher?.stop()
  document.body.replaceChildren()
})

const tick = () => new Promise((r) => setTimeout(r, 0))
const note = (m: { up: number; upValues: string[] }) => ({ text: `${m.up} moved up for ${m.upValues.join(', ')}`, label: 'Show the usual order' })
const instance = { pressed: () => false, problem: () => undefined }
const list = `<ul id="top" data-candor-rank="topics"><li id="a" data-candor-about="world">A</li><li id="b" data-candor-about="science">B</li></ul>`
const values: Record<string, Value> = { topics: ['science'] }

describe('content a router swaps', () => {
  it("takes its container's note along, and new content gets one note, however often it comes back", async () => {
    document.body.innerHTML = `<main>${list}</main>`
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', note })
    watcher.apply((id) => values[id], instance)
    expect(document.querySelectorAll('.candor-note')).toHaveLength(1)
    // What history.pushState routers do (htmx-style: the view element itself is swapped, the note before it stays
    // in the page): the list's page leaves, another comes, then the list's page again.
    for (let trip = 0; trip < 2; trip++) {
      document.querySelector('#top')!.outerHTML = '<p id="top">Another page</p>'
      await tick()
      expect(document.querySelectorAll('.candor-note')).toHaveLength(0)
      document.querySelector('#top')!.outerHTML = list
      await tick()
      expect(document.querySelectorAll('.candor-note')).toHaveLength(1)
      expect(document.querySelector('.candor-note')!.textContent).toBe('1 moved up for science')
    }
  })

  it('tells the page changed after each batch of changes', async () => {
    const changed = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', changed })
    document.body.append(document.createElement('p'))
    await tick()
    expect(changed).toHaveBeenCalledTimes(1)
  })
})

describe('a list a framework renders', () => {
  it('keeps the order the framework gave, with one console error that names the container and useRanked', async () => {
    const report = vi.fn()
    document.body.innerHTML = list
    // What React leaves on every node it renders.
    Object.assign(document.querySelector('#top')!, { __reactFiber$x1y2: {} })
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', note, report })
    watcher.apply((id) => values[id], instance)
    watcher.apply((id) => values[id], instance)
    expect([...document.querySelectorAll('#top > li')].map((li) => li.id)).toEqual(['a', 'b'])
    expect(document.querySelector('.candor-note')).toBeNull()
    expect(report).toHaveBeenCalledTimes(1)
    const [at, mistake] = report.mock.calls[0]!
    expect(at + said(mistake)).toBe(
      'Candor: <ul data-candor-rank="topics">: rendered by React, so it keeps its order: rank it with useRanked from @candor/react or @candor/vue',
    )
  })

  it.each([
    ['React', (el: Element) => Object.assign(el, { __reactProps$abc: {} })],
    ['Vue', (el: Element) => Object.assign(el, { __vnode: {} })],
    ['Vue', (el: Element) => Object.assign(el, { __vueParentComponent: {} })],
    ['Svelte', (el: Element) => Object.assign(el, { __svelte_meta: {} })],
    ['Preact', (el: Element) => Object.assign(el.parentElement!, { __k: {} })],
  ])('knows %s by its marks', (name, mark) => {
    document.body.innerHTML = `<div id="app">${list}</div>`
    const box = document.querySelector('#top')!
    expect(frameworkOf(box)).toBeUndefined()
    mark(box)
    expect(frameworkOf(box)).toBe(name)
  })

  it("a page's own expando properties, or names that only look alike, are no framework's", () => {
    document.body.innerHTML = list
    const box = document.querySelector('#top')!
    Object.assign(box, { myData: 1, x__vnode: 1, __vnodes: 1, __vueParentComponentX: 1, __svelte_metadata: 1, __reactFiberless: 1 })
    expect(frameworkOf(box)).toBeUndefined()
  })

  it("knows React by a child's marks too", () => {
    document.body.innerHTML = list
    Object.assign(document.querySelector('#a')!, { __reactFiber$q: {} })
    expect(frameworkOf(document.querySelector('#top')!)).toBe('React')
  })
})

describe("Candor's host in a page that replaces <body>", () => {
  const launcher = (h: HTMLElement) => h.shadowRoot!.querySelector('.candor-launcher')
  const options = { label: 'Your preferences', onOpen: () => {} }

  it('comes back after the body is replaced, with its launcher', () => {
    const host = keepHost(undefined, options)
    host.sync()
    const el = document.querySelector('candor-widget') as HTMLElement
    expect(launcher(el)?.isConnected).toBe(true)
    // What Turbo and Astro's router do on navigation.
    document.documentElement.replaceChild(document.createElement('body'), document.body)
    expect(el.isConnected).toBe(false)
    host.sync()
    expect(document.querySelectorAll('candor-widget')).toHaveLength(1)
    expect(el.isConnected).toBe(true)
    expect(host.element()).toBe(el)
  })

  it('shows the launcher only while the page has no opener of its own', () => {
    const host = keepHost(undefined, options)
    host.sync()
    const el = host.element()
    expect(launcher(el)).not.toBeNull()
    document.body.insertAdjacentHTML('afterbegin', '<button data-candor-open>Privacy</button>')
    host.sync()
    expect(launcher(el)).toBeNull()
    document.querySelector('[data-candor-open]')!.remove()
    host.sync()
    expect(launcher(el)).not.toBeNull()
  })

  it('follows data-launcher: none never shows it, always always does', () => {
    document.body.innerHTML = '<button data-candor-open>Privacy</button>'
    const always = keepHost('always', options)
    always.sync()
    expect(launcher(always.element())).not.toBeNull()
    document.body.replaceChildren()
    const none = keepHost('none', options)
    none.sync()
    expect(document.querySelector('candor-widget')).toBeNull()
  })
})

describe("Candor's words, once they are in", () => {
  it('"Why" buttons and notes wait for them, then come, worded', async () => {
    let words: { why: string; note: string } | undefined
    document.body.innerHTML = `<h2 data-candor-why="topics">For you</h2>${list}`
    watcher = watchAttributes({
      open: () => {},
      get whyLabel() {
        return words?.why ?? ''
      },
      note: (m) => (words ? { text: `${m.up} ${words.note}`, label: 'Show the usual order' } : undefined),
    })
    watcher.apply((id) => values[id], instance)
    expect(document.querySelector('.candor-why')).toBeNull()
    expect(document.querySelector('.candor-note')).toBeNull()
    words = { why: 'Warum sehe ich das?', note: 'nach oben' }
    watcher.relabel()
    expect(document.querySelectorAll('.candor-why')).toHaveLength(1)
    expect(document.querySelector('.candor-why')!.textContent).toBe('Warum sehe ich das?')
    expect(document.querySelector('.candor-note')!.textContent).toBe('1 nach oben')
    // Worded again (a label the catalog gave since): the same note, new words.
    words = { why: 'Warum?', note: 'hoch' }
    watcher.relabel()
    expect(document.querySelectorAll('.candor-note')).toHaveLength(1)
    expect(document.querySelector('.candor-note')!.textContent).toBe('1 hoch')
  })
})
