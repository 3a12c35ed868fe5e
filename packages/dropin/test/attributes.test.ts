// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Value } from '@candor/core'
import { cloak, watchAttributes, type Attributes, type Mistake } from '../src/attributes'
import { pageChanges } from '../src/page-changes'
import { said as worded } from '../src/catalog-words'

/** A report's call as the console shows it: where, then the mistake in words. */
const message = ([at, m]: unknown[]) => (at as string) + (typeof m == 'string' ? m : worded(m as Exclude<Mistake, string>))

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
    // Undecided baseline content keeps its place, so showing it moves nothing.
    expect(rules).toMatch(/\[data-candor-baseline\]:not\(\[data-candor-state\]\).*visibility: hidden !important/)
    // Candor's own buttons look the same on every site, and a disabled declaring control says so.
    expect(rules).toMatch(/\.candor-why.*border-radius: 1em/)
    expect(rules).toMatch(/\.candor-note.*dashed/)
    expect(rules).toMatch(/\[data-candor-declare\]\[aria-disabled="?true"?\].*not-allowed/)
    uncloak()
    expect(document.adoptedStyleSheets).toHaveLength(before)
  })
})

describe('watchAttributes', () => {
  const values = (v: Record<string, Value | undefined>) => (id: string) => v[id]

  it('shows nothing gated before it decides, then the baseline when it has no preferences', async () => {
    page()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why am I seeing this?' })
    expect(shown('#foryou') || shown('#top')).toBe(false)
    watcher.apply()
    expect(shown('#top')).toBe(true)
    expect(shown('#foryou')).toBe(false)
    expect(shown('#sports')).toBe(false)
  })

  it('shows what the preferences call for, all conditions holding', () => {
    page()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    watcher.apply(values({ topics: ['sports'], compact: undefined }))
    expect([shown('#foryou'), shown('#sports'), shown('#both'), shown('#top')]).toEqual([true, true, false, false])
    watcher.apply(values({ topics: ['sports'], compact: true }))
    expect(shown('#both')).toBe(true)
  })

  it('records each gated element as the reason of its read', () => {
    page()
    const read = vi.fn(() => undefined)
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    watcher.apply(read)
    expect(read).toHaveBeenCalledWith('topics', document.querySelector('#foryou'))
    expect(read).toHaveBeenCalledWith('topics', document.querySelector('#top'))
  })

  it('handles elements added later, as infinite scroll adds them', async () => {
    page()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
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
    watcher = watchAttributes({ open: open, whyLabel: 'Why am I seeing this?' })
    await tick()
    const why = document.querySelector<HTMLButtonElement>('#h > .candor-why')!
    expect(why.textContent).toBe('Why am I seeing this?')
    expect(why.type).toBe('button')
    why.click()
    expect(open).toHaveBeenCalledWith('topics', expect.any(HTMLElement))
  })

  it('makes data-candor-open elements open the panel, by click and by keyboard', async () => {
    page()
    const open = vi.fn()
    watcher = watchAttributes({ open: open, whyLabel: 'Why?' })
    watcher.apply()
    const a = document.querySelector<HTMLElement>('#prefs')!
    expect(a.getAttribute('tabindex')).toBe('0')
    expect(a.getAttribute('role')).toBe('button')
    a.click()
    a.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(open).toHaveBeenCalledTimes(2)
  })
})

