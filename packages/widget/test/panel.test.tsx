// @vitest-environment happy-dom
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Candor, Catalog } from '@candor/core'
import { createI18n, loadLocale } from '../src/i18n'
import { createOutline } from '../src/outline'
import { Panel } from '../src/Panel'
import { watchPreview } from '../src/preview-bar'
import { whySentence } from '../src/why'
import { byRole, catalog, click, make, one, settle } from './helpers'

let box: HTMLElement
beforeEach(() => {
  box = document.createElement('div')
  document.body.append(box)
})
afterEach(() => {
  render(null, box)
  box.remove()
  for (const el of document.querySelectorAll('candor-arrival')) el.remove()
})

const show = async (candor: Candor, lang = 'en', strings = {}) => {
  await loadLocale(lang)
  await act(() => render(<Panel candor={candor} i18n={createI18n(lang, strings)} outline={createOutline(candor)} uid="t" />, box))
  await settle()
}
const group = (name: string) => one(box, 'group', name)

describe('the level', () => {
  it('offers three levels with the promised wording, and changing it changes the level', async () => {
    const c = await make()
    await show(c)
    const radios = byRole(box, 'radio').filter((r) => (r as HTMLInputElement).name == 't-level')
    expect(radios.map((r) => r.closest('label')!.textContent)).toEqual([
      expect.stringContaining('same page as everyone'),
      expect.stringContaining('only what I'),
      expect.stringContaining('infer'),
    ])
    expect((radios[2] as HTMLInputElement).checked).toBe(true)
    await click(radios[0]!)
    expect(c.level).toBe('off')
  })

  it('says when Global Privacy Control was honoured', async () => {
    await show(await make({ gpc: true }))
    expect(box.textContent).toContain('Your browser sent Global Privacy Control')
  })
})

describe('each signal', () => {
  it('is a group named by its label, filed under its catalog group; a boolean has one on/off switch, others one once they hold a value', async () => {
    const c = await make()
    await show(c)
    for (const s of catalog.signals) expect(byRole(group(s.label), 'switch'), s.id).toHaveLength(s.type == 'boolean' ? 1 : 0)
    expect(one(group('Compact layout'), 'switch', 'Compact layout').textContent).toContain('off')
    await c.set('topics', ['sports'])
    await settle()
    expect(one(group('Topics you follow'), 'switch', 'Use it: Topics you follow').getAttribute('aria-checked')).toBe('true')
    const headings = [...box.querySelectorAll('h3')].map((h) => h.textContent)
    expect(headings).toEqual(expect.arrayContaining(['Reading', 'Other']))
  })

  it('edits in place: checkboxes for multi, radios for choice, the switch for boolean', async () => {
    const c = await make()
    await show(c)
    expect(byRole(group('Topics you follow'), 'checkbox')).toHaveLength(2)
    expect(byRole(group('Your region'), 'radio')).toHaveLength(2)
    expect(byRole(group('Compact layout'), 'checkbox').length + byRole(group('Compact layout'), 'radio').length).toBe(0)
    await click(one(group('Topics you follow'), 'checkbox', 'Science'))
    expect(c.get('topics')).toEqual(['science'])
    await click(one(group('Compact layout'), 'switch'))
    expect(c.get('compact')).toBe(true)
    expect(one(group('Compact layout'), 'switch').getAttribute('aria-checked')).toBe('true')
  })

  it('shows purpose, value in words, when it was declared and when it fades', async () => {
    const t = Date.UTC(2026, 4, 3, 9)
    const c = await make({ now: () => t })
    await c.set('topics', ['sports', 'science'])
    await show(c)
    const text = group('Topics you follow').textContent
    expect(text).toContain('Why: Puts stories on these topics first')
    expect(text).toContain('Now: Sports and Science')
    expect(text).toContain('You told us on May 3, 2026.')
    expect(text).toMatch(/Fades .*\(October 30, 2026\)/)
  })

  it('the switch turns a signal off and on, keeping its value', async () => {
    const c = await make()
    await c.set('topics', ['sports'])
    await show(c)
    const sw = one(group('Topics you follow'), 'switch')
    await click(sw)
    expect(c.explain('topics')).toMatchObject({ state: 'off', value: ['sports'] })
    expect(group('Topics you follow').textContent).toContain('Turned off')
    await click(one(group('Topics you follow'), 'switch'))
    expect(c.get('topics')).toEqual(['sports'])
  })

  it('labels an inferred value with its basis, with Confirm and Correct', async () => {
    const c = await make()
    c.infer('region', 'eu', { basis: 'your IP address suggests Europe' })
    await show(c)
    const g = group('Your region')
    expect(g.textContent).toContain('Inferred from: your IP address suggests Europe.')
    await click(one(g, 'button', 'Correct'))
    expect(document.activeElement).toBe(byRole(group('Your region'), 'radio')[0])
    await click(one(group('Your region'), 'button', 'Confirm'))
    // Confirming is a rare write: it loads when first made, then the card says so.
    await vi.waitFor(() => expect(group('Your region').textContent).toMatch(/You told us on/))
    expect(c.explain('region')).toMatchObject({ source: 'declared', value: 'eu' })
  })

  it('marks one-off values', async () => {
    const c = await make()
    await c.set('topics', ['science'], { oneOff: true })
    await show(c)
    expect(group('Topics you follow').textContent).toContain('One-off')
  })

  it('says it is used on this page, with the reasons', async () => {
    const c = await make()
    await c.set('compact', true)
    c.get('compact', { reason: 'Chooses the layout' })
    await show(c)
    expect(group('Compact layout').textContent).toContain('Used on this page: Chooses the layout.')
    expect(group('Topics you follow').textContent).not.toContain('Used on this page')
  })

  it('renders catalog text as text, never as HTML', async () => {
    const evil = {
      site: 'x',
      signals: [{ id: 'a', type: 'boolean' as const, label: '<img src=x onerror="alert(1)">', purpose: '<b>bold</b>' }],
    }
    await show(await make({ catalog: evil }))
    expect(box.querySelector('img, b')).toBeNull()
    expect(box.textContent).toContain('<img src=x onerror="alert(1)">')
  })
})

