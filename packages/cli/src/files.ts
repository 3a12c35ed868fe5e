// The files a check reads, from the globs the user gives. Globbing is tinyglobby's: small, maintained, used by Vite and
// others, with the globs people expect (`**`, braces, `!` negation); Node 20 has no fs.glob, and hand-rolled globbing
// gets `**` and escaping wrong.
import { extname, relative } from 'node:path'
import { glob } from 'tinyglobby'

/** The templates whose data-candor-* attributes are checked. */
export const TEMPLATES = ['.html', '.htm', '.jsx', '.tsx', '.vue', '.astro', '.njk', '.liquid', '.svelte']
/** Templates that are code too: their string literals can name a signal (`usePreference('topics')`). */
export const COMPONENTS = ['.jsx', '.tsx', '.vue', '.astro', '.svelte']

/** The files the patterns match (absolute, each once, in order), and the patterns that matched none of them. */
export const findFiles = async (patterns: readonly string[], cwd: string, only?: readonly string[]) => {
  const files = new Set<string>()
  const unmatched: string[] = []
  for (const pattern of patterns) {
    const found = (await glob(pattern, { cwd, absolute: true, onlyFiles: true, ignore: ['**/node_modules/**'] }))
      .filter((f) => !only || only.includes(extname(f).toLowerCase()))
      .sort()
    if (!found.length) unmatched.push(pattern)
    for (const f of found) files.add(f)
  }
  return { files: [...files], unmatched }
}

/** A path as the user sees it: relative to where they ran the check, when it is below it. */
export const shownPath = (file: string, cwd: string) => {
  const r = relative(cwd, file)
  if (!r) return '.'
  return r.startsWith('..') ? file : r.split('\\').join('/')
}