describe('gated parts in a view held out', () => {
  const note = { note: (_m: unknown, _u: boolean, held: boolean) => (held ? { text: 'As everyone sees it — why?', label: 'why' } : undefined) }
  it('a part the paused values would show has the held-out note where it would be; one they would not, none; it goes when the view is tailored', () => {
    document.body.innerHTML = `<section id="mine" data-candor-show="topics:science">S</section><section id="other" data-candor-show="topics:sports">P</section><p id="base" data-candor-baseline="topics">Everyone</p>`
    const why = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', why, ...note })
    let held: Value | undefined = ['science']
    const instance = { pressed: () => false, problem: () => undefined, held: (id: string) => (id == 'topics' ? held : undefined) }
    // Held out: nothing is read, so every part is as everyone sees it.
    watcher.apply(() => undefined, instance)
    const notes = () => [...document.querySelectorAll('.candor-note')].map((b) => [b.nextElementSibling?.id, b.textContent])
    expect(notes()).toEqual([['mine', 'As everyone sees it — why?']])
    expect(document.querySelector('#mine')!.getAttribute('data-candor-state')).toBe('off')
    expect(document.querySelector('#base')!.getAttribute('data-candor-state')).toBe('on')
    ;(document.querySelector('.candor-note') as HTMLElement).click()
    expect(why).toHaveBeenCalledWith(document.querySelector('.candor-note'), 'topics')
    // Tailored: the part shows, and the note is gone.
    held = undefined
    watcher.apply(() => ['science'], instance)
    expect(notes()).toEqual([])
    expect(document.querySelector('#mine')!.getAttribute('data-candor-state')).toBe('on')
  })

  it("a ranked container that is gated too keeps its ranking's note, also when its gate is decided again", async () => {
    document.body.innerHTML = `<ul id="box" data-candor-show="topics" data-candor-rank="topics"><li id="a" data-candor-about="sports"></li><li id="b" data-candor-about="science"></li></ul>`
    const word = (m: { up: number }, _u: boolean, held: boolean) => ({ text: held ? 'held' : `${m.up} moved up`, label: 'l' })
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', note: word as never })
    watcher.apply(() => ['science'], { pressed: () => false, problem: () => undefined, held: () => undefined })
    const said = () => document.querySelector('.candor-note')?.textContent
    expect(said()).toBe('1 moved up')
    // The gate's attribute changes: the observer decides the container's gate again, and its note stays.
    document.querySelector('#box')!.setAttribute('data-candor-show', 'topics:science')
    await new Promise((r) => setTimeout(r))
    expect(document.querySelector('#box')!.getAttribute('data-candor-state')).toBe('on')
    expect(said()).toBe('1 moved up')
  })
})

describe('ranked containers', () => {
  const box = () => {
    document.body.innerHTML = `
      <ol id="top" data-candor-rank="topics" data-candor-demote="muted" data-candor-keep="1">
        <li id="a" data-candor-about="world">A</li><li id="b" data-candor-about="sports">B</li>
        <li id="c" data-candor-about="science">C</li><li id="d" data-candor-about="sports culture">D</li>
      </ol>`
  }
  const ids = () => [...document.querySelectorAll('#top > li')].map((li) => li.id).join('')
  const instance = { pressed: () => false, problem: () => undefined }

  it('moves children about a value in use to the front, keeps the first one, demotes, and restores the page order', async () => {
    box()
    const reads: string[] = []
    let v: Record<string, Value | undefined> = { topics: ['science'], muted: ['sports'] }
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    watcher.apply((id, el) => (reads.push(id + ':' + el.id), v[id]), instance)
    expect(ids()).toBe('acbd')
    expect(document.querySelector('#top')!.getAttribute('data-candor-state')).toBe('on')
    expect(reads).toEqual(['topics:top', 'muted:top'])
    v = {}
    watcher.apply((id) => v[id], instance)
    expect(ids()).toBe('abcd')
    expect(document.querySelector('#top')!.getAttribute('data-candor-state')).toBe('off')
    watcher.apply((id) => ({ topics: ['culture'] })[id], instance)
    expect(ids()).toBe('adbc')
  })

  it('ranks children the page adds later with the others, and never removes one', async () => {
    box()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    watcher.apply((id) => ({ topics: ['science'] })[id], instance)
    const e = document.createElement('li')
    e.id = 'e'
    e.setAttribute('data-candor-about', 'science')
    document.querySelector('#top')!.append(e)
    await tick()
    expect(ids()).toBe('acebd')
  })

  it('reports a bad keep, a boolean or unknown signal, and a container without about, keeping the page order', async () => {
    document.body.innerHTML = `<ul id="top" data-candor-rank="compact" data-candor-keep="two"><li id="x" data-candor-about="a">x</li><li id="y">y</li></ul>
      <ul id="bare" data-candor-rank="topics"><li>1</li></ul>`
    const report = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', report })
    watcher.apply(() => true, { pressed: () => false, problem: (k, id) => (id == 'compact' ? 'a boolean' : undefined) })
    const said = report.mock.calls.map(message).join('\n')
    expect(said).toContain('<ul data-candor-keep="two">')
    expect(said).toContain('<ul data-candor-rank="compact">: a boolean')
    expect(said).toContain('none of its children has data-candor-about')
    expect([...document.querySelectorAll('#top > li')].map((l) => l.id).join('')).toBe('xy')
  })
})

