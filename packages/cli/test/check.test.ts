// `candor check` on the fixtures, run in this process: the exact lines a user reads, and the exit code.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { candor, fixture, tempDir } from './run.js'

const NOT_DECLARED = 'is not declared in the catalog of "daily-planet": declare it there, with its purpose, to use it'

describe('a catalog with mistakes', () => {
  it('says each problem by path and line, in the core’s words, errors and warnings as the browser’s console', async () => {
    const r = await candor(fixture('broken'), 'check', 'candor.json', 'pages/*.html')
    expect(r.out).toEqual([
      'candor.json:4:5: error: signals[0].purpose: required',
      'candor.json:5:24: error: signals[1].type: must be "boolean", "choice" or "multi"',
      'candor.json:6:101: warning: signals[2].lifetme: unknown field, did you mean "lifetime"? (ignored)',
      'candor.json:6:119: error: signals[2].options: required for a choice signal: a list of 1 to 500 { value, label }',
      'candor.json:8:7: error: signals[4].id: "sound" is declared twice',
      '',
      'candor.json and 1 page: 4 errors, 1 warning',
    ])
    // The page names `compact`, left out for its problem above: said once, there, not again as undeclared.
    expect(r.code).toBe(1)
  })

  it('that candor.js refuses whole: every problem, and the pages not checked', async () => {
    const r = await candor(fixture('refused'), 'check', 'candor.json', 'pages/*.html')
    expect(r.out).toEqual([
      'candor.json:2:3: error: site: must be a slug like "daily-planet": lowercase letters, digits and "-", starting with a letter',
      'candor.json:3:3: error: signals: required: a list of at most 2000 signal declarations',
      "candor.json: note: the pages weren't checked: candor.js can't use this catalog, so every page shows its baseline",
      '',
      'candor.json: 2 errors, 0 warnings, 1 note',
    ])
    expect(r.code).toBe(1)
  })

  it('that is not JSON: where the parser stopped', async () => {
    const dir = tempDir()
    writeFileSync(join(dir, 'candor.json'), '{\n  "site": "daily-planet",\n  "signals": [],\n}\n')
    const r = await candor(dir, 'check', 'candor.json')
    expect(r.out).toEqual([
      "candor.json:4:1: error: not valid JSON, so candor.js can't read it: Expected double-quoted property name",
      '',
      'candor.json: 1 error, 0 warnings',
    ])
    expect(r.code).toBe(1)
  })

  it('that is missing', async () => {
    const r = await candor(tempDir(), 'check')
    expect(r.out).toEqual(["candor.json: error: the catalog can't be read: no such file", '', 'candor.json: 1 error, 0 warnings'])
    expect(r.code).toBe(1)
  })
})

describe('pages with mistakes', async () => {
  const r = await candor(fixture('mistakes'), 'check', 'candor.json', 'pages/*')
  const of = (file: string) => r.out.filter((l) => l.startsWith(`pages/${file}:`))

  it('a signal the catalog doesn’t declare, by file:line:column and the attribute as written', () => {
    expect(of('undeclared.html')).toEqual([`pages/undeclared.html:2:10: error: data-candor-show="weather": "weather" ${NOT_DECLARED}`])
  })

  it('an option the signal doesn’t declare, and an option given to an on/off signal', () => {
    expect(of('option.html')).toEqual([
      `pages/option.html:2:23: error: data-candor-declare="topics:cooking": "cooking" is not one of "topics"'s options (sports, science, culture)`,
      `pages/option.html:3:6: error: data-candor-show="region:asia compact": "asia" is not one of "region"'s options (eu, us)`,
      'pages/option.html:4:23: error: data-candor-declare="compact:on": "compact" is on or off, so it takes no option: write "compact"',
    ])
  })

  it('typos, with "did you mean": a signal, an option, an about value, a goal, an attribute’s name', () => {
    expect(of('typo.html')).toEqual([
      `pages/typo.html:2:5: error: data-candor-rank="topcs": "topcs" ${NOT_DECLARED}; did you mean "topics"?`,
      'pages/typo.html:3:7: warning: data-candor-about="sprots": "sprots" is not an option of any signal, so it is ignored; did you mean "sports"?',
      `pages/typo.html:3:47: warning: data-candor-goal="raed": "raed" is not one of the catalog's goals (read); did you mean "read"?`,
      `pages/typo.html:5:23: error: data-candor-declare="topics:sceince": "sceince" is not one of "topics"'s options (sports, science, culture); did you mean "science"?`,
      'pages/typo.html:6:4: warning: data-candor-shwo="compact": candor.js reads no such attribute, so it does nothing; did you mean data-candor-show?',
    ])
  })

  it('JSX: a string value is checked, in quotes or braces; a computed one is skipped with a note', () => {
    expect(of('App.jsx')).toEqual([
      `pages/App.jsx:5:29: error: data-candor-declare="compct": "compct" ${NOT_DECLARED}; did you mean "compact"?`,
      "pages/App.jsx:10:26: note: data-candor-about={s.topic}: its value is set as the template runs, so it isn't checked",
      "pages/App.jsx:15:14: note: data-candor-why={signal}: its value is set as the template runs, so it isn't checked",
    ])
  })

  it('Vue: a bound value (:data-candor-rank) is skipped, a static one checked', () => {
    expect(of('Story.vue')).toEqual([
      `pages/Story.vue:2:7: note: :data-candor-rank="signal": its value is set as the template runs, so it isn't checked`,
      `pages/Story.vue:5:25: error: data-candor-declare="region:mars": "mars" is not one of "region"'s options (eu, us)`,
    ])
  })

  it('Nunjucks: {{ }} in a value is skipped; an attribute inside {% if %} is checked', () => {
    expect(of('list.njk')).toEqual([
      `pages/list.njk:3:7: note: data-candor-show="topics:{{ story.topic }}": its value is set as the template runs, so it isn't checked`,
    ])
  })

  it('a signal no page names: a warning at its declaration, in the words of the brief', () => {
    expect(r.out.filter((l) => l.startsWith('candor.json:'))).toEqual([
      'candor.json:19:5: warning: you ask visitors for ‘Our newsletter’ but no page uses it: remove it, or use it',
    ])
  })

  it('ends with a count, and fails', () => {
    expect(r.out.slice(-2)).toEqual(['', 'candor.json and 6 pages: 8 errors, 4 warnings, 4 notes'])
    expect(r.out).toHaveLength(16 + 2)
    expect(r.code).toBe(1)
  })
})

