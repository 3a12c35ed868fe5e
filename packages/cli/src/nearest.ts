// "Did you mean": the declared name a mistyped one is closest to. The core words its own "did you mean" for a
// catalog's unknown fields but exports no function for it, so this is the one small function the brief allows.

/** Edit distance, counting a swap of two neighbouring letters as one edit (the commonest typo: "sprots"). */
const distance = (a: string, b: string): number => {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) d[0]![j] = j
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] == b[j - 1] ? 0 : 1
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1)
      d[i]![j] = best
    }
  return d[a.length]![b.length]!
}

/**
 * The known name closest to `name` when it looks like a typo of it (as the core judges one: at most one edit in four
 * letters, at least one), else `undefined`.
 * @example nearest('topcs', ['topics', 'region']) // 'topics'
 */
export const nearest = (name: string, known: Iterable<string>): string | undefined => {
  let best: string | undefined
  let bestDistance = Number.POSITIVE_INFINITY
  for (const k of known) {
    const d = distance(name.toLowerCase(), k.toLowerCase())
    if (k != name && d <= Math.max(1, Math.floor(k.length / 4)) && d < bestDistance) (best = k), (bestDistance = d)
  }
  return best
}