describe('ranked containers at their limits', () => {
  const instance = { pressed: () => false, problem: () => undefined }
  const ids = (sel: string) => [...document.querySelectorAll(`${sel} > li`)].map((l) => l.id).join('')
  it('S33: a bad data-candor-keep (-1, 1e9, two) is said and keeps the page order, even with a value to rank by', () => {
    document.body.innerHTML = ['-1', '1e9', 'two']
      .map(
        (k, i) =>
          `<ul id="k${i}" data-candor-rank="topics" data-candor-keep="${k}"><li id="a" data-candor-about="world"></li><li id="b" data-candor-about="science"></li></ul>`,
      )
      .join('')
    const report = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', report })
    watcher.apply(() => ['science'], instance)
    for (const [i, k] of ['-1', '1e9', 'two'].entries()) {
      expect(ids(`#k${i}`), `keep="${k}"`).toBe('ab')
      expect(report.mock.calls.map(message).filter((m) => m.includes(`<ul data-candor-keep="${k}">`))).toHaveLength(1)
    }
  })
  it('a child the page adds as Candor reorders is still handled (its declaring control), and moved ones are not visited again', async () => {
    document.body.innerHTML = `<ul id="top" data-candor-rank="topics"><li id="a" data-candor-about="world"></li><li id="b" data-candor-about="science"></li></ul>`
    let v: Value | undefined
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    watcher.apply(() => v, instance)
    const late = document.createElement('li')
    late.id = 'c'
    late.setAttribute('data-candor-about', 'science')
    late.innerHTML = '<span id="follow" data-candor-declare="topics:science">Follow</span>'
    document.querySelector('#top')!.append(late)
    // Decided again before the observer has seen the new child: the reorder takes its record along.
    v = ['science']
    watcher.apply(() => v, instance)
    expect(ids('#top')).toBe('bca')
    await tick()
    expect(document.querySelector('#follow')!.getAttribute('role')).toBe('button')
    expect(document.querySelector('#follow')!.getAttribute('aria-pressed')).toBe('false')
  })
  it('children Candor moves are not visited again as if new (a goal inside is named once)', async () => {
    document.body.innerHTML = `<ul id="top" data-candor-rank="topics"><li id="a" data-candor-about="world"></li><li id="b" data-candor-about="science"><a data-candor-goal="read">x</a></li></ul>`
    const goal = vi.fn()
    let v: Value | undefined
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', goal })
    watcher.apply(() => v, instance)
    expect(goal).toHaveBeenCalledTimes(1)
    for (const next of [['science'], undefined, ['science']]) {
      v = next
      watcher.apply(() => v, instance)
      await tick()
    }
    expect(ids('#top')).toBe('ba')
    // One per apply (each decides the page again), none for the moves themselves.
    expect(goal).toHaveBeenCalledTimes(4)
  })
})

