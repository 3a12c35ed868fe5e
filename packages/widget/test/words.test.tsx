// @vitest-environment happy-dom
// Words that fit any site (#23): the panel names nothing a site doesn't have, in no shipped language.
import { render } from 'preact'
import { act } from 'preact/test-utils'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Candor, Catalog } from '@candor/core'
import { createI18n, loadLocale } from '../src/i18n'
import { createOutline } from '../src/outline'
import { Panel } from '../src/Panel'
import { byRole, catalog, make, one, settle } from './helpers'

let box: HTMLElement
beforeEach(() => {
  box = document.createElement('div')
  document.body.append(box)
})
afterEach(() => {
  render(null, box)
  box.remove()
})

const show = async (candor: Candor, lang = 'en') => {
  await loadLocale(lang)
  await act(() => render(<Panel candor={candor} i18n={createI18n(lang)} outline={createOutline(candor)} uid="t" inline />, box))
  await settle()
}
const LANGS = ['en', 'de', 'fr']
const levels = () => byRole(box, 'radio').filter((r) => (r as HTMLInputElement).name == 't-level') as HTMLInputElement[]

/** A small site's own catalog: no groups, nothing inferred. */
const plain: Catalog = {
  site: 'bakery',
  signals: [
    { id: 'desserts', type: 'boolean', label: 'Desserts first', purpose: 'Puts desserts at the top of the menu' },
    { id: 'diet', type: 'choice', label: 'Diet', purpose: 'Marks dishes you can eat', options: [{ value: 'vegan', label: 'Vegan' }] },
  ],
}

describe('a catalog without groups', () => {
  it.each(LANGS)('shows its signals under no heading of their own (%s): the data section is the only one', async (lang) => {
    await show(await make({ catalog: plain }), lang)
    const card = one(box, 'group', 'Desserts first')
    expect(card.closest('section')?.querySelector('h3')).toBeNull()
    expect(box.querySelectorAll('h3')).toHaveLength(1)
  })

  it('with some groups, files the others under "Other", a word a visitor understands', async () => {
    await show(await make())
    expect([...box.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['Reading', 'Other', 'Your data'])
  })
})

describe('the levels a site offers', () => {
  it.each(LANGS)('without an inferred signal, tailoring on or off, with the default level shown truthfully (%s)', async (lang) => {
    const c = await make({ catalog: plain })
    await show(c, lang)
    const radios = levels()
    expect(radios.map((r) => r.value)).toEqual(['off', 'declared'])
    // Nothing stored and no GPC: the level is `all`, which uses exactly what `declared` does here.
    expect(c.level).toBe('all')
    expect(radios.map((r) => r.checked)).toEqual([false, true])
    expect(box.textContent).not.toMatch(/region|Region|région|infer|ableitet|déduit/)
  })

  it('shows a stored level the site no longer offers as the one that tailors the same, and off as off', async () => {
    const c = await make({ catalog: plain })
    await c.setLevel('all')
    await show(c)
    expect(levels().map((r) => r.checked)).toEqual([false, true])
    await c.setLevel('off')
    await settle()
    expect(levels().map((r) => r.checked)).toEqual([true, false])
  })

  it.each(LANGS)('with an inferred signal, all three, and the words name no example the catalog lacks (%s)', async (lang) => {
    const currency: Catalog = {
      site: 'shop',
      signals: [{ id: 'currency', type: 'choice', source: 'inferred', label: 'Currency', purpose: 'Shows prices', options: [{ value: 'eur', label: 'EUR' }] }],
    }
    await show(await make({ catalog: currency }), lang)
    expect(levels().map((r) => r.value)).toEqual(['off', 'declared', 'all'])
    expect(levels()[2]!.checked).toBe(true)
    expect(box.querySelector('fieldset')!.textContent).not.toMatch(/region|Region|région/)
  })
})

describe('an inferred signal this page did not infer', () => {
  const said: Record<string, RegExp> = { en: /may guess it on pages that use it/, de: /auf Seiten vermuten, die es nutzen/, fr: /pages qui l’utilisent/ }
  const unset: Record<string, string> = { en: 'not set', de: 'nicht festgelegt', fr: 'non défini' }

  it.each(LANGS)('says the site may guess it on pages that use it, not that it is unset (%s)', async (lang) => {
    await show(await make({ catalog }), lang)
    const card = one(box, 'group', 'Your region')
    expect(card.textContent).toMatch(said[lang]!)
    expect(card.textContent).not.toContain(unset[lang]!)
    // A declared signal never set is still said to be unset.
    expect(one(box, 'group', 'Topics you follow').textContent).toContain(unset[lang]!)
  })

  it('says what the site guessed once it infers it, and what the visitor said once declared', async () => {
    const c = await make({ catalog })
    c.infer('region', 'eu', { basis: 'your time zone' })
    await show(c)
    expect(one(box, 'group', 'Your region').textContent).toContain('Now: Europe')
    await c.set('region', 'us')
    await settle()
    expect(one(box, 'group', 'Your region').textContent).toContain('Now: United States')
  })
})
