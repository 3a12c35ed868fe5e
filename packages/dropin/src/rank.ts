// Tailoring by order: a pure function from what each child is about and the values in use to the order
// the children are shown in. Nothing is removed; with nothing in use, the page's own order.

/** What ordering a container needs: the values that rank children up, those that move them down, and how many stay first. */
export interface Ranking {
  /** Values in use of the signals named by `data-candor-rank`: children about one of them come first. */
  up: ReadonlySet<string>
  /** Values in use of the signals named by `data-candor-demote`: children about one of them go last (this wins over `up`). */
  down: ReadonlySet<string>
  /** The first `keep` children stay where the page put them, for everyone (`data-candor-keep`). */
  keep: number
}

/**
 * The order to show children in, as indices into `about` (each child's `data-candor-about` values, in the
 * page's order): those about a ranked value first, then the rest, then the demoted, each in the page's order.
 * @example order([['world'], ['sports'], ['science']], { up: new Set(['science']), down: new Set(), keep: 1 }) // [0, 2, 1]
 */
export const order = (about: readonly (readonly string[])[], r: Ranking): number[] => {
  const kept: number[] = []
  const first: number[] = []
  const middle: number[] = []
  const last: number[] = []
  about.forEach((values, i) => {
    if (i < r.keep) kept.push(i)
    else if (values.some((v) => r.down.has(v))) last.push(i)
    else if (values.some((v) => r.up.has(v))) first.push(i)
    else middle.push(i)
  })
  return kept.concat(first, middle, last)
}

/** `data-candor-keep` as a count: a whole number from 0; anything else is `undefined` (reported, and 0 is used). */
export const parseKeep = (text: string | null): number | undefined => {
  if (text === null) return 0
  return /^\d{1,6}$/.test(text.trim()) ? Number(text) : undefined
}

/** What tailoring changed in one container: how many children moved up, for which values, and how many down. */
export interface Moves {
  up: number
  /** The ranked values that moved children up, in the order first seen. */
  upValues: string[]
  down: number
}

/** What an order changed against the page's own: children moved ahead for a ranked value, and demoted ones moved back. */
export const moves = (about: readonly (readonly string[])[], shown: readonly number[], r: Ranking): Moves => {
  const m: Moves = { up: 0, upValues: [], down: 0 }
  shown.forEach((i, at) => {
    if (at < i) {
      const v = about[i]!.filter((x) => r.up.has(x))
      if (v.length) m.up++
      for (const x of v) if (!m.upValues.includes(x)) m.upValues.push(x)
    } else if (at > i && about[i]!.some((x) => r.down.has(x))) m.down++
  })
  return m
}

/**
 * Which children can stay where they are when showing them in a new order: the indices (into the new order)
 * of a longest run already in that order (`from[i]`: where the i-th child to show is now). Moving only the
 * others is the fewest DOM moves, so 10,000 children reorder without a long task. O(n log n).
 * @example staying([0, 2, 3, 1]) // Set {0, 1, 2}: only the child now at 1 moves
 */
export const staying = (from: readonly number[]): Set<number> => {
  // tails[k]: the index (into `from`) ending the best increasing run of length k + 1 found so far.
  const tails: number[] = []
  const before = new Array<number>(from.length)
  from.forEach((p, i) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (from[tails[mid]!]! < p) lo = mid + 1
      else hi = mid
    }
    before[i] = lo ? tails[lo - 1]! : -1
    tails[lo] = i
  })
  const stay = new Set<number>()
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = before[i]!) stay.add(i)
  return stay
}
