// Tailoring by order: a pure function from what each item is about and the values in use to the order
// the items are shown in. Nothing is removed; with nothing in use, the page's own order. candor.js ranks a
// container's children by it; the bindings' useRanked ranks a list a framework renders.

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
