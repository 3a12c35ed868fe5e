// The drop-in's side of ranking: reading data-candor-keep, and moving the fewest children. The rule of
// the order itself is the core's (`order`, `moves` in @candor/core).
/** `data-candor-keep` as a count: a whole number from 0; anything else is `undefined` (reported, and 0 is used). */
export const parseKeep = (text: string | null): number | undefined => {
  if (text === null) return 0
  return /^\d{1,6}$/.test(text.trim()) ? Number(text) : undefined
}

/**
 * Which children can stay where they are when showing them in a new order: the indices (into the new order)
 * of a longest run already in that order (`from[i]`: where the i-th child to show is now). Moving only the
 * others is the fewest DOM moves, so 10,000 children reorder without a long task. O(n log n).
 * @example staying([0, 2, 3, 1]) // Set {0, 1, 2}: only the child now at 1 moves
 */
export const staying = (from: readonly number[]): Set<number> => {
  // tails[k]: the index (into `from`) ending the best increasing run of length k + 1 found so far.
  // Stryker disable next-line ArrayDeclaration: the arrays' first contents are overwritten before they are read
  const tails: number[] = []
  // Stryker disable next-line ArrayDeclaration: as above
  const before = new Array<number>(from.length)
  from.forEach((p, i) => {
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      // Stryker disable next-line EqualityOperator: positions are distinct, so no two are equal
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