describe('a clean site', () => {
  it('passes: nothing to say', async () => {
    const r = await candor(fixture('clean'), 'check', 'candor.json', 'pages/**/*.html', '--uses', 'src/**/*.ts')
    expect(r.out).toEqual(['candor.json and 1 page: no problems found'])
    expect(r.code).toBe(0)
  })

  it('without --uses, the signal only its code reads looks unused: a warning, which doesn’t fail', async () => {
    const r = await candor(fixture('clean'), 'check', 'candor.json', 'pages/**/*.html')
    expect(r.out).toEqual([
      'candor.json:13:5: warning: you ask visitors for ‘Your shop’ but no page uses it: remove it, or use it',
      '',
      'candor.json and 1 page: 0 errors, 1 warning',
    ])
    expect(r.code).toBe(0)
  })

  it('the catalog alone: no page, so no signal is called unused', async () => {
    expect(await candor(fixture('clean'), 'check', 'candor.json')).toEqual({ code: 0, out: ['candor.json: no problems found'], err: [] })
  })
})

describe('the command', () => {
  it('a pattern that matches no file is an error, so a mistyped glob can’t pass', async () => {
    const r = await candor(fixture('clean'), 'check', 'candor.json', 'page/*.html', '--uses', 'src/*.js')
    expect(r.out).toEqual([
      'page/*.html: error: no template (.html .htm .jsx .tsx .vue .astro .njk .liquid .svelte) matches this pattern',
      'src/*.js: error: no file given with --uses matches this pattern',
      '',
      'candor.json: 2 errors, 0 warnings',
    ])
    expect(r.code).toBe(1)
  })

  it('--json: the same findings for a program, and ok as the exit code says', async () => {
    const r = await candor(fixture('mistakes'), 'check', 'candor.json', 'pages/typo.html', '--json')
    const report = JSON.parse(r.out.join('\n'))
    expect(report).toMatchObject({ ok: false, catalog: 'candor.json', pages: 1, errors: 2, warnings: 6, notes: 0 })
    expect(report.findings[0]).toEqual({
      severity: 'error',
      code: 'undeclared-signal',
      file: 'pages/typo.html',
      line: 2,
      column: 5,
      attribute: 'data-candor-rank="topcs"',
      message: `data-candor-rank="topcs": "topcs" ${NOT_DECLARED}; did you mean "topics"?`,
      suggestion: 'topics',
    })
    expect(r.code).toBe(1)
  })

  it('a mistake in the command: said on stderr, exit code 2', async () => {
    expect(await candor(fixture(), 'lint')).toEqual({
      code: 2,
      out: [],
      err: ['candor: unknown command "lint": use check or init', 'Run candor --help for how to use it.'],
    })
    const r = await candor(fixture(), 'check', '--colour')
    expect(r.code).toBe(2)
    expect(r.err[0]).toMatch(/^candor: Unknown option '--colour'/)
  })

  it('--help names both commands', async () => {
    const r = await candor(fixture(), '--help')
    expect(r.code).toBe(0)
    expect(r.out).toContain('  candor check [catalog] [pages...] [--uses <glob>]... [--json]')
    expect(r.out).toContain('  candor init [dir] [--force]')
  })
})