describe('declaring controls', () => {
  it('are buttons with aria-pressed from the stored value; a click declares; a bad one is disabled and reported', async () => {
    document.body.innerHTML = `<span id="s" data-candor-declare="topics:sports">Follow Sports</span>
      <button id="bad" data-candor-declare="topics:cooking">Follow Cooking</button>`
    const declare = vi.fn()
    const report = vi.fn()
    let held = false
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', declare, report })
    const instance = { pressed: () => held, problem: (_: string, __: string, o?: string) => (o == 'cooking' ? '"cooking" is not an option' : undefined) }
    watcher.apply(() => undefined, instance)
    const s = document.querySelector<HTMLElement>('#s')!
    expect(s.getAttribute('role')).toBe('button')
    expect(s.getAttribute('tabindex')).toBe('0')
    expect(s.getAttribute('aria-pressed')).toBe('false')
    s.click()
    s.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }))
    expect(declare).toHaveBeenCalledTimes(2)
    expect(declare).toHaveBeenCalledWith(s, 'topics', 'sports')
    held = true
    watcher.apply(() => undefined, instance)
    expect(s.getAttribute('aria-pressed')).toBe('true')
    const bad = document.querySelector<HTMLElement>('#bad')!
    expect(bad.getAttribute('aria-disabled')).toBe('true')
    bad.click()
    expect(declare).toHaveBeenCalledTimes(2)
    expect(report).toHaveBeenCalledTimes(1)
    expect(message(report.mock.calls[0]!)).toContain('<button data-candor-declare="topics:cooking">: "cooking" is not an option')
  })
})

describe("S31: declaring controls in content the site didn't write", () => {
  const instance = { pressed: () => false, problem: (_: string, __: string, o?: string) => (o == 'cooking' ? '"cooking" is not an option' : undefined) }
  const start = () => {
    const declare = vi.fn()
    const report = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', declare, report })
    watcher.apply(() => undefined, instance)
    return { declare, report }
  }

  it('in a comment it is no control; injected late, nested in a link or a form, it declares and navigates or submits nothing', async () => {
    document.body.innerHTML = `<!-- <button data-candor-declare="topics:sports">x</button> -->
      <a id="link" href="#elsewhere"><span id="in-link" data-candor-declare="topics:sports">Follow</span></a>
      <form id="form"><button id="in-form" data-candor-declare="topics:science">Follow</button></form>`
    const { declare } = start()
    expect(document.querySelectorAll('[role=button]')).toHaveLength(1)
    const submitted = vi.fn((e: Event) => e.preventDefault())
    document.querySelector('#form')!.addEventListener('submit', submitted)
    const link = new MouseEvent('click', { bubbles: true, cancelable: true })
    document.querySelector('#in-link')!.dispatchEvent(link)
    expect(link.defaultPrevented).toBe(true)
    ;(document.querySelector('#in-form') as HTMLButtonElement).click()
    expect(submitted).not.toHaveBeenCalled()
    const late = document.createElement('button')
    late.setAttribute('data-candor-declare', 'topics:culture')
    document.body.append(late)
    await tick()
    late.click()
    expect(declare.mock.calls.map((c) => c.slice(1))).toEqual([
      ['topics', 'sports'],
      ['topics', 'science'],
      ['topics', 'culture'],
    ])
  })

  it('a thousand on one page each declare once per click; one naming an undeclared option never does', async () => {
    document.body.innerHTML = Array.from({ length: 1000 }, (_, i) => `<button data-candor-declare="topics:${i % 2 ? 'sports' : 'cooking'}">${i}</button>`).join(
      '',
    )
    const { declare, report } = start()
    for (const b of document.querySelectorAll('button')) b.click()
    expect(declare).toHaveBeenCalledTimes(500)
    expect(declare.mock.calls.every((c) => c[2] == 'sports')).toBe(true)
    expect(report).toHaveBeenCalledTimes(500)
    expect(document.querySelectorAll('[aria-disabled=true]')).toHaveLength(500)
  })
})

