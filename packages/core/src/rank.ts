// @candor/core/rank: tailoring by order. A pure function from what each item is about and the values in use to
// the order the items are shown in; nothing is removed, and with nothing in use the page's own order. candor.js
// ranks a container's children by it; the bindings' useRanked rank a list a framework renders.

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

/**
 * A Ranking from values in use: `up` and `down` hold what each signal gave (a value, a list of values, or
 * `undefined` when nothing may be used); anything but strings is left out.
 * @example rankingOf([['science']], [undefined], 1) // { up: Set {'science'}, down: Set {}, keep: 1 }
 */
export const rankingOf = (up: readonly unknown[], down: readonly unknown[] = [], keep = 0): Ranking => {
  const set = (values: readonly unknown[]) => new Set(values.flat().filter((v): v is string => typeof v == 'string'))
  return { up: set(up), down: set(down), keep }
}

/** What a list is ranked by: `useRanked`'s options in the bindings. */
export interface RankBy<T> {
  /** The signal(s) whose values in use move items up (`data-candor-rank` in candor.js). */
  rank: string | readonly string[]
  /** The signal(s) whose values in use move items down, last (`data-candor-demote`; this wins over `rank`). */
  demote?: string | readonly string[]
  /** The first `keep` items stay where the page put them, for everyone (`data-candor-keep`). Default 0. */
  keep?: number
  /** What an item is about: a value, or values, of the signals above (`data-candor-about`). */
  about: (item: T) => string | readonly string[]
}

/** Items in a ranked order, with what moved. */
export interface RankedItems<T> {
  items: T[]
  moved: Moves
  /** `moved.upValues` as the catalog names them (an option's label), for a note such as "2 moved up for Science". */
  labels: string[]
}

/**
 * `items` in the order `order` gives by the values in use of `by.rank` and `by.demote` (`value(id)`: a signal's
 * value, `undefined` when nothing may be used), with what moved; `signals` (the catalog's) word `labels`.
 * @example rankItems(stories, { rank: 'topics', about: (s) => s.topic }, (id) => candor.get(id, { reason }), candor.catalog.signals).items
 */
export const rankItems = <T>(
  items: readonly T[],
  by: RankBy<T>,
  value: (id: string) => unknown,
  // Stryker disable next-line ArrayDeclaration: a value that is no option's is said by itself either way
  signals: readonly { options?: readonly { value: string; label: string }[] }[] = [],
): RankedItems<T> => {
  const r = rankingOf([by.rank].flat().map(value), [by.demote ?? []].flat().map(value), by.keep)
  const of = items.map((x) => [by.about(x)].flat())
  const shown = order(of, r)
  const moved = moves(of, shown, r)
  // Stryker disable next-line ArrayDeclaration: as above
  const options = signals.flatMap((s) => s.options ?? [])
  return { items: shown.map((i) => items[i]!), moved, labels: moved.upValues.map((v) => options.find((o) => o.value == v)?.label ?? v) }
}
