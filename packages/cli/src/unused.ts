// Signals a site asks visitors for but never uses: a question with no purpose on the page, which Candor's promise
// ("every signal a site reads is declared with its purpose") turns around: every signal declared should be read.
import type { Catalog } from '@candor/core'
import type { CatalogFile } from './catalog-file.js'
import type { Finding } from './finding.js'

/** A warning, at its declaration in the catalog, for each signal of `catalog` that isn't in `used`. */
export const unusedSignals = (catalog: Catalog, used: ReadonlySet<string>, file: Pick<CatalogFile, 'locate' | 'pathOf'>, shown: string): Finding[] =>
  catalog.signals
    .filter((s) => !used.has(s.id))
    .map((s) => {
      const path = file.pathOf(s.id)
      return {
        severity: 'warning',
        code: 'unused-signal',
        file: shown,
        ...file.locate(path),
        path,
        message: `you ask visitors for ‘${s.label}’ but no page uses it: remove it, or use it`,
      }
    })