describe('what changed here: the note of a reordered container', () => {
  const note = (m: { up: number; down: number; upValues: string[] }, usual: boolean) =>
    usual
      ? { text: 'In the usual order', label: 'Show your order again' }
      : { text: `${m.up} up for ${m.upValues.join(', ')}, ${m.down} down`, label: 'Show the usual order' }
  const instance = { pressed: () => false, problem: () => undefined }
  const ids = () => [...document.querySelectorAll('#top > li')].map((li) => li.id).join('')

  it('says what moved, shows the page order for this view on a click and back on the next, and goes when nothing is tailored', async () => {
    document.body.innerHTML = `<ol id="top" data-candor-rank="topics" data-candor-demote="muted">
        <li id="a" data-candor-about="world">A</li><li id="b" data-candor-about="sports">B</li><li id="c" data-candor-about="science">C</li></ol>`
    let v: Record<string, Value | undefined> = { topics: ['science'], muted: ['world'] }
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', note })
    watcher.apply((id) => v[id], instance)
    const b = document.querySelector<HTMLButtonElement>('button.candor-note')!
    // A button of its own kind: inside a form, it submits nothing.
    expect(b.type).toBe('button')
    expect(b.nextElementSibling?.id).toBe('top')
    expect(b.textContent).toBe('1 up for science, 1 down')
    expect(b.getAttribute('aria-label')).toBe('Show the usual order')
    expect(ids()).toBe('cba')
    b.click()
    expect(ids()).toBe('abc')
    expect(b.textContent).toBe('In the usual order')
    expect(b.getAttribute('aria-label')).toBe('Show your order again')
    b.click()
    expect(ids()).toBe('cba')
    v = {}
    watcher.apply((id) => v[id], instance)
    expect(document.querySelector('button.candor-note')).toBeNull()
  })

  it('goes inside the element the site marks data-candor-note="<the container id>"', async () => {
    document.body.innerHTML = `<p id="here" data-candor-note="top"></p><ul id="top" data-candor-rank="topics"><li data-candor-about="a">1</li><li data-candor-about="b">2</li></ul>`
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', note })
    watcher.apply((id) => ({ topics: ['b'] })[id], instance)
    expect(document.querySelector('#here > button.candor-note')?.textContent).toBe('1 up for b, 0 down')
  })
})

/** A reader answering from fixed values. */
const readFrom = (v: Record<string, Value | undefined>) => (id: string) => v[id]