describe('Still true?', () => {
  it('asks about values that fade soon: keep, change or forget', async () => {
    let t = Date.UTC(2026, 4, 3, 9)
    const c = await make({ now: () => t })
    await c.set('topics', ['sports'])
    t += 175 * 864e5
    await show(c)
    const still = box.querySelector('.still') as HTMLElement
    expect(still.textContent).toContain('Topics you follow fades in 5 days')
    await click(one(still, 'button', 'Keep'))
    // Keeping is a rare write: it loads when first made, then the question goes.
    await vi.waitFor(() => expect(box.querySelector('.still')).toBeNull())
    expect(c.explain('topics').expiresAt).toBe(t + 180 * 864e5)
  })

  it('asks about values whose meaning the site changed: keep accepts the new meaning', async () => {
    globalThis.indexedDB = new IDBFactory()
    const a = await make({ storage: 'indexeddb' })
    await a.set('compact', true)
    const changed = { ...catalog, signals: catalog.signals.map((s) => (s.id == 'compact' ? { ...s, purpose: 'Shows partner offers' } : s)) }
    const c = await make({ catalog: changed, storage: 'indexeddb' })
    expect(c.explain('compact').state).toBe('needs-review')
    await show(c)
    const still = box.querySelector('.still') as HTMLElement
    expect(still.textContent).toContain('Compact layout: the site changed what it uses this for.')
    expect(group('Compact layout').textContent).toContain('unused until you say it still holds')
    await click(one(still, 'button', 'Keep'))
    expect(c.get('compact')).toBe(true)
  })

  it('Change moves focus to the signal, Forget deletes it', async () => {
    let t = Date.UTC(2026, 4, 3, 9)
    const c = await make({ now: () => t })
    await c.set('topics', ['sports'])
    t += 175 * 864e5
    await show(c)
    await click(one(box.querySelector('.still')!, 'button', 'Change'))
    expect(document.activeElement).toBe(one(group('Topics you follow'), 'checkbox', 'Sports'))
    await click(one(box.querySelector('.still')!, 'button', 'Forget'))
    expect(c.explain('topics').state).toBe('unset')
  })
})

describe('the page everyone sees', () => {
  it('previews the baseline for this view only, with a way back', async () => {
    const c = await make()
    await c.set('compact', true)
    await show(c)
    await click(one(box, 'button', 'See the page as everyone sees it'))
    expect(c.get('compact')).toBeUndefined()
    expect(box.textContent).toContain('You are seeing the page as everyone sees it')
    await click(one(box, 'button', 'Back to my page'))
    expect(c.get('compact')).toBe(true)
  })
})

