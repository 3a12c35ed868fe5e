// `pnpm test:mutation [--since <rev>] [Stryker's options]`: StrykerJS over the files stryker.config.mjs mutates.
// `--since <rev>` scores only those of them changed since `rev` (committed or not), so a change is checked in
// minutes rather than the hours the whole set takes on 2 cores. Other options go to `stryker run` as they are.
import { execFileSync, spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import config from '../stryker.config.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)

/** Whether `file` is one of the config's `mutate` patterns: a path, or `dir/**\/*.ts`; a `!` pattern leaves it out. */
const mutated = (file) => {
  const hit = (p) => (p.endsWith('/**/*.ts') ? file.startsWith(p.slice(0, -'**/*.ts'.length)) && file.endsWith('.ts') : file == p)
  return config.mutate.some((p) => !p.startsWith('!') && hit(p)) && !config.mutate.some((p) => p.startsWith('!') && hit(p.slice(1)))
}

const at = args.indexOf('--since')
if (at >= 0) {
  const rev = args[at + 1]
  if (!rev) throw new Error('--since needs a commit, e.g. --since HEAD~3 or --since main')
  args.splice(at, 2)
  const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean)
  const changed = [...new Set([...git('diff', '--name-only', rev, '--', 'packages'), ...git('ls-files', '--others', '--exclude-standard', 'packages')])]
  const files = changed.filter(mutated)
  if (!files.length) {
    console.log(`Nothing Stryker mutates changed since ${rev}.`)
    process.exit(0)
  }
  console.log(`Scoring what changed since ${rev}: ${files.join(', ')}`)
  args.push('--mutate', files.join(','))
}
const run = spawnSync(root + 'node_modules/.bin/stryker', ['run', ...args], { cwd: root, stdio: 'inherit' })
process.exit(run.status ?? 1)
