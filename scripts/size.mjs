// Size budgets, checked in CI: each entry is bundled with all its dependencies, minified,
// and compressed the way a server would send it. Fails when an entry is over budget.
// Run: node scripts/size.mjs   (add --json for machine-readable output)
import { build } from 'esbuild'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const KB = 1024

/** name, what a user imports, budget in gzip bytes */
export const budgets = [
  { name: '@candor/core (everything)', contents: "export * from '@candor/core'", limit: 5 * KB },
  { name: '@candor/core { createCandor }', contents: "export { createCandor } from '@candor/core'", limit: 5 * KB },
]

export async function measure({ contents }) {
  const r = await build({
    stdin: { contents, resolveDir: root + 'packages/core', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    write: false,
    conditions: ['@candor/source'],
    logLevel: 'silent',
  })
  const code = r.outputFiles[0].contents
  return {
    min: code.length,
    gzip: gzipSync(code, { level: 9 }).length,
    brotli: brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  let over = 0
  const rows = []
  for (const b of budgets) {
    const m = await measure(b)
    const ok = m.gzip <= b.limit
    if (!ok) over++
    rows.push({ entry: b.name, min: m.min, gzip: m.gzip, brotli: m.brotli, budget: b.limit, ok })
  }
  if (process.argv.includes('--json')) console.log(JSON.stringify(rows, null, 2))
  else
    for (const r of rows)
      console.log(`${r.ok ? 'ok  ' : 'OVER'} ${r.entry.padEnd(34)} ${String(r.gzip).padStart(6)} B gzip  ${String(r.brotli).padStart(6)} B brotli  ${String(r.min).padStart(6)} B min   budget ${r.budget} B gzip`)
  if (over) {
    console.error(`${over} entr${over == 1 ? 'y is' : 'ies are'} over budget`)
    process.exit(1)
  }
}