describe('storage', () => {
  it("says plainly at the top when choices can't be saved", async () => {
    await show(await make())
    const first = box.querySelector('.candor > p')!
    expect(first.textContent).toBe(
      "Your choices can't be saved in this browser (this site keeps them for this page only): they last until you leave this page.",
    )
  })
})

describe('your data', () => {
  it('erases everything only after a confirmation', async () => {
    const c = await make()
    await c.set('compact', true)
    await show(c)
    await click(one(box, 'button', 'Erase everything'))
    expect(c.get('compact')).toBe(true)
    expect(document.activeElement?.textContent).toBe('Cancel')
    await click(one(box, 'button', 'Cancel'))
    expect(c.get('compact')).toBe(true)
    await click(one(box, 'button', 'Erase everything'))
    await click(one(box, 'button', 'Yes, erase everything'))
    // Erasing loads with the other rare writes: memory and storage are emptied together once it is in.
    await vi.waitFor(() => expect(c.get('compact')).toBeUndefined())
    expect(box.textContent).toContain('Everything was erased.')
  })

  it('lists the history of changes, newest first', async () => {
    const c = await make()
    await c.set('compact', true)
    await c.setLevel('declared')
    await show(c)
    const items = [...box.querySelectorAll('.history li')].map((li) => li.textContent)
    expect(items[0]).toContain('chose “Use only what I told you”')
    expect(items[1]).toContain('set Compact layout to on')
  })

  it('says on which page a declaration in context was made, in the history too', async () => {
    const c = await make()
    await c.toggle('compact', undefined, { page: '/news/today' })
    await c.set('compact', false)
    await show(c)
    const items = [...box.querySelectorAll('.history li')].map((li) => li.textContent)
    expect(items[1]).toContain('set Compact layout to on on /news/today')
    expect(items[0]).not.toContain(' on /')
  })
})

describe('languages', () => {
  it('ships German and French, and a site can override any string', async () => {
    const c = await make()
    await show(c, 'de-DE')
    expect(box.querySelector('h2')!.textContent).toBe('Ihre Einstellungen')
    await show(c, 'fr', { title: 'Vos réglages' })
    expect(box.querySelector('h2')!.textContent).toBe('Vos réglages')
    expect(box.textContent).toContain('Montrez-moi la même page')
  })

  it('lays out right to left for right-to-left languages the site gives strings for', async () => {
    // Persian: right to left, and not one Candor ships.
    await show(await make(), 'fa', { title: 'چه چیزی این صفحه را برای شما تنظیم می‌کند' })
    expect(box.querySelector('.candor')!.getAttribute('dir')).toBe('rtl')
    expect(box.querySelector('h2')!.textContent).toBe('چه چیزی این صفحه را برای شما تنظیم می‌کند')
    // A string the site didn't translate is English, isolated left to right so its punctuation stays put.
    expect(box.querySelector('legend')!.textContent).toBe('\u2066How much tailoring\u2069')
  })

  it('shows a shipped right-to-left language in its own words, right to left', async () => {
    const { strings } = await import('../src/locales/ar')
    await show(await make(), 'ar-EG')
    const root = box.querySelector('.candor')!
    expect([root.getAttribute('lang'), root.getAttribute('dir')]).toEqual(['ar-EG', 'rtl'])
    expect(box.querySelector('h2')!.textContent).toBe(strings.title)
    expect(root.textContent).not.toContain('\u2066')
  })

  it('shows a language it does not ship, with no strings from the site, in English throughout', async () => {
    await show(await make(), 'fa')
    const root = box.querySelector('.candor')!
    expect([root.getAttribute('lang'), root.getAttribute('dir')]).toEqual(['en', 'ltr'])
  })
})

