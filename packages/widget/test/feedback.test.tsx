// @vitest-environment happy-dom
import type { Candor } from '@candor/core'
import { IDBFactory } from 'fake-indexeddb'
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createI18n } from '../src/i18n'
import { createOutline } from '../src/outline'
import { Panel } from '../src/Panel'
import { watchPreview } from '../src/preview-bar'
import { whySentence } from '../src/why'
import { catalog, make, one, settle } from './helpers'

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
const show = async (c: Candor) => {
  await act(() => render(<Panel candor={c} i18n={createI18n('en')} outline={createOutline(c)} uid="t" />, box))
  await settle()
}
/** Gives the panel's file input a file, as a visitor choosing one would. */
const choose = async (text: string) => {
  const input = box.querySelector<HTMLInputElement>('input[type=file]')!
  Object.defineProperty(input, 'files', { value: [new File([text], 'prefs.json', { type: 'application/json' })], configurable: true })
  await act(() => void input.dispatchEvent(new Event('change')))
  await new Promise((r) => setTimeout(r, 20))
  await settle()
}
const status = () => box.querySelector('[role=status].status')!

describe('feedback where you look', () => {
  it('import says, in a visitor’s words and next to its button, when a file isn’t this site’s preferences', async () => {
    const c = await make()
    await show(c)
    // The message sits in "Your data", right after the buttons it answers.
    expect(status().closest('section')?.querySelector('h3')?.textContent).toBe('Your data')
    await choose('{"hello": "world"}')
    expect(status().textContent).toBe("This file isn't a preferences file from this site: choose the .json file “Download my preferences” gave you.")
    await choose('not json at all')
    expect(status().textContent).toContain("isn't a preferences file from this site")
    await choose(JSON.stringify({ ...c.export(), site: 'another-site' }))
    expect(status().textContent).toBe('This file holds preferences for another site, so nothing was imported.')
    await choose(JSON.stringify(c.export()))
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
    const bar = document.querySelector('candor-arrival')!.shadowRoot!
    expect(bar.querySelector('[role=status]')!.textContent).toContain('You are seeing the page as everyone sees it.')
    one(bar as unknown as HTMLElement, 'button', 'Back to my page').click()
    expect(c.previewing).toBe(false)
    expect(document.querySelector('candor-arrival')).toBeNull()
    c.preview(true)
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
      catalog: { site: 'a', signals: [{ id: 'x', type: 'boolean', label: '', purpose: 'P' }] } as never,
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