describe('goals on the page (data-candor-goal)', () => {
  it('names each goal once Candor decided, reaches one by a click, and names those added later; a blank one is no goal', async () => {
    document.body.innerHTML = `<a id="sub" href="#" data-candor-goal=" subscribe "><span id="inner">Subscribe</span></a><p data-candor-goal="  ">x</p>`
    const goal = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', goal })
    expect(goal).not.toHaveBeenCalled()
    watcher.apply()
    expect(goal.mock.calls).toEqual([['subscribe', false]])
    document.querySelector<HTMLElement>('#inner')!.click()
    expect(goal.mock.calls.at(-1)).toEqual(['subscribe', true])
    const late = document.createElement('button')
    late.setAttribute('data-candor-goal', 'share')
    document.body.append(late)
    await tick()
    expect(goal.mock.calls.at(-1)).toEqual(['share', false])
    expect(goal).toHaveBeenCalledTimes(3)
  })

  it('content added piece by piece, as a parser adds it, is handled once: each goal named once, each gated part decided', async () => {
    const goal = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', goal })
    watcher.apply(readFrom({ topics: ['sports'] }))
    // An element, then its child, then the child's children, all before the observer runs (one batch).
    const main = document.createElement('main')
    document.body.append(main)
    const section = document.createElement('section')
    section.setAttribute('data-candor-show', 'topics:sports')
    main.append(section)
    for (const name of ['read', 'share']) {
      const a = document.createElement('a')
      a.setAttribute('data-candor-goal', name)
      section.append(a)
    }
    await tick()
    expect(goal.mock.calls).toEqual([
      ['read', false],
      ['share', false],
    ])
    expect(section.getAttribute('data-candor-state')).toBe('on')
  })

  it('in one batch, new content with a part the page moved into it, and a new child of a part already there, are each decided', async () => {
    document.body.innerHTML = `<div id="old"><p id="moved" data-candor-show="topics:sports"></p></div><section id="box"></section>`
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    watcher.apply(readFrom({ topics: ['sports'] }))
    const moved = document.querySelector('#moved')!
    moved.removeAttribute('data-candor-state')
    // New content, and a part already there moved into it: the visit of the new content covers it.
    const fresh = document.createElement('article')
    document.body.append(fresh)
    fresh.append(moved)
    // A new child of a part that was there: its parent is no new content, so it is visited itself.
    const child = document.createElement('p')
    child.setAttribute('data-candor-show', 'topics:sports')
    document.querySelector('#box')!.append(child)
    await tick()
    expect(moved.getAttribute('data-candor-state')).toBe('on')
    expect(child.getAttribute('data-candor-state')).toBe('on')
  })

  it('a key press on an opener is no goal reached (only the click is)', () => {
    document.body.innerHTML = `<span id="o" data-candor-open data-candor-goal="prefs">Preferences</span>`
    const goal = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', goal })
    watcher.apply()
    document.querySelector('#o')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(goal.mock.calls).toEqual([['prefs', false]])
  })
})

describe('attributes the page changes later', () => {
  const instance = { pressed: () => false, problem: () => undefined }

  it('re-decides a gated element whose condition changed, and adds controls given their attribute later', async () => {
    page()
    const declare = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', declare })
    watcher.apply(readFrom({ topics: ['science'] }), instance)
    const sports = document.querySelector('#sports')!
    expect(shown('#sports')).toBe(false)
    sports.setAttribute('data-candor-show', 'topics:science')
    const plain = document.querySelector<HTMLElement>('#plain')!
    plain.setAttribute('data-candor-why', 'topics')
    plain.setAttribute('data-candor-declare', 'topics:science')
    await tick()
    expect(shown('#sports')).toBe(true)
    expect(plain.querySelector('.candor-why')).not.toBeNull()
    expect(plain.getAttribute('aria-pressed')).toBe('false')
    plain.click()
    expect(declare).toHaveBeenCalledWith(plain, 'topics', 'science')
  })

  it('re-ranks a container whose ranking attributes changed; before Candor decided, nothing moves', async () => {
    document.body.innerHTML = `<ul id="top" data-candor-rank="topics"><li id="a" data-candor-about="world">A</li><li id="b" data-candor-about="sports">B</li></ul>`
    const ids = () => [...document.querySelectorAll('#top > li')].map((li) => li.id).join('')
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    const box = document.querySelector('#top')!
    box.setAttribute('data-candor-keep', '0')
    await tick()
    expect(ids()).toBe('ab')
    watcher.apply((id) => ({ topics: ['sports'], muted: ['sports'] })[id], instance)
    expect(ids()).toBe('ba')
    box.setAttribute('data-candor-keep', '1')
    await tick()
    expect(ids()).toBe('ab')
    box.setAttribute('data-candor-keep', '0')
    box.setAttribute('data-candor-rank', '')
    box.setAttribute('data-candor-demote', 'muted')
    await tick()
    expect(ids()).toBe('ab')
    box.setAttribute('data-candor-demote', '')
    box.setAttribute('data-candor-rank', 'region   topics')
    await tick()
    expect(ids()).toBe('ba')
  })

  it('ranks by a choice as by a list, and keeps the focus on the control the visitor used', async () => {
    document.body.innerHTML = `<ul id="top" data-candor-rank="region"><li id="a" data-candor-about="us"><button id="btn">A</button></li><li id="b" data-candor-about="eu">B</li></ul>`
    const ids = () => [...document.querySelectorAll('#top > li')].map((li) => li.id).join('')
    let v: Value | undefined = 'eu'
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    const btn = document.querySelector<HTMLButtonElement>('#btn')!
    btn.focus()
    watcher.apply(() => v, instance)
    expect(ids()).toBe('ba')
    expect(document.activeElement).toBe(btn)
    v = undefined
    watcher.apply(() => v, instance)
    expect(ids()).toBe('ab')
    expect(document.activeElement).toBe(btn)
  })
})

