// Which levels of tailoring mean something on a site: the one rule the panel (and anything offering levels) asks.
import { LEVELS } from './record.js'
import type { Catalog, Level } from './types.js'

/**
 * The levels a catalog offers, from none to the most: `all` (inferred values too) only where a signal may be
 * inferred; elsewhere it would tailor exactly as `declared` does, so offering it would promise nothing.
 * @example levelsOffered({ signals: [] }) // ['off', 'declared']
 */
export const levelsOffered = (catalog: Pick<Catalog, 'signals'>): readonly Level[] =>
  LEVELS.slice(0, catalog.signals.some((s) => s.source == 'inferred') ? 3 : 2)

/**
 * `level` as one the catalog offers, to show the visitor's level truthfully: where `all` isn't offered (a stored
 * or default `all` on a site that infers nothing), it tailors as `declared` does.
 * @example levelShown({ signals: [] }, 'all') // 'declared'
 */
export const levelShown = (catalog: Pick<Catalog, 'signals'>, level: Level): Level => (levelsOffered(catalog).includes(level) ? level : 'declared')
