// @candor/cli's API, for a script or a test runner that checks a site without the command line.
export { type CheckOptions, type Report, check } from './check.js'
export type { Finding, FindingCode, Severity } from './finding.js'
export { formatFinding, formatReport, reportJson, summary } from './format.js'
export { type Io, processIo } from './io.js'
export { main } from './main.js'
export { siteName, starterCatalog } from './starter.js'
