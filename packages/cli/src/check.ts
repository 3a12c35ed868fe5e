// `candor check`: a catalog and the templates of a site, checked together, as candor.js would find them in a browser.
import { readFile } from 'node:fs/promises'
import { extname, resolve } from 'node:path'
import type { Catalog } from '@candor/core'
import { judge, type Known } from './attribute-rules.js'
import { type CatalogFile, readCatalogFile } from './catalog-file.js'
import { COMPONENTS, TEMPLATES, findFiles, shownPath } from './files.js'
import type { Finding } from './finding.js'
import { positions } from './position.js'
import { scanAttributes } from './scan-attributes.js'
import { signalWords } from './signal-words.js'
import { unusedSignals } from './unused.js'
import { namedIn } from './uses.js'

/** What to check. Paths and globs are relative to `cwd` (default: the process's). */
export interface CheckOptions {
  /** The catalog file, e.g. `candor.json`. */
  catalog: string
  /** Globs of templates (.html .htm .jsx .tsx .vue .astro .njk .liquid .svelte); none: the catalog alone is checked. */
  pages?: readonly string[]
  /** Globs of code that reads signals by name (`candor.get('topics')`): a signal named there is used. */
  uses?: readonly string[]
  cwd?: string
}

/** What a check found, and how many of each. */
export interface Report {
  catalog: string
  /** How many templates were read. */
  pages: number
  findings: Finding[]
  errors: number
  warnings: number
  notes: number
}

/** The findings of one template, and the signals it names. */
const checkPage = (text: string, file: string, known: Known) => {
  const findings: Finding[] = []
  const reads = new Set<string>()
  const at = positions(text)
  for (const attr of scanAttributes(text)) {
    const where = { file, ...at(attr.offset), attribute: attr.written }
    if (attr.dynamic) {
      findings.push({
        severity: 'note',
        code: 'dynamic-value',
        ...where,
        message: `${attr.written}: its value is set as the template runs, so it isn't checked`,
      })
      continue
    }
    const judged = judge(attr, known)
    for (const r of judged.reads) reads.add(r)
    for (const { severity, code, said } of judged.verdicts)
      findings.push({ severity, code, ...where, message: `${attr.written}: ${said.words}`, ...(said.suggestion ? { suggestion: said.suggestion } : {}) })
  }
  return { findings, reads }
}

/** A pattern that matched no file: an error, so a mistyped glob can't pass a check that read nothing. */
const noFiles = (pattern: string, what: string): Finding => ({ severity: 'error', code: 'no-files', file: pattern, message: `no ${what} matches this pattern` })

/** Reads every template and code file, checking the templates: their findings, and the signals they all name. */
const checkFiles = async (o: CheckOptions, cwd: string, catalog: Catalog, file: CatalogFile) => {
  const known: Known = { catalog, words: signalWords(catalog), leftOut: file.leftOut }
  const ids = catalog.signals.map((s) => s.id)
  const findings: Finding[] = []
  const reads = new Set<string>()
  const pages = await findFiles(o.pages ?? [], cwd, TEMPLATES)
  for (const p of pages.unmatched) findings.push(noFiles(p, `template (${TEMPLATES.join(' ')})`))
  for (const path of pages.files) {
    const text = await readFile(path, 'utf8')
    const page = checkPage(text, shownPath(path, cwd), known)
    findings.push(...page.findings)
    for (const r of page.reads) reads.add(r)
    if (COMPONENTS.includes(extname(path).toLowerCase())) for (const r of namedIn(text, ids)) reads.add(r)
  }
  const code = await findFiles(o.uses ?? [], cwd)
  for (const p of code.unmatched) findings.push(noFiles(p, 'file given with --uses'))
  for (const path of code.files) for (const r of namedIn(await readFile(path, 'utf8'), ids)) reads.add(r)
  return { findings, reads, pages: pages.files.length }
}

/**
 * Checks a catalog and the data-candor-* attributes of a site's templates against it: the catalog's problems in the
 * core's words, by path; every attribute naming an undeclared signal or option, by file, line and column; and every
 * signal no page uses.
 * @example const report = await check({ catalog: 'candor.json', pages: ['site/**\/*.html'] })
 */
export const check = async (o: CheckOptions): Promise<Report> => {
  const cwd = resolve(o.cwd ?? process.cwd())
  const shown = shownPath(resolve(cwd, o.catalog), cwd)
  const file = await readCatalogFile(resolve(cwd, o.catalog), shown)
  const findings = [...file.findings]
  let pages = 0
  if (!file.catalog && o.pages?.length)
    findings.push({
      severity: 'note',
      code: 'catalog',
      file: shown,
      message: "the pages weren't checked: candor.js can't use this catalog, so every page shows its baseline",
    })
  else if (file.catalog) {
    const checked = await checkFiles(o, cwd, file.catalog, file)
    findings.push(...checked.findings)
    pages = checked.pages
    // With no page to look at, every signal would look unused.
    if (pages) findings.push(...unusedSignals(file.catalog, checked.reads, file, shown))
  }
  const count = (s: Finding['severity']) => findings.filter((f) => f.severity == s).length
  return { catalog: shown, pages, findings, errors: count('error'), warnings: count('warning'), notes: count('note') }
}