describe('declaring controls as their problem comes and goes', () => {
  it('a control whose option became valid is enabled again; one that became invalid loses aria-pressed', () => {
    document.body.innerHTML = `<button id="d" data-candor-declare=" topics : science ">Follow Science</button>`
    let problem: string | undefined = 'no such option'
    const instance = { pressed: (id: string, o?: string) => id == 'topics' && o == 'science', problem: () => problem }
    const report = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', report })
    watcher.apply(() => undefined, instance)
    const d = document.querySelector('#d')!
    expect(d.getAttribute('aria-disabled')).toBe('true')
    expect(d.hasAttribute('aria-pressed')).toBe(false)
    problem = undefined
    watcher.apply(() => undefined, instance)
    expect(d.hasAttribute('aria-disabled')).toBe(false)
    expect(d.getAttribute('aria-pressed')).toBe('true')
    problem = 'no such option'
    watcher.apply(() => undefined, instance)
    expect(d.hasAttribute('aria-pressed')).toBe(false)
    expect(report).toHaveBeenCalledTimes(1)
  })

  it('keeps a role the page gave, and answers the keyboard only where the browser would not (a native button clicks itself)', () => {
    document.body.innerHTML = `<div id="t" role="tab" data-candor-open>Prefs</div><button id="n" data-candor-open>Prefs</button>`
    const open = vi.fn()
    watcher = watchAttributes({ open, whyLabel: 'Why?' })
    watcher.apply()
    const t = document.querySelector('#t')!
    expect(t.getAttribute('role')).toBe('tab')
    t.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }))
    expect(open).not.toHaveBeenCalled()
    t.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }))
    expect(open).toHaveBeenCalledTimes(1)
    document.querySelector('#n')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    expect(open).toHaveBeenCalledTimes(1)
  })
})

describe('the "Why" button answering in place, intent and stopping', () => {
  it('answers in place when the page asked to, and adds one button however often it is visited', async () => {
    page()
    const why = vi.fn()
    const open = vi.fn()
    watcher = watchAttributes({ open, why, whyLabel: 'Why?' })
    watcher.apply(readFrom({ topics: ['sports'] }))
    watcher.apply(readFrom({ topics: ['sports'] }))
    const buttons = document.querySelectorAll('#h > .candor-why')
    expect(buttons).toHaveLength(1)
    ;(buttons[0] as HTMLElement).click()
    expect(why).toHaveBeenCalledWith(buttons[0], 'topics')
    expect(open).not.toHaveBeenCalled()
    document.querySelector<HTMLElement>('#prefs')!.click()
    expect(open).toHaveBeenCalledWith(undefined, document.querySelector('#prefs'))
  })

  it('tells of intent when a pointer, focus or touch reaches a control, not elsewhere', () => {
    page()
    const intent = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', intent })
    document.querySelector('#plain')!.dispatchEvent(new Event('pointerover', { bubbles: true }))
    expect(intent).not.toHaveBeenCalled()
    document.querySelector('#prefs')!.dispatchEvent(new Event('pointerover', { bubbles: true }))
    document.querySelector('#prefs')!.dispatchEvent(new Event('touchstart', { bubbles: true }))
    expect(intent).toHaveBeenCalledTimes(2)
  })

  it('after stop() the page is the page’s own: clicks, keys and intent reach nothing', () => {
    page()
    const open = vi.fn()
    const intent = vi.fn()
    watcher = watchAttributes({ open, intent, whyLabel: 'Why?' })
    watcher.apply()
    watcher.stop()
    const a = document.querySelector<HTMLElement>('#prefs')!
    a.click()
    a.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    a.dispatchEvent(new Event('focusin', { bubbles: true }))
    expect(open).not.toHaveBeenCalled()
    expect(intent).not.toHaveBeenCalled()
    watcher = undefined
  })
})

