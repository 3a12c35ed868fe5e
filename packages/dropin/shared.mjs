// The modules candor.js and the files it loads later (the panel's, the measuring part) both use are fetched once:
// candor.js hands their functions over in one array, and the later files take them from it instead of carrying a copy.
// Which functions: those a later file imports from a module candor.js imports them from too and keeps, found by reading
// the import statements of both module graphs (esbuild's metafile lists the files, not the names). Used by build.mjs.
// The later files must come from the same build as candor.js (the array's order is the build's), as they always do.
import { build } from 'esbuild'
import { readFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'

import { createHash } from 'node:crypto'
/**
 * Each function handed over costs candor.js its name in the array (about 3 B gzip) and every page view pays it: only
 * those bigger than this (unminified, in bytes) are worth it; a smaller one the later files carry again.
 */
const MIN_SIZE = Number(process.env.CANDOR_SHARED_MIN ?? 200)
const FROM = /(?:import|export)\s*(?:type\s+)?\{([^}]*)\}\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g

/** The names each file of a module graph imports from each other file: Map<target, Set<name>>, by absolute path. */
const namesImported = async (metafile, root = process.cwd()) => {
  const wanted = new Map()
  // The metafile names inputs relative to the build's working directory.
  for (const file of Object.keys(metafile.inputs).map((f) => resolve(root, f))) {
    if (!/\.tsx?$/.test(file) || file.includes('node_modules')) continue
    const code = await readFile(file, 'utf8')
    for (const [all, list, spec] of code.matchAll(FROM)) {
      // A type-only import brings no code.
      if (/^(import|export)\s*type/.test(all)) continue
      const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'))
      const names = list
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n && !n.startsWith('type '))
        .map((n) => n.split(/\s+as\s+/)[0])
      if (!wanted.has(target)) wanted.set(target, new Set())
      for (const n of names) wanted.get(target).add(n)
    }
  }
  return wanted
}

/** The names `file` exports at run time (a type isn't one). */
const runtimeExports = async ({ outfile, plugins, ...options }, file) => {
  const { metafile } = await build({
    ...options,
    entryPoints: [file],
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
    outdir: '/tmp/candor-shared',
  })
  return Object.values(metafile.outputs).flatMap((o) => o.exports)
}

/**
 * What candor.js hands over: `[[file, name], …]` in the array's order, for the functions both `page` (candor.js's build
 * options) and each of `later` (the other builds' options) import from the same file. Paths are absolute.
 */
export const handOver = async (page, later) => {
  const graph = async ({ outfile, ...o }, more = {}) => build({ ...o, write: false, metafile: true, logLevel: 'silent', outdir: '/tmp/candor-shared', ...more })
  // Imported is not kept: a function whose only caller esbuild left out isn't in candor.js, and handing it over would
  // put it in. What candor.js keeps is read from its bundle unminified, where each module's code follows its path.
  const mineBuilt = await graph(page, { minify: false, absWorkingDir: '/' })
  const mine = await namesImported(mineBuilt.metafile, '/')
  const [bundle] = mineBuilt.outputFiles
  const parts = bundle.text.split(/^\s*\/\/ (\S+\.tsx?)$/m)
  const code = new Map()
  for (let i = 1; i < parts.length; i += 2) code.set('/' + parts[i], parts[i + 1])
  // A top-level declaration's size in candor.js (unminified, up to the next one at the same depth), 0 when not kept.
  const size = (file, n) => {
    const text = code.get(file) ?? ''
    const found = new RegExp(`^( *)(?:async\\s+)?(?:function\\*?\\s+|class\\s+|(?:var|let|const)\\s+)${n.replace('$', '\\$')}\\b`, 'm').exec(text)
    if (!found) return 0
    // The bundle indents top-level code the same (an IIFE's by two spaces): the next line at that depth ends it.
    const rest = text.slice(found.index + found[0].length)
    const next = rest.search(new RegExp(`^${found[1]}\\S`, 'm'))
    return found[0].length + (next < 0 ? rest.length : next)
  }
  const theirs = new Map()
  for (const o of later)
    for (const [file, names] of await namesImported((await graph(o)).metafile))
      for (const n of names) (theirs.get(file) ?? theirs.set(file, new Set()).get(file)).add(n)
  const list = []
  for (const [file, names] of theirs) {
    // A name imported without `type` may still be a type: only what the module exports when it runs is handed over.
    const both = [...names].filter((n) => mine.get(file)?.has(n) && size(file, n) > MIN_SIZE)
    if (both.length) for (const n of (await runtimeExports(page, file)).filter((n) => both.includes(n))) list.push([file, n])
  }
  return list.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]))
}

/**
 * The member of `window.Candor` that holds the array (boot.ts puts it there, by `__SHARED_KEY__`): named for this build,
 * so that files of another build (a cached candor.js, a deploy between the page and the panel) find nothing and fail
 * to load, said as any failed load is, instead of calling the wrong functions.
 */
export const sharedKey = (list, version) =>
  '_' +
  createHash('sha256')
    .update(version + JSON.stringify(list.map(([file, n]) => [file.replace(/^.*\/packages\//, ''), n])))
    .digest('hex')
    .slice(0, 6)

/**
 * candor.js's entry: `entry` itself (first, so that the bundle's modules keep their order, which gzip reads them in),
 * then the functions handed over, put in the array `entry` exports as `shared` (boot.ts puts it in `window.Candor`,
 * under `sharedKey`).
 */
export const giving = (entry, list) => ({
  contents:
    `import { shared } from ${JSON.stringify(entry)}\n` +
    list.map(([file, n], i) => `import { ${n} as s${i} } from ${JSON.stringify(file)}`).join('\n') +
    `\nshared.push(${list.map((_, i) => `s${i}`).join(',')})`,
  resolveDir: dirname(entry),
  loader: 'js',
  sourcefile: 'candor.js',
})

/**
 * For a later file's build: each shared module is its functions from the array, and the rest of it from the module
 * itself. A later file can only run after candor.js (it is what loads them).
 */
export const taking = (list, key) => {
  const byFile = new Map()
  list.forEach(([file, n], i) => (byFile.get(file) ?? byFile.set(file, []).get(file)).push([n, i]))
  return {
    name: 'candor-shared',
    setup(b) {
      b.onResolve({ filter: /^\.{1,2}\// }, (a) => {
        const file = resolve(a.resolveDir, a.path.replace(/\.js$/, '.ts'))
        return byFile.has(file) && a.importer != file ? { path: file, namespace: 'shared' } : undefined
      })
      b.onResolve({ filter: /^real:/ }, (a) => ({ path: a.path.slice(5) }))
      b.onLoad({ filter: /.*/, namespace: 'shared' }, (a) => ({
        contents:
          byFile
            .get(a.path)
            // `self.`: a page's own top-level `let Candor` would shadow the global otherwise.
            .map(([n, i]) => `export const ${n} = self.Candor.${key}[${i}]`)
            .join('\n') + `\nexport * from ${JSON.stringify('real:' + a.path)}`,
        resolveDir: dirname(a.path),
        loader: 'js',
      }))
    },
  }
}
