import { describe, expect, it } from 'vitest'
import { parseKeep, staying } from '../src/rank'

describe('parseKeep', () => {
  it.each([
    [null, 0],
    ['1', 1],
    [' 3 ', 3],
    ['0', 0],
    ['-1', undefined],
    ['1e9', undefined],
    ['two', undefined],
    ['1.5', undefined],
    ['', undefined],
  ])('%j → %j', (text, n) => expect(parseKeep(text)).toBe(n))
})

// Found by mutation testing (pnpm test:mutation).
describe('parseKeep at its edges', () => {
  it('data-candor-keep takes whole numbers up to six digits', () => {
    expect(parseKeep('12')).toBe(12)
    expect(parseKeep(' 999999 ')).toBe(999999)
    expect(parseKeep('1234567')).toBeUndefined()
  })
})

describe('staying: which children keep their place in a new order', () => {
  /** Applies the moves `staying` allows to `now` (each moved child right before its successor) and returns the result. */
  const reorder = (now: number[], wanted: number[]) => {
    const stay = staying(wanted.map((k) => now.indexOf(k)))
    const list = [...now]
    for (let i = wanted.length - 1, next: number | undefined; i >= 0; next = wanted[i--])
      if (!stay.has(i)) list.splice(list.indexOf(wanted[i]!), 1), list.splice(next === undefined ? list.length : list.indexOf(next), 0, wanted[i]!)
    return { list, moved: wanted.length - stay.size }
  }
  it.each([
    ['already in order: nothing moves', [0, 1, 2, 3], [0, 1, 2, 3], 0],
    ['one child up: only it moves', [0, 1, 2, 3], [0, 3, 1, 2], 1],
    ['reversed: all but one move', [0, 1, 2, 3], [3, 2, 1, 0], 3],
    ['two of 12 up: only those move', [...Array(12).keys()], [0, 1, 5, 9, 2, 3, 4, 6, 7, 8, 10, 11], 2],
    ['empty', [], [], 0],
  ])('%s', (_, now, wanted, moved) => expect(reorder(now, wanted)).toEqual({ list: wanted, moved }))
  it('the longest run already in order stays, for random orders', () => {
    let seed = 7
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    for (let n = 0; n < 200; n++) {
      const now = [...Array(n % 40).keys()]
      const wanted = [...now].sort(() => rand() - 0.5)
      const { list, moved } = reorder(now, wanted)
      expect(list).toEqual(wanted)
      // No fewer moves are possible: the rest is an increasing run, and none longer exists (checked by O(n²) DP).
      const from = wanted.map((k) => now.indexOf(k))
      const best = from.map(() => 1)
      from.forEach((p, i) => from.slice(0, i).forEach((q, j) => q < p && (best[i] = Math.max(best[i]!, best[j]! + 1))))
      expect(wanted.length - moved).toBe(Math.max(0, ...best))
    }
  })
})
