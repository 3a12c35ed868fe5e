// Counts read right in every shipped language: the plural form is picked by Intl.PluralRules, not by "== 1".
import { beforeAll, describe, expect, it } from 'vitest'
import { createI18n, loadLocale } from '../src/i18n'
import { startup as frStartup } from '../src/locales/fr'
import { phrase } from '../src/locales/startup'

beforeAll(() => Promise.all([loadLocale('de'), loadLocale('fr')]))

describe('plurals', () => {
  it('say one element and one report in the singular, more in the plural', () => {
    const en = createI18n('en')
    expect(en.t('outlined', { count: 1 })).toBe('1 tailored element is outlined on the page.')
    expect(en.t('outlined', { count: 3 })).toBe('3 tailored elements are outlined on the page.')
    expect(en.t('measureWeek', { count: 1 })).toBe('This week this browser gave the site 1 report.')
    expect(en.t('measureWeek', { count: 0 })).toBe('This week this browser gave the site 0 reports.')
    expect(createI18n('de').t('outlined', { count: 1 })).toBe('1 angepasstes Element ist auf der Seite markiert.')
    expect(createI18n('de').t('measureWeek', { count: 2 })).toBe('Diese Woche hat dieser Browser der Website 2 Berichte gegeben.')
  })

  it('follow each language’s rules: French takes the singular for 0 and 1', () => {
    const fr = createI18n('fr')
    expect(fr.t('outlined', { count: 0 })).toBe('0 élément adapté est encadré sur la page.')
    expect(fr.t('outlined', { count: 1 })).toBe('1 élément adapté est encadré sur la page.')
    expect(fr.t('outlined', { count: 2 })).toBe('2 éléments adaptés sont encadrés sur la page.')
    expect(fr.t('changesReordered', { n: 1 })).toBe('1 réordonné')
    expect(phrase(frStartup, 'movedUp', { n: 1, what: 'Science' }, 'fr')).toBe('1 remonté pour Science')
    expect(phrase(frStartup, 'movedUp', { n: 4, what: 'Science' }, 'fr')).toBe('4 remontés pour Science')
  })

  it('take a site’s forms for a language Candor does not ship, with its categories', () => {
    const sl = createI18n('sl', {
      outlined: '{count} elementov',
      outlined_one: '{count} element',
      outlined_two: '{count} elementa',
      outlined_few: '{count} elementi',
    })
    expect([1, 2, 3, 5].map((count) => sl.t('outlined', { count }))).toEqual(['1 element', '2 elementa', '3 elementi', '5 elementov'])
  })

  it('fall back to the general form, and survive a language tag Intl refuses', () => {
    expect(phrase({ n: '{n} things' }, 'n', { n: 1 }, 'en')).toBe('1 things')
    expect(phrase({ n: '{n} things', n_one: '{n} thing' }, 'n', { n: 1 }, 'not a tag!')).toBe('1 thing')
    expect(phrase({ n: 'no number' }, 'n', { other: 'x' }, 'en')).toBe('no number')
    // Forms alone: a category without its own takes `_other` (French has "many" for a million).
    expect(phrase({ n_one: '{n} chose', n_other: '{n} choses' }, 'n', { n: 1_000_000 }, 'fr')).toBe('1000000 choses')
  })
})
