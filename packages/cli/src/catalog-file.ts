// Reads a site's catalog file and takes it by the core's own rules and words, as candor.js does (leniently: a signal
// with a problem is left out, the others work), so each problem is said here in the words the browser's console uses.
import { readFile } from 'node:fs/promises'
import { CandorError, type Catalog } from '@candor/core'
import { wordedCatalog } from '@candor/core/catalog-words'
import type { Finding, FindingCode, Severity } from './finding.js'
import { locator } from './json-location.js'
import { positions } from './position.js'

/** A catalog file, taken: the signals that work (none when the file can't be used) and what is wrong with it. */
export interface CatalogFile {
  /** The catalog as candor.js uses it; `undefined` when it refuses the whole file. */
  catalog?: Catalog
  findings: Finding[]
  /** Ids of signals the file declares that were left out for a problem, said already: pages naming them aren't told again. */
  leftOut: Set<string>
  /** Line and column of a path in the file, e.g. `signals[2]`. */
  locate(path: string): { line: number; column: number }
  /** The path of the signal the file declares as `id` (first one written), e.g. `signals[2]`. */
  pathOf(id: string): string
}

/** `wordedCatalog` says each problem on the console too: the check prints them itself, so the console stays quiet meanwhile. */
const quietly = <T>(f: () => T): T => {
  const { warn, error } = console
  console.warn = console.error = () => {}
  try {
    return f()
  } finally {
    Object.assign(console, { warn, error })
  }
}

/** JSON.parse's complaint without where (said by line and column instead), and where. */
const jsonProblem = (e: Error, text: string) => {
  const offset = Number(/at position (\d+)/.exec(e.message)?.[1] ?? text.length)
  const what = e.message.replace(/ in JSON at position \d+.*$/, '').replace(/ \(line \d+ column \d+\)$/, '')
  return { offset, message: `not valid JSON, so candor.js can't read it: ${what}` }
}

/** The ids written in the file's signals, usable or not, each with its path. */
const writtenIds = (input: unknown) => {
  const list = (input as { signals?: unknown } | null)?.signals
  const ids = new Map<string, string>()
  if (Array.isArray(list))
    list.forEach((s, i) => {
      const id = (s as { id?: unknown } | null)?.id
      if (typeof id == 'string' && !ids.has(id)) ids.set(id, `signals[${i}]`)
    })
  return ids
}

/** A file that can't be taken at all: one finding, no signals, nowhere to point but its start. */
const unusable = (finding: Finding, locate: CatalogFile['locate'] = () => ({ line: 1, column: 1 })): CatalogFile => ({
  findings: [finding],
  leftOut: new Set(),
  locate,
  pathOf: () => '',
})

/** The core's problems as findings, where their paths are in the file, in the file's order. */
const placed = (problems: readonly { severity: Severity; code: FindingCode; message: string }[], shown: string, locate: CatalogFile['locate']) =>
  problems
    .map(({ severity, code, message }): Finding => {
      // Each problem is `path: words`, but for a file that isn't an object at all: one sentence, said at its start.
      const path = /^([\w$[\].-]+): /.exec(message)?.[1]
      return { severity, code, file: shown, ...(path ? { ...locate(path), path } : { line: 1, column: 1 }), message }
    })
    .sort((a, b) => a.line! - b.line! || a.column! - b.column!)

/** Reads and takes the catalog at `path`, named `shown` in findings. */
export const readCatalogFile = async (path: string, shown: string): Promise<CatalogFile> => {
  let text: string
  try {
    // Without a byte order mark, as a browser decodes the file.
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code == 'ENOENT' ? 'no such file' : (e as Error).message
    return unusable({ severity: 'error', code: 'catalog', file: shown, message: `the catalog can't be read: ${why}` })
  }
  const locate = locator(text)
  let input: unknown
  try {
    input = JSON.parse(text)
  } catch (e) {
    const { offset, message } = jsonProblem(e as Error, text)
    return unusable({ severity: 'error', code: 'json', file: shown, ...positions(text)(offset), message }, locate)
  }
  const written = writtenIds(input)
  const pathOf = (id: string) => written.get(id) ?? ''
  try {
    const { catalog, problems } = quietly(() => wordedCatalog(input, true))
    // As the browser's console says them: fields it doesn't know are warned of and ignored; signals left out are errors.
    const said = problems.map(({ code, message }) =>
      code == 'unknown-field' ? { severity: 'warning' as const, code, message } : { severity: 'error' as const, code: 'catalog' as const, message },
    )
    const usable = new Set(catalog.signals.map((s) => s.id))
    return { catalog, findings: placed(said, shown, locate), leftOut: new Set([...written.keys()].filter((id) => !usable.has(id))), locate, pathOf }
  } catch (e) {
    if (!(e instanceof CandorError)) throw e
    const said = e.problems.map((message) => ({ severity: 'error' as const, code: 'catalog' as const, message }))
    return { findings: placed(said, shown, locate), leftOut: new Set(written.keys()), locate, pathOf }
  }
}
