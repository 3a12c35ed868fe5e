import { describe, expect, it } from 'vitest'
import { moves, order, rankingOf, rankItems } from '../src/rank'

const set = (...v: string[]) => new Set(v)
const about = [['world'], ['sports'], ['science', 'space'], ['culture'], ['sports', 'culture'], []]

describe('order: (about-lists, values, demote, keep) → order', () => {
  const table: Array<[string, ReturnType<typeof set>, ReturnType<typeof set>, number, number[]]> = [
    ['nothing in use: the page’s own order', set(), set(), 0, [0, 1, 2, 3, 4, 5]],
    ['children about a ranked value first, each group in the page’s order', set('sports'), set(), 0, [1, 4, 0, 2, 3, 5]],
    ['any of a child’s values counts', set('space'), set(), 0, [2, 0, 1, 3, 4, 5]],
    ['demoted children go last', set(), set('culture'), 0, [0, 1, 2, 5, 3, 4]],
    ['demote wins over rank', set('sports'), set('culture'), 0, [1, 0, 2, 5, 3, 4]],
    ['keep holds the first children where the page put them', set('science'), set('world'), 1, [0, 2, 1, 3, 4, 5]],
    ['keep beyond the list keeps everything', set('science'), set(), 99, [0, 1, 2, 3, 4, 5]],
    ['values of another signal are ignored', set('cooking'), set(), 0, [0, 1, 2, 3, 4, 5]],
  ]
  it.each(table)('%s', (_, up, down, keep, want) => expect(order(about, { up, down, keep })).toEqual(want))

  it('never loses or repeats a child', () => {
    const o = order(about, { up: set('sports', 'science'), down: set('culture'), keep: 2 })
    expect([...o].sort()).toEqual([0, 1, 2, 3, 4, 5])
  })
})

describe('moves: what an order changed', () => {
  it('counts children moved up for a ranked value, and demoted ones moved down; those that only shift are not counted', () => {
    const r = { up: new Set(['science', 'space']), down: new Set(['culture']), keep: 1 }
    const o = order(about, r)
    expect(o).toEqual([0, 2, 1, 5, 3, 4])
    expect(moves(about, o, r)).toEqual({ up: 1, upValues: ['science', 'space'], down: 2 })
    expect(moves(about, [0, 1, 2, 3, 4, 5], r)).toEqual({ up: 0, upValues: [], down: 0 })
  })
})

// Found by mutation testing (pnpm test:mutation).
describe('ranking rules at their edges', () => {
  it('a move up names only the ranked values, each once', () => {
    const about = [['world'], ['sports', 'local'], ['science'], ['science', 'sports']]
    const r = { up: new Set(['science']), down: new Set<string>(), keep: 1 }
    const shown = order(about, r)
    expect(shown).toEqual([0, 2, 3, 1])
    expect(moves(about, shown, r)).toEqual({ up: 2, upValues: ['science'], down: 0 })
  })
})

describe('rankingOf: values in use → Ranking', () => {
  it('takes lists and single values, and leaves out nothing-in-use and non-strings', () => {
    const r = rankingOf([['science', 'space'], 'sports', undefined, true], [['culture'], undefined], 2)
    expect(r).toEqual({ up: set('science', 'space', 'sports'), down: set('culture'), keep: 2 })
    expect(rankingOf([])).toEqual({ up: set(), down: set(), keep: 0 })
  })
})

describe('rankItems: a list in the visitor’s order, with what moved in the catalog’s words', () => {
  const stories = [
    { title: 'Tram', topic: 'news' },
    { title: 'Cup', topic: 'sports' },
    { title: 'Moon', topic: 'science' },
    { title: 'Bees', topic: ['science', 'nature'] },
  ]
  const signals = [{ options: [{ value: 'science', label: 'Science' }] }, {}]
  const inUse: Record<string, unknown> = { topics: ['science'], region: 'nature', muted: ['news'], compact: true }
  const value = (id: string) => inUse[id]

  it('orders by the rule of `order`, keeps the items themselves, and words the values that moved items up', () => {
    const r = rankItems(stories, { rank: 'topics', demote: ['muted'], about: (s) => s.topic }, value, signals)
    expect(r.items.map((s) => s.title)).toEqual(['Moon', 'Bees', 'Cup', 'Tram'])
    expect(r.items[0]).toBe(stories[2])
    expect(r.moved).toEqual({ up: 2, upValues: ['science'], down: 1 })
    expect(r.labels).toEqual(['Science'])
  })

  it('reads each signal named, ranks by several, and keeps the first `keep` items', () => {
    const read: string[] = []
    const r = rankItems(stories, { rank: ['topics', 'region', 'compact'], keep: 3, about: (s) => s.topic }, (id) => (read.push(id), value(id)))
    expect(read).toEqual(['topics', 'region', 'compact'])
    expect(r.items.map((s) => s.title)).toEqual(['Tram', 'Cup', 'Moon', 'Bees'])
    // A value without a label is said as is.
    expect(rankItems(stories, { rank: 'region', about: (s) => s.topic }, value).labels).toEqual(['nature'])
  })

  it('with nothing in use, the page’s order in a new array and nothing moved', () => {
    const r = rankItems(stories, { rank: 'topics', demote: 'muted', about: (s) => s.topic }, () => undefined, signals)
    expect(r.items).toEqual(stories)
    expect(r.items).not.toBe(stories)
    expect(r.moved).toEqual({ up: 0, upValues: [], down: 0 })
    expect(r.labels).toEqual([])
  })
})
