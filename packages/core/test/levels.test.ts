import { describe, expect, it } from 'vitest'
import { levelShown, levelsOffered } from '../src/internal'
import type { Level, SignalDefinition } from '../src/types'

const declared: SignalDefinition = { id: 'topics', type: 'multi', label: 'Topics', purpose: 'Orders stories', options: [{ value: 'a', label: 'A' }] }
const explicit: SignalDefinition = { id: 'compact', type: 'boolean', source: 'declared', label: 'Compact', purpose: 'More per screen' }
const inferred: SignalDefinition = {
  id: 'region',
  type: 'choice',
  source: 'inferred',
  label: 'Region',
  purpose: 'Events',
  options: [{ value: 'eu', label: 'EU' }],
}

describe('levelsOffered: the levels that mean something on a catalog', () => {
  it('offers tailoring on or off where nothing may be inferred', () => {
    expect(levelsOffered({ signals: [declared, explicit] })).toEqual(['off', 'declared'])
    expect(levelsOffered({ signals: [] })).toEqual(['off', 'declared'])
  })
  it('offers inferred values too where one signal may be inferred', () => {
    expect(levelsOffered({ signals: [declared, inferred] })).toEqual(['off', 'declared', 'all'])
  })
})

describe('levelShown: the visitor level, as an offered one that tailors the same', () => {
  const plain = { signals: [declared] }
  const table: Array<[Level, Level, Level]> = [
    // [level, shown without inferred signals, shown with one]
    ['off', 'off', 'off'],
    ['declared', 'declared', 'declared'],
    ['all', 'declared', 'all'],
  ]
  it.each(table)('%s is shown as %s, or %s where the site infers', (level, without, withInferred) => {
    expect(levelShown(plain, level)).toBe(without)
    expect(levelShown({ signals: [declared, inferred] }, level)).toBe(withInferred)
  })
  it('is always one of the levels offered', () => {
    for (const signals of [[], [declared], [inferred]])
      for (const level of ['off', 'declared', 'all'] as const) expect(levelsOffered({ signals })).toContain(levelShown({ signals }, level))
  })
})
