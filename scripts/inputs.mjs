// What candor.js and the panel's files are made of: each input's minified bytes in the output, by esbuild's
// metafile, built as packages/dropin/build.mjs builds them. Run: node scripts/inputs.mjs [--top 20]
import { build } from 'esbuild'
import { builds, common as options } from '../packages/dropin/esbuild-options.mjs'
import { giving, handOver, sharedKey, taking } from '../packages/dropin/shared.mjs'

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

// Built as build.mjs builds them: the panel's files take what candor.js has from it, so they don't count it again.
const { page, later } = builds('/tmp/candor-inputs/', '0')
const shared = await handOver(page, later)
const { entryPoints, outfile, ...pageOptions } = page
const key = sharedKey(shared, '0')
const candor = await build({
  ...pageOptions,
  ...common,
  define: { ...common.define, __SHARED_KEY__: JSON.stringify(key) },
  format: 'iife',
  stdin: giving(entryPoints[0], shared),
  outfile: '/tmp/candor-inputs/candor.js',
})
show('candor.js', inputs(candor.metafile))
const panel = await build({ ...later[0], ...common, plugins: [...later[0].plugins, taking(shared, key)] })
show('candor-panel.js and its chunks (all of them, lazy ones too)', inputs(panel.metafile))
