// Weeks: the finest time Candor's counts and reports hold.

const DAY = 864e5
export const WEEK = 7 * DAY

/**
 * The ISO 8601 week of time `t`, in UTC (the visitor's time zone is no one's business), e.g. `'2026-W49'`.
 * @example isoWeek(Date.UTC(2026, 11, 1)) // '2026-W49'
 */
export const isoWeek = (t: number): string => {
  const d = new Date(t)
  // The Thursday of the week (weeks start on Monday) decides which year the week belongs to.
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7) + 3)
  const year = new Date(thursday).getUTCFullYear()
  return `${year}-W${String(1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / WEEK)).padStart(2, '0')}`
}

/** The start of the week of `t` (Monday 00:00 UTC), in ms: a time no finer than the week. */
export const weekStart = (t: number): number => {
  const d = new Date(t)
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - ((d.getUTCDay() + 6) % 7))
}

/** The `n` weeks up to and including the week of `t`, newest first. */
export const lastWeeks = (t: number, n: number): string[] => Array.from({ length: n }, (_, i) => isoWeek(t - i * WEEK))
