// The command line: `candor check`, `candor init`, `--help`, `--version`. Returns the exit code rather than exiting,
// so tests run it in-process.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { check } from './check.js'
import { formatReport, reportJson } from './format.js'
import { HELP } from './help.js'
import { init } from './init.js'
import type { Io } from './io.js'

/** A mistake in the command itself: said with where to find help, exit code 2. */
const usage = (io: Io, message: string) => (io.err(`candor: ${message}\nRun candor --help for how to use it.`), 2)

const version = () => (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version

/** `candor check`'s arguments, run. */
const runCheck = async (args: string[], io: Io) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { json: { type: 'boolean' }, uses: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } },
  })
  if (values.help) return (io.out(HELP), 0)
  const [catalog = 'candor.json', ...pages] = positionals
  const report = await check({ catalog, pages, uses: values.uses ?? [], cwd: io.cwd })
  io.out(values.json ? reportJson(report) : formatReport(report, io.color))
  return report.errors ? 1 : 0
}

/** `candor init`'s arguments, run. */
const runInit = async (args: string[], io: Io) => {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } })
  if (values.help) return (io.out(HELP), 0)
  if (positionals.length > 1) return usage(io, `init takes one folder, not ${positionals.length}`)
  return init(positionals[0] ?? '.', !!values.force, io)
}

/**
 * Runs the command line `argv` (without `node` and the script) and returns its exit code: 0 fine, 1 errors found,
 * 2 a mistake in the command.
 * @example process.exitCode = await main(process.argv.slice(2), processIo())
 */
export const main = async (argv: readonly string[], io: Io): Promise<number> => {
  const [command, ...args] = argv
  try {
    if (command === undefined || command == '--help' || command == '-h' || command == 'help') return (io.out(HELP), 0)
    if (command == '--version' || command == '-v') return (io.out(version()), 0)
    if (command == 'check') return await runCheck(args, io)
    if (command == 'init') return await runInit(args, io)
    return usage(io, `unknown command "${command}": use check or init`)
  } catch (e) {
    // parseArgs' own errors name the option: a mistake in the command.
    if ((e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) return usage(io, (e as Error).message)
    throw e
  }
}
