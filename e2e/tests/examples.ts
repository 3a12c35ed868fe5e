// The apps under examples/ as a user would run them: each is built once by `pnpm examples` (in `pnpm test`,
// before the browser tests) and started here with its own `start` script on a free port.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { freePort } from '../../scripts/free-port.mjs'

/** A running example app. */
export interface Example {
  url: string
  stop(): Promise<void>
}

/** Where `examples/<name>` is. */
export const exampleDir = (name: string) => fileURLToPath(new URL(`../../examples/${name}/`, import.meta.url))

/**
 * Starts `examples/<name>` with `npm run start` (PORT in the environment) and waits until it answers.
 * Fails, naming the fix, when the example hasn't been built.
 */
export async function startExample(name: string, { ready = '/', timeoutMs = 60_000, env = {} as Record<string, string> } = {}): Promise<Example> {
  const dir = exampleDir(name)
  if (!existsSync(dir)) throw new Error(`no examples/${name}`)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  let log = ''
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'start'], {
    cwd: dir,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', HOSTNAME: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  child.stdout?.on('data', (d) => (log += d))
  child.stderr?.on('data', (d) => (log += d))
  const stop = async () => {
    if (child.exitCode !== null) return
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
  }
  const until = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`examples/${name} exited (${child.exitCode}); was it built (pnpm examples)?\n${log}`)
    try {
      if ((await fetch(url + ready)).ok) return { url, stop }
    } catch {}
    if (Date.now() > until) {
      await stop()
      throw new Error(`examples/${name} did not answer at ${url + ready} within ${timeoutMs} ms\n${log}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
}
