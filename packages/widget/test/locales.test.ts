// Every shipped language says everything English says: each key, with the same holes, and every plural form its
// language needs (Intl.PluralRules' categories) wherever English has forms. A page in a language loads its file alone.
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { locales, type Locale } from '../src/i18n'
import { dirOf } from '../src/lang'
import { LANGUAGES } from '../src/languages'
import { en } from '../src/locales/en'
import { launcherLabels } from '../src/locales/launcher'
import { startupEn } from '../src/locales/startup'
import { transferEn } from '../src/transfer-words'

const others = LANGUAGES.filter((l) => l != 'en')
const load = (l: string): Promise<Locale> => import(`../src/locales/${l}.ts`)
const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
/** A key's base and, for `key_one`, its form. */
const split = (key: string) => /^(.*?)_(zero|one|two|few|many|other)$/.exec(key)?.slice(1) ?? [key, undefined]

/** What a table must hold: English's keys; where English has forms for a key, every category `lang` has, or the general form. */
const problems = (lang: string, english: Record<string, string>, table: Record<string, string>) => {
  const out: string[] = []
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories
  const bases = new Set(Object.keys(english).map((k) => split(k)[0]!))
  for (const base of bases) {
    const forms = Object.keys(english).filter((k) => split(k)[0] == base && split(k)[1])
    if (!forms.length) {
      if (table[base] === undefined) out.push(`${base}: missing`)
      continue
    }
    // What a count lands on (phrase's order): its category's form, else the general form, else `_other`. Where English
    // has a general form, the panel's table has it under every language: a language's own `_other` is never reached.
    const other = english[base] === undefined ? table[`${base}_other`] : undefined
    for (const c of categories)
      if (table[`${base}_${c}`] === undefined && table[base] === undefined && other === undefined) out.push(`${base}: no form for "${c}"`)
  }
  for (const [key, text] of Object.entries(table)) {
    const [base] = split(key)
    const like = english[key] ?? english[base!] ?? english[`${base}_other`]
    if (like === undefined) out.push(`${key}: not a key English has`)
    else if (typeof text != 'string' || !text.trim()) out.push(`${key}: empty`)
    else if (holes(text).join() != holes(like).join()) out.push(`${key}: holes ${holes(text)} where English has ${holes(like)}`)
    else if (/<[a-z]/i.test(text)) out.push(`${key}: markup`)
  }
  return out
}

describe('the shipped languages', () => {
  it('are twenty, each a file of its own, and the panel can load each', () => {
    expect(LANGUAGES).toHaveLength(20)
    // English first: candor.js fetches a file for any language after it.
    expect(LANGUAGES[0]).toBe('en')
    const files = readdirSync(new URL('../src/locales/', import.meta.url)).filter((f) => /^[a-z]{2}\.ts$/.test(f))
    expect(files.map((f) => f.slice(0, 2)).sort()).toEqual([...LANGUAGES].sort())
    expect(Object.keys(locales).sort()).toEqual([...LANGUAGES].sort())
    expect(Object.keys(launcherLabels).sort()).toEqual(others.sort())
  })

  it.each(others)('%s says every word English says, with the same holes and the plural forms it needs', async (lang) => {
    const m = await load(lang)
    const englishPanel = Object.fromEntries(Object.entries(en).filter(([k]) => !(k in startupEn))) as Record<string, string>
    expect(problems(lang, startupEn, m.startup as Record<string, string>)).toEqual([])
    expect(problems(lang, englishPanel, m.strings as Record<string, string>)).toEqual([])
    expect(problems(lang, transferEn, m.transfer as Record<string, string>)).toEqual([])
    expect(m.startup.launcher).toBe(launcherLabels[lang])
    // Not English left in by mistake (a few words may rightly be the same, a whole table may not).
    const same = Object.entries(m.strings).filter(([k, v]) => v == (en as Record<string, string>)[k] && (v?.length ?? 0) > 12)
    expect(same.length, same.map(([k]) => k).join()).toBeLessThan(3)
  })

  it('are set in the direction their script is written in', () => {
    const direction = (l: string) => (new Intl.Locale(l) as Intl.Locale & { textInfo: { direction: string } }).textInfo.direction
    expect(LANGUAGES.map(dirOf)).toEqual(LANGUAGES.map(direction))
    expect(LANGUAGES.filter((l) => dirOf(l) == 'rtl')).toEqual(['ar', 'he'])
  })

  it('catch a missing form or a wrong hole (the check itself)', () => {
    expect(problems('pl', { n_one: '{n} a', n_other: '{n} b' }, { n_one: '{n} x', n_few: '{n} y' })).toEqual([
      'n: no form for "many"',
      'n: no form for "other"',
    ])
    // English has a general form: a language's `_other` alone leaves "few" to English's.
    expect(problems('pl', { n: '{n} b', n_one: '{n} a' }, { n_one: '{n} x', n_other: '{n} z' })).toEqual(['n: no form for "few"', 'n: no form for "many"'])
    expect(problems('en', { a: 'Hi {name}' }, { a: 'Hej {nom}', b: 'x' })).toEqual(['a: holes nom where English has name', 'b: not a key English has'])
  })
})
