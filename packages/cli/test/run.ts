// Runs the command line in this process (with a test's folder and output) or, built from source, as a child process.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { afterAll } from 'vitest'
import { main } from '../src/main.js'

/** The fixtures' folder, and a path inside it. */
export const fixture = (path = '') => fileURLToPath(new URL(`./fixtures/${path}`, import.meta.url))

const made: string[] = []
/** A new empty folder for a test to write in, removed after the test file. */
export const tempDir = () => {
  made.push(mkdtempSync(join(tmpdir(), 'candor-cli-test-')))
  return made.at(-1)!
}
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
})

/** `candor <argv>` in this process, run in `cwd`: its exit code and what it printed, line by line. */
export const candor = async (cwd: string, ...argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await main(argv, { cwd, out: (t) => out.push(...t.split('\n')), err: (t) => err.push(...t.split('\n')), color: false })
  return { code, out, err }
}

/**
 * The bin built from source into one file, as a user's `npx @candor/cli` runs it: unit tests run before `pnpm build`,
 * so the child process can't use dist/. `import.meta.url` stays the source's, where `--version` finds package.json.
 */
export const bundleBin = async (): Promise<string> => {
  const outfile = join(tempDir(), 'candor.mjs')
  await build({
    entryPoints: [fileURLToPath(new URL('../src/bin.ts', import.meta.url))],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@candor/source'],
    // jsonc-parser's `main` is a UMD build that bundlers can't follow; its `module` is plain ESM.
    mainFields: ['module', 'main'],
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(fileURLToPath(new URL('../src/main.ts', import.meta.url))).href) },
    logLevel: 'silent',
  })
  return outfile
}

/** `node <bin> <argv>` in `cwd`, without colours: its exit code and output. */
export const spawnBin = (bin: string, cwd: string, ...argv: string[]) => {
  const r = spawnSync(process.execPath, [bin, ...argv], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
