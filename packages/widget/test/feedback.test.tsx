// @vitest-environment happy-dom
import type { Candor } from '@candor/core'
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createI18n } from '../src/i18n'
import { createOutline } from '../src/outline'
import { Panel } from '../src/Panel'
import { watchPreview } from '../src/preview-bar'
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
