// What candor.js and the panel's files are made of: each input's minified bytes in the output, by esbuild's
// metafile, built as packages/dropin/build.mjs builds them. Run: node scripts/inputs.mjs [--top 20]
import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'
import { common as options } from '../packages/dropin/esbuild-options.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const dropin = root + 'packages/dropin/'
const top = Number(process.argv[process.argv.indexOf('--top') + 1]) || 15
const common = {
  ...options,
  logLevel: 'silent',
  write: false,
  metafile: true,
  define: { __VERSION__: '"0"' },
}

/** Each input's bytes over every output of one build, largest first. */
const inputs = (metafile) => {
  const sum = new Map()
  for (const out of Object.values(metafile.outputs))
    for (const [file, { bytesInOutput }] of Object.entries(out.inputs)) sum.set(file, (sum.get(file) ?? 0) + bytesInOutput)
  return [...sum].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1])
}

const show = (title, rows) => {
  const total = rows.reduce((a, [, b]) => a + b, 0)
  console.log(`\n${title}: ${total} B minified`)
  for (const [file, b] of rows.slice(0, top))
    console.log(String(b).padStart(7), file.replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '').replace(/^\.\.\//, 'packages/'))
}

const page = await build({ ...common, entryPoints: [dropin + 'src/boot.ts'], format: 'iife', outfile: '/tmp/candor.js' })
show('candor.js', inputs(page.metafile))
const panel = await build({ ...common, entryPoints: { 'candor-panel': dropin + 'src/panel.ts' }, format: 'esm', splitting: true, outdir: '/tmp/candor-panel' })
show('candor-panel.js and its chunks (all of them, lazy ones too)', inputs(panel.metafile))
