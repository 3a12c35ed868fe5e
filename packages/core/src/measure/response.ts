// Randomized response: each goal's yes/no is told truly with probability p = e^ε / (1 + e^ε), flipped
// otherwise, so no single report says what this visitor did, while many reports together still do.

/** The probability that a report tells a goal truly, at privacy parameter `epsilon`. */
export const keepProbability = (epsilon: number): number => 1 / (1 + Math.exp(-epsilon))

/**
 * `truth`, kept with probability `keepProbability(epsilon)` and flipped otherwise, by the number `r` in [0, 1).
 * @example randomize(true, 1, Math.random())
 */
export const randomize = (truth: boolean, epsilon: number, r: number): boolean => (r < keepProbability(epsilon) ? truth : !truth)

/** ε when the catalog gives none: each goal is told truly 73% of the time. */
export const DEFAULT_EPSILON = 1

/** Whether `v` is an ε a catalog may give and a report may carry: from 0.1 (most private) to 10. */
export const isEpsilon = (v: unknown): v is number => typeof v == 'number' && v >= 0.1 && v <= 10
