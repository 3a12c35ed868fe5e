// One thing `candor check` has to say, where it is, and how serious: the shape every check returns and the report prints.

/** `error` fails the check (exit code 1); `warning` doesn't; `note` says what wasn't checked. */
export type Severity = 'error' | 'warning' | 'note'

/** What kind of finding, as a stable name for `--json` readers. */
export type FindingCode =
  | 'json'
  | 'catalog'
  | 'unknown-field'
  | 'undeclared-signal'
  | 'unknown-option'
  | 'signal-misused'
  | 'unknown-attribute'
  | 'unknown-goal'
  | 'dynamic-value'
  | 'unused-signal'
  | 'no-files'

/** One finding: a file (relative to where `check` ran), a place in it when known, and what is wrong in words. */
export interface Finding {
  severity: Severity
  code: FindingCode
  file: string
  /** 1-based. */
  line?: number
  /** 1-based, in UTF-16 code units, as editors count. */
  column?: number
  message: string
  /** The attribute as the template writes it, for a finding in a page. */
  attribute?: string
  /** The catalog's path, e.g. `signals[1].type`, for a finding in the catalog. */
  path?: string
  /** The declared name a mistyped one is probably meant to be. */
  suggestion?: string
}