describe('pageChanges: what tailoring changed on the page now', () => {
  it('counts the parts shown for the visitor, the containers reordered and the baseline parts hidden', () => {
    page()
    document.body.insertAdjacentHTML(
      'beforeend',
      `<ol id="list" data-candor-rank="topics"><li data-candor-about="world">W</li><li data-candor-about="sports">S</li></ol>`,
    )
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    watcher.apply()
    expect(pageChanges()).toEqual({ shown: 0, reordered: 0, hidden: 0 })
    watcher.apply(readFrom({ topics: ['sports'] }), { pressed: () => false, problem: () => undefined })
    expect(pageChanges()).toEqual({ shown: 2, reordered: 1, hidden: 1 })
  })
})

describe('the finer rules of gating, declaring and ranking', () => {
  const instance = { pressed: () => false, problem: () => undefined }

  it('a baseline of several signals shows only while every one of them is at its baseline', () => {
    document.body.innerHTML = `<p id="base" data-candor-baseline="topics compact">Top stories</p>`
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    watcher.apply(readFrom({}))
    expect(shown('#base')).toBe(true)
    watcher.apply(readFrom({ topics: ['sports'] }))
    expect(shown('#base')).toBe(false)
  })

  it('a control that declares a boolean names the signal alone', () => {
    document.body.innerHTML = `<button id="c" data-candor-declare=" compact ">Compact layout</button>`
    const declare = vi.fn()
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', declare })
    watcher.apply(() => undefined, instance)
    document.querySelector<HTMLElement>('#c')!.click()
    expect(declare.mock.calls[0]!.slice(1)).toEqual(['compact', undefined])
  })

  it('a child the page removed stays removed when the container is ranked again', async () => {
    document.body.innerHTML = `<ul id="top" data-candor-rank="topics"><li id="a" data-candor-about="world">A</li><li id="b" data-candor-about="sports">B</li><li id="c" data-candor-about="science">C</li></ul>`
    const ids = () => [...document.querySelectorAll('#top > li')].map((li) => li.id).join('')
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?' })
    watcher.apply(readFrom({ topics: ['science'] }), instance)
    expect(ids()).toBe('cab')
    document.querySelector('#b')!.remove()
    watcher.apply(readFrom({ topics: ['sports'] }), instance)
    expect(ids()).toBe('ac')
    watcher.apply(readFrom({}), instance)
    expect(ids()).toBe('ac')
  })

  it('asks about ranking as ranking, reads nothing for a container it can’t rank, and says nothing of a good keep', () => {
    document.body.innerHTML = `<ul id="top" data-candor-rank="topics" data-candor-keep="1"><li data-candor-about="a">1</li><li data-candor-about="b">2</li></ul>
      <ul id="bare" data-candor-rank="region"><li>1</li></ul>`
    const report = vi.fn()
    const read = vi.fn((id: string) => (id == 'topics' ? ['b'] : undefined))
    const kinds: string[] = []
    watcher = watchAttributes({ open: () => {}, whyLabel: 'Why?', report })
    watcher.apply(read, { pressed: () => false, problem: (kind) => void kinds.push(kind) })
    expect(kinds).toEqual(['rank'])
    expect(read.mock.calls.map((c) => c[0])).toEqual(['topics'])
    expect(report.mock.calls.map(message)).toEqual([expect.stringContaining('<ul data-candor-rank="region">: none of its children has data-candor-about')])
  })
})
