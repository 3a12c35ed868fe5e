// Runs before a package is packed (npm pack, pnpm pack, publish): refuses a tarball that would install broken.
// - npm keeps `workspace:*` in the dependencies (its users then get EUNSUPPORTEDPROTOCOL); pnpm rewrites it.
// - A clone that wasn't built would ship `src` and no `dist`.
import { existsSync, readFileSync } from 'node:fs'

const pkg = JSON.parse(readFileSync('package.json', 'utf8'))
const fail = (why) => {
  console.error(`${pkg.name}: not packed. ${why}`)
  process.exit(1)
}

const agent = process.env.npm_config_user_agent ?? ''
const runtime = { ...pkg.dependencies, ...pkg.peerDependencies, ...pkg.optionalDependencies }
const linked = Object.entries(runtime).filter(([, range]) => String(range).startsWith('workspace:'))
if (linked.length && !agent.startsWith('pnpm/'))
  fail(
    `Its dependencies ${linked.map(([n]) => n).join(', ')} say "workspace:", which only pnpm rewrites to versions. ` +
      'Release with `npx -y pnpm@10.34.9 release` (changesets, then pnpm publish), or pack with `pnpm pack`.',
  )

// Every file the package's entry points name must exist: run the build first.
const targets = []
const walk = (v) => (typeof v === 'string' ? targets.push(v) : v && typeof v === 'object' && Object.values(v).forEach(walk))
walk(pkg.exports)
walk(pkg.types)
walk(pkg.module)
const missing = [...new Set(targets)].filter((t) => t.startsWith('./dist/') && !existsSync(t))
if (missing.length) fail(`${missing.join(', ')} not built: run \`npx -y pnpm@10.34.9 build\` first.`)
