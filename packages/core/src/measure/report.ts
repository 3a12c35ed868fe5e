// What a measured view tells the site when it ends: the `detail` of the `candor:report` event.

/** The `detail` of a `candor:report` event: the arm, the week, ε, and each goal's yes/no after randomized response. Nothing else. */
export interface CandorReport {
  format: 'candor/report'
  version: 1
  arm: 'tailored' | 'holdout'
  /** ISO 8601 week, e.g. `'2026-W49'`. */
  week: string
  /** The privacy parameter the goals were randomized with. */
  epsilon: number
  /** Each goal of the view: whether it was reached, flipped with probability 1 / (1 + e^ε). */
  goals: Record<string, boolean>
}

export { REPORT_EVENT } from '../names.js'
export const REPORT_FORMAT = 'candor/report'

/**
 * Whether measured views end with a report: never at level `off`; otherwise as the visitor chose, and
 * by default unless the browser sends Global Privacy Control.
 */
export const sendsReports = (level: 'off' | 'declared' | 'all', chosen: boolean | undefined, gpc: boolean): boolean => level != 'off' && (chosen ?? !gpc)

// Reports given as a page goes away are counted in localStorage (`reportedKey`, by the start of their week in ms): it is
// written at once, where an IndexedDB write begun in `pagehide` may not finish. The next view adds them to the counts.
export { reportedKey } from '../names.js'