describe('a large catalog', () => {
  const big = {
    site: 'big',
    signals: Array.from({ length: 300 }, (_, i) => ({
      id: `s${i}`,
      type: 'boolean' as const,
      label: `Signal ${i}`,
      purpose: `Purpose ${i}`,
      group: `Group ${i % 7}`,
    })),
  }

  it('shows its first signals at once and the rest right after', async () => {
    const c = await make({ catalog: big })
    await loadLocale('en')
    await act(() => render(<Panel candor={c} i18n={createI18n('en')} outline={createOutline(c)} uid="t" />, box))
    const first = byRole(box, 'switch').length
    expect(first).toBeLessThan(100)
    await vi.waitFor(async () => {
      await settle()
      expect(byRole(box, 'switch')).toHaveLength(300)
    }, 3000)
  })

  it('always includes the signal it was opened at', async () => {
    const c = await make({ catalog: big })
    await act(() => render(<Panel candor={c} i18n={createI18n('en')} outline={createOutline(c)} uid="t" focusId="s250" focusKey={1} />, box))
    expect(byRole(box, 'group', 'Signal 250')).toHaveLength(1)
  })
})

describe("the site's intro", () => {
  it("shows the catalog's intro at the top, as text, and nothing when there is none", async () => {
    await show(await make({ catalog: { ...catalog, intro: 'We order the front page by <b>what you follow</b>.' } }))
    const intro = box.querySelector('.site-intro')!
    expect(intro.textContent).toBe('We order the front page by <b>what you follow</b>.')
    expect(intro.querySelector('b')).toBeNull()
    expect(intro.compareDocumentPosition(box.querySelector('fieldset.level')!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy()
    render(null, box)
    await show(await make())
    expect(box.querySelector('.site-intro')).toBeNull()
  })
})

describe('a value declared in context', () => {
  it('says on which page the visitor told us', async () => {
    // A clock that moves on every call: the record and its history entry are not made in the same millisecond.
    let t = Date.UTC(2026, 4, 3)
    const c = await make({ now: () => t++ })
    await c.toggle('topics', 'science', { page: '/science/mars-rover' })
    await show(c)
    expect(group('Topics you follow').textContent).toMatch(/You told us on .+, on \/science\/mars-rover\./)
  })
})

describe('what tailoring changed on this page', () => {
  it('is said at the top, with the shared page one click away, and not when nothing changed', async () => {
    const c = await make()
    let changes = { shown: 2, reordered: 1, hidden: 1 }
    await act(() => render(<Panel candor={c} i18n={createI18n('en')} outline={createOutline(c)} uid="t" pageChanges={() => changes} />, box))
    await settle()
    const top = box.querySelector('.changes')!
    expect(top.textContent).toContain('Tailoring changed this page: 2 shown for you, 1 reordered, and 1 of the shared page hidden.')
    click(top.querySelector('button')!)
    await settle()
    expect(c.previewing).toBe(true)
    expect(box.querySelector('.changes')).toBeNull()
    c.preview(false)
    changes = { shown: 0, reordered: 0, hidden: 0 }
    await settle()
    expect(box.querySelector('.changes')).toBeNull()
  })
})

/** Gives the panel's file input a file, as a visitor choosing one would, and waits for the panel's answer. */
const choose = async (text: string, answer: string) => {
  const input = box.querySelector<HTMLInputElement>('input[type=file]')!
  Object.defineProperty(input, 'files', { value: [new File([text], 'prefs.json', { type: 'application/json' })], configurable: true })
  await act(() => void input.dispatchEvent(new Event('change')))
  // The file checker loads on the first import, and a busy machine is slower: wait for the words, not a fixed time.
  await vi.waitFor(() => expect(status().textContent).toContain(answer), { timeout: 5_000 })
  await settle()
}
const status = () => box.querySelector('[role=status].status')!

describe('feedback where you look', () => {
  it('import says, in a visitor’s words and next to its button, when a file isn’t this site’s preferences', async () => {
    const c = await make()
    await show(c)
    // The message sits in "Your data", right after the buttons it answers.
    expect(status().closest('section')?.querySelector('h3')?.textContent).toBe('Your data')
    await choose('{"hello": "world"}', "isn't a preferences file")
    expect(status().textContent).toBe("This file isn't a preferences file from this site: choose the .json file “Download my preferences” gave you.")
    await choose('not json at all', "isn't a preferences file from this site")
    await choose(JSON.stringify({ ...c.export(), site: 'another-site' }), 'another site')
    expect(status().textContent).toBe('This file holds preferences for another site, so nothing was imported.')
    await choose(JSON.stringify(c.export()), 'Imported.')
    expect(status().textContent).toBe('Imported.')
  })

  it('the history says recent changes in minutes, older ones by their date', async () => {
    let t = Date.UTC(2026, 11, 1, 12)
    const c = await make({ now: () => t })
    await c.set('topics', ['science'])
    t += 2 * 60_000
    await show(c)
    expect(box.querySelector('.history time')!.textContent).toBe('2 minutes ago')
    render(null, box)
    t += 3 * 864e5
    await show(c)
    expect(box.querySelector('.history time')!.textContent).toBe('December 1, 2026')
  })
})

describe('the preview bar', () => {
  it('is on the page whenever it shows what everyone sees, panel open or not, with the way back', async () => {
    const c = await make({ catalog })
    const stop = watchPreview(c, { text: 'You are seeing the page as everyone sees it.', action: 'Back to my page' })
    expect(document.querySelector('candor-arrival')).toBeNull()
    c.preview(true)
    // The bar's code loads the first time the page previews.
    await vi.waitFor(() => expect(document.querySelector('candor-arrival')).not.toBeNull())
    const bar = document.querySelector('candor-arrival')!.shadowRoot!
    expect(bar.querySelector('[role=status]')!.textContent).toContain('You are seeing the page as everyone sees it.')
    one(bar as unknown as HTMLElement, 'button', 'Back to my page').click()
    expect(c.previewing).toBe(false)
    expect(document.querySelector('candor-arrival')).toBeNull()
    c.preview(true)
    await vi.waitFor(() => expect(document.querySelectorAll('candor-arrival')).toHaveLength(1))
    // A change while it loads shows one bar, not two.
    c.preview(false)
    c.preview(true)
    await settle()
    expect(document.querySelectorAll('candor-arrival')).toHaveLength(1)
    stop()
    expect(document.querySelector('candor-arrival')).toBeNull()
  })
})

describe('"Why am I seeing this?" in one sentence', () => {
  it('names the signal, its value and where it came from, or says why nothing is tailored', async () => {
    const t = Date.UTC(2026, 11, 1, 12)
    const c = await make({ now: () => t })
    const i18n = createI18n('en')
    expect(whySentence(c, 'topics', i18n)).toBe('Nothing here is tailored by “Topics you follow”. You haven’t told us anything about it.')
    await c.set('topics', ['science', 'sports'])
    expect(whySentence(c, 'topics', i18n)).toBe('Because of “Topics you follow”: Sports and Science — you told us on December 1, 2026.')
    c.infer('region', 'eu', { basis: 'your IP address suggests Europe' })
    expect(whySentence(c, 'region', i18n)).toBe('Because the site guessed “Your region”: Europe, from this: your IP address suggests Europe.')
    await c.turnOff('topics')
    expect(whySentence(c, 'topics', i18n)).toBe('Nothing here is tailored by “Topics you follow”. Turned off: kept, but not used.')
    c.preview(true)
    expect(whySentence(c, 'region', i18n)).toBe('Nothing is tailored: you are seeing the page as everyone sees it.')
    c.preview(false)
    await c.setLevel('off')
    expect(whySentence(c, 'region', i18n)).toBe('Nothing is tailored: you chose to see the same page as everyone.')
  })

  it('in a holdout view, says the view shows the page as everyone sees it, and how often', async () => {
    globalThis.indexedDB = new IDBFactory()
    const seedC = await make({ storage: 'indexeddb' })
    await seedC.set('topics', ['science'])
    const { createCandor } = await import('@candor/core')
    const held = createCandor({ catalog: { ...catalog, measure: { holdout: 0.05 } }, gpc: false, draw: 0.01 })
    await held.ready
    held.get('topics')
    expect(held.arm).toBe('holdout')
    expect(whySentence(held, 'topics', createI18n('en'))).toBe(
      'Nothing is tailored in this view: it shows the page as everyone sees it, as 1 in 20 views do, so you and the site can see whether tailoring helps.',
    )
  })
})

describe('a catalog with mistakes (the drop-in is lenient)', () => {
  it('says part of the settings couldn’t be shown, and with no usable signal says so', async () => {
    const error = console.error
    console.error = () => {}
    const { createCandor } = await import('@candor/core')
    const c = createCandor({
      catalog: { site: 'a', signals: [{ id: 'x', type: 'boolean', label: '', purpose: 'P' }] } as Catalog,
      storage: 'memory',
      lenient: true,
    })
    console.error = error
    await c.ready
    await show(c)
    expect(box.textContent).toContain("Part of this site's settings couldn't be shown")
    expect(box.textContent).toContain('This site uses nothing to tailor its pages yet.')
  })
})
