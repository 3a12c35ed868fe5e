import { beforeEach, describe, expect, it } from 'vitest'
import { holdsOption, toggled } from '../src/rules'
import { catalog, freshIdb, open, raw } from './fixtures'

beforeEach(freshIdb)
const [topics, region, compact] = catalog.signals as [never, never, never]

describe('toggled: what one click declares', () => {
  const table: Array<[string, never, unknown, string | undefined, unknown]> = [
    ['a multi option is added to nothing', topics, undefined, 'science', ['science']],
    ['a multi option is added, in the catalog’s order', topics, ['science'], 'sports', ['sports', 'science']],
    ['a multi option is removed', topics, ['sports', 'science'], 'sports', ['science']],
    ['the last multi option is removed', topics, ['sports'], 'sports', []],
    ['a choice is set', region, undefined, 'eu', 'eu'],
    ['a choice is changed', region, 'us', 'eu', 'eu'],
    ['a choice that holds the option is forgotten', region, 'eu', 'eu', undefined],
    ['an unset boolean turns on', compact, undefined, undefined, true],
    ['a boolean flips off', compact, true, undefined, false],
    ['a boolean flips on', compact, false, undefined, true],
  ]
  it.each(table)('%s', (_, def, value, option, next) => expect(toggled(def, value as never, option)).toEqual(next))

  it('holdsOption: what a declaring control shows as pressed', () => {
    expect(holdsOption(['sports'], 'sports')).toBe(true)
    expect(holdsOption(['sports'], 'science')).toBe(false)
    expect(holdsOption('eu', 'eu')).toBe(true)
    expect(holdsOption(true)).toBe(true)
    expect(holdsOption(false)).toBe(false)
    expect(holdsOption(undefined, 'eu')).toBe(false)
  })
})

describe('candor.toggle', () => {
  it('declares, keeps the page in the history, and the undo puts back exactly what was there', async () => {
    const c = await open()
    await c.set('topics', ['sports'])
    await c.turnOff('topics')
    const before = (await raw('daily-planet'))['s:topics']
    const undo = await c.toggle('topics', 'science', { page: '/science/mars-rover' })
    expect(c.get('topics')).toEqual(['sports', 'science'])
    expect(c.history.at(-1)).toMatchObject({ action: 'set', id: 'topics', value: ['sports', 'science'], page: '/science/mars-rover' })
    await undo()
    expect((await raw('daily-planet'))['s:topics']).toEqual(before)
    expect(c.explain('topics').state).toBe('off')
    const again = await open()
    expect(again.history.at(-2)).toMatchObject({ page: '/science/mars-rover' })
  })

  it('undo of a first declaration leaves the signal unset', async () => {
    const c = await open()
    const undo = await c.toggle('compact')
    expect(c.get('compact')).toBe(true)
    await undo()
    expect(c.explain('compact').state).toBe('unset')
    expect((await raw('daily-planet'))['s:compact']).toBeUndefined()
  })

  it('refuses an option the catalog does not declare, or an option for a boolean, and writes nothing', async () => {
    const c = await open()
    await expect(c.toggle('topics', 'cooking')).rejects.toMatchObject({ code: 'invalid-value' })
    await expect(c.toggle('topics')).rejects.toMatchObject({ code: 'invalid-value' })
    await expect(c.toggle('compact', 'yes')).rejects.toMatchObject({ code: 'invalid-value' })
    await expect(c.toggle('income', 'x')).rejects.toMatchObject({ code: 'undeclared-signal' })
    expect(await raw('daily-planet')).toEqual({})
  })

  it('at level off it still stores the declaration (and nothing tailors)', async () => {
    const c = await open()
    await c.setLevel('off')
    await c.toggle('topics', 'sports')
    expect(c.explain('topics')).toMatchObject({ value: ['sports'], state: 'forbidden-by-level' })
    expect(c.get('topics')).toBeUndefined()
  })
})
