// A report as a person reads it in a terminal (`file:line:col: error: message`, the form editors and CI annotate),
// or as JSON for a program.
import type { Report } from './check.js'
import type { Finding, Severity } from './finding.js'

const COLORS: Record<Severity, string> = { error: '\x1b[31m', warning: '\x1b[33m', note: '\x1b[36m' }

/** One finding on one line: where, how serious, what. */
export const formatFinding = (f: Finding, color = false): string => {
  const where = f.line === undefined ? f.file : `${f.file}:${f.line}:${f.column}`
  const severity = color ? `${COLORS[f.severity]}${f.severity}\x1b[0m` : f.severity
  return `${where}: ${severity}: ${f.message}`
}

const counted = (n: number, what: string) => `${n} ${what}${n == 1 ? '' : 's'}`

/** The last line: what was checked, and how many of each finding. */
export const summary = (r: Report): string => {
  const what = r.pages ? `${r.catalog} and ${counted(r.pages, 'page')}` : r.catalog
  const counts = [counted(r.errors, 'error'), counted(r.warnings, 'warning'), ...(r.notes ? [counted(r.notes, 'note')] : [])]
  return `${what}: ${r.findings.length ? counts.join(', ') : 'no problems found'}`
}

/** The report as the terminal shows it: every finding, a blank line, the summary. */
export const formatReport = (r: Report, color = false): string =>
  [...r.findings.map((f) => formatFinding(f, color)), ...(r.findings.length ? [''] : []), summary(r)].join('\n')

/** The report as `--json` prints it: `ok` is what the exit code says. */
export const reportJson = (r: Report): string => JSON.stringify({ ok: r.errors == 0, ...r }, null, 2)
