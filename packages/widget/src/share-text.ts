// How a share of views is said, wherever the panel, its section on measuring or a "Why" answer says it.
import type { I18n } from './i18n.js'

/** How a share of views is said: "1 in 20" when it is one in a whole number, else "12% of". */
export const shareText = (h: number, i18n: I18n): string => {
  const n = 1 / h
  return Math.abs(n - Math.round(n)) < 0.05 ? i18n.t('oneIn', { n: Math.round(n) }) : i18n.t('percentOf', { pct: Math.round(h * 100) })
}
