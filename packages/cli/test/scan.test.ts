// Finding data-candor-* attributes in templates of every kind, and only in tags.
import { describe, expect, it } from 'vitest'
import { nearest } from '../src/nearest.js'
import { scanAttributes } from '../src/scan-attributes.js'
import { namedIn } from '../src/uses.js'

const scan = (text: string) => scanAttributes(text).map(({ name, value, dynamic, written }) => ({ name, value, dynamic, written }))

describe('scanAttributes', () => {
  it('HTML: double, single, unquoted and no value; names lowercased as the browser reads them', () => {
    expect(scan(`<ul DATA-CANDOR-RANK="topics" data-candor-keep='1' data-candor-demote=muted><li data-candor-open>x</li></ul>`)).toEqual([
      { name: 'data-candor-rank', value: 'topics', dynamic: false, written: 'DATA-CANDOR-RANK="topics"' },
      { name: 'data-candor-keep', value: '1', dynamic: false, written: "data-candor-keep='1'" },
      { name: 'data-candor-demote', value: 'muted', dynamic: false, written: 'data-candor-demote=muted' },
      { name: 'data-candor-open', value: undefined, dynamic: false, written: 'data-candor-open' },
    ])
  })

  it('leaves out comments, code samples, a script’s strings', () => {
    const text = [
      '<!-- <b data-candor-show="a"> -->',
      '<p>Write <code>&lt;b data-candor-show="b"&gt;</code></p>',
      `<script>el.setAttribute('data-candor-show', 'c'); if (a < b && c > d) x = ' data-candor-show="d"'</script>`,
      '{/* <b data-candor-show="e" /> */}',
      '{# <b data-candor-show="f"> #}',
    ].join('\n')
    expect(scan(text)).toEqual([])
  })

  it('JSX: a string in braces is a value; an expression is computed; an arrow before it is not the tag’s end', () => {
    expect(scan(`<li onClick={() => go(1)} data-candor-show={'topics:sports'} data-candor-why={\`topics\`} data-candor-about={s.topic} />`)).toEqual([
      { name: 'data-candor-show', value: 'topics:sports', dynamic: false, written: "data-candor-show={'topics:sports'}" },
      { name: 'data-candor-why', value: 'topics', dynamic: false, written: 'data-candor-why={`topics`}' },
      { name: 'data-candor-about', value: undefined, dynamic: true, written: 'data-candor-about={s.topic}' },
    ])
    expect(scan('<li data-candor-show={`topics:${t}`} data-candor-rank={{ a: "}" }.a} />').map((a) => a.dynamic)).toEqual([true, true])
  })

  it('Vue, Alpine, Svelte, Nunjucks, Liquid, PHP-like: bound or templated values are computed', () => {
    const text = `<b :data-candor-show="x" v-bind:data-candor-rank="y" x-bind:data-candor-why="z" data-candor-about="{topic}"
      data-candor-show="topics:{{ t }}" data-candor-declare="{% if a %}topics:b{% endif %}" data-candor-demote="<%= m %>">`
    expect(scan(text).map((a) => [a.name, a.dynamic, a.value])).toEqual([
      ['data-candor-show', true, undefined],
      ['data-candor-rank', true, undefined],
      ['data-candor-why', true, undefined],
      ['data-candor-about', true, undefined],
      ['data-candor-show', true, undefined],
      ['data-candor-declare', true, undefined],
      ['data-candor-demote', true, undefined],
    ])
  })

  it('an attribute a template tag writes is still found, with its place in the file', () => {
    const [a] = scanAttributes('<ul>\n  <h2 {% if why %}data-candor-why="topics"{% endif %}>')
    expect(a).toMatchObject({ name: 'data-candor-why', value: 'topics', offset: 23 })
  })
})

describe('nearest', () => {
  it('a typo of a known name: one edit in four letters, a swap of two letters counted as one', () => {
    expect(nearest('topcs', ['topics', 'region'])).toBe('topics')
    expect(nearest('sprots', ['sports', 'science'])).toBe('sports')
    expect(nearest('Topics', ['topics'])).toBe('topics')
    expect(nearest('weather', ['topics', 'region'])).toBeUndefined()
    expect(nearest('topics', ['topics'])).toBeUndefined()
  })
})

describe('namedIn', () => {
  it('finds ids written as string literals, alone or with an option, in any quotes', () => {
    const code = `candor.get('topics'); usePreference("compact"); declare(\`region:eu\`); const topicsCount = 1 // muted`
    expect(namedIn(code, ['topics', 'compact', 'region', 'muted'])).toEqual(new Set(['topics', 'compact', 'region']))
  })
})
