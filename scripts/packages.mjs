// What a package's users get, checked on the tarballs as they would be published (part of `pnpm test`):
// - each package packed with pnpm (as `pnpm release` publishes it), its file list printed;
// - publint --strict on each tarball; @arethetypeswrong/cli on each one that ships types (ESM-only profile);
// - a `nodenext` TypeScript project installed from the tarballs (scripts/consumer/) that must reject wrong calls.
// Run: node scripts/packages.mjs (after `pnpm build`).
import { execFileSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const bin = (name) => join(root, 'node_modules/.bin', name)
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
// Under `pnpm test` pnpm names itself; run alone, the pinned one through npx.
const pnpm = process.env.npm_execpath?.includes('pnpm') ? [process.execPath, process.env.npm_execpath] : ['npx', '-y', packageManager]
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...opts })

const work = mkdtempSync(join(tmpdir(), 'candor-packages-'))
const failures = []
const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({ dir: join(root, 'packages', dir), pkg: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')) }))
  .filter(({ pkg }) => !pkg.private)

const tarballs = new Map()
for (const { dir, pkg } of packages) {
  const out = run(pnpm[0], [...pnpm.slice(1), 'pack', '--pack-destination', work, '--json'], { cwd: dir })
  const packed = JSON.parse(out.slice(out.indexOf('{')))
  tarballs.set(pkg.name, packed.filename)
  const files = packed.files.map((f) => f.path).sort()
  console.log(`\n${pkg.name}@${pkg.version}: ${files.length} files`)
  console.log('  ' + files.filter((f) => !f.endsWith('.map') && !f.startsWith('src/')).join('\n  '))
  console.log(`  + ${files.filter((f) => f.startsWith('src/')).length} source files, ${files.filter((f) => f.endsWith('.map')).length} source maps`)
  for (const need of ['README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'])
    if (!files.includes(need)) failures.push(`${pkg.name}: the tarball has no ${need}`)
  const manifest = JSON.parse(run('tar', ['-xOzf', packed.filename, 'package/package.json']))
  for (const [name, range] of Object.entries({ ...manifest.dependencies, ...manifest.peerDependencies }))
    if (String(range).startsWith('workspace:')) failures.push(`${pkg.name}: packed with "${name}": "${range}"`)

  for (const [tool, args] of [
    ['publint', ['run', packed.filename, '--strict']],
    ...(pkg.types || JSON.stringify(pkg.exports).includes('"types"')
      ? [['attw', [packed.filename, '--profile', 'esm-only', '--format', 'table-flipped', '--no-color']]]
      : []),
  ]) {
    try {
      console.log(run(bin(tool), args).trim().replace(/^/gm, `  ${tool}: `))
    } catch (e) {
      console.log(`${e.stdout ?? ''}${e.stderr ?? ''}`.trim().replace(/^/gm, `  ${tool}: `))
      failures.push(`${pkg.name}: ${tool} failed`)
    }
  }
}

// The consumer: the tarballs unpacked into node_modules, their own dependencies linked from this workspace.
const app = join(work, 'consumer')
mkdirSync(join(app, 'node_modules/@candor'), { recursive: true })
for (const f of ['index.ts', 'tsconfig.json']) copyFileSync(join(root, 'scripts/consumer', f), join(app, f))
for (const [name, file] of tarballs) {
  const into = join(app, 'node_modules', name)
  mkdirSync(into, { recursive: true })
  run('tar', ['-xzf', file, '-C', into, '--strip-components=1'])
}
for (const dep of ['idb-keyval', '@preact/signals-core', '@preact/signals', 'preact']) {
  const from = join(root, 'packages/widget/node_modules', dep)
  const real = existsSync(from) ? from : join(root, 'packages/core/node_modules', dep)
  mkdirSync(join(app, 'node_modules', dep, '..'), { recursive: true })
  if (!existsSync(join(app, 'node_modules', dep))) symlinkSync(real, join(app, 'node_modules', dep))
}
try {
  run(bin('tsc'), ['-p', app])
  // What a consumer sees for the wrong calls: the same file without its @ts-expect-error lines.
  const bare = readFileSync(join(app, 'index.ts'), 'utf8').replace(/^\/\/ @ts-expect-error.*\n/gm, '')
  writeFileSync(join(app, 'index.ts'), bare)
  let said = ''
  try {
    run(bin('tsc'), ['-p', app])
  } catch (e) {
    said = `${e.stdout ?? ''}`.trim()
  }
  console.log('\nnodenext consumer (scripts/consumer/index.ts): the types resolve, and tsc rejects each wrong call:')
  console.log(said.replace(/^/gm, '  '))
  if ((said.match(/error TS/g) ?? []).length < 3) failures.push('the nodenext consumer accepted a wrong call')
} catch (e) {
  console.log(`${e.stdout ?? ''}${e.stderr ?? ''}`)
  failures.push('the nodenext consumer did not type-check as expected (see above)')
}

rmSync(work, { recursive: true, force: true })
if (failures.length) {
  console.error('\n' + failures.join('\n'))
  process.exit(1)
}
