// Builds the drop-in: dist/candor.js (a classic script: the core's reading part, the attributes, the
// launcher, the loader), dist/candor-panel.js with its chunks (ES modules: the core's editing part,
// Preact and the widget, loaded on intent from next to candor.js), dist/candor-measuring.js (loaded on
// a site that measures), plus dist/candor.schema.json. Run: node build.mjs
import { build, transform } from 'esbuild'
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { builds } from './esbuild-options.mjs'
import { giving, handOver, sharedKey, taking } from './shared.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const dist = here + 'dist/'
const { version } = JSON.parse(await readFile(here + 'package.json', 'utf8'))

await rm(dist, { recursive: true, force: true })
await mkdir(dist, { recursive: true })
const { page, later, alone } = builds(dist, version)
// What candor.js has loaded already, the files it loads later take from it (shared.mjs).
const shared = await handOver(page, later)
const key = sharedKey(shared, version)
const { entryPoints, ...pageOptions } = page
await build({ ...pageOptions, define: { ...page.define, __SHARED_KEY__: JSON.stringify(key) }, stdin: giving(entryPoints[0], shared) })
for (const o of later) await build({ ...o, plugins: [...(o.plugins ?? []), taking(shared, key)] })
for (const o of alone) await build(o)
// The CSS in the widget's template strings keeps its comments in the source (they say why a rule is there); the
// minified files don't need them. A comment can only be inside a string here (esbuild drops the code's own), and the
// file is parsed again to be sure nothing else was touched.
for (const f of await readdir(dist)) {
  if (!f.endsWith('.js')) continue
  const code = await readFile(dist + f, 'utf8')
  const lean = code.replace(/(?<!\\)\/\* [^*]*\*\//g, '')
  if (lean == code) continue
  await transform(lean, { loader: 'js', format: f == 'candor.js' ? 'iife' : 'esm', logLevel: 'silent' })
  await writeFile(dist + f, lean)
}
// Each chunk is a request at the panel's first open: a tiny one (an esbuild helper split out) costs more than its bytes.
for (const f of await readdir(dist)) {
  const { size } = await stat(dist + f)
  // The words files are small by nature, and fetched alone, on a page in their language.
  if (f.endsWith('.js') && !f.startsWith('candor-strings-') && size < 512)
    throw new Error(`dist/${f} is ${size} B: a chunk this small costs a request; fold it (see the target above)`)
}
await copyFile(here + '../core/catalog.schema.json', dist + 'candor.schema.json')
console.log('built', dist)
