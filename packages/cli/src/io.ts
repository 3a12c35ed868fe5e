// Where a command writes and where it runs: the process's, or a test's.

/** Output, and the folder paths are relative to. */
export interface Io {
  cwd: string
  out(text: string): void
  err(text: string): void
  /** Whether to colour severities: stdout is a terminal and NO_COLOR is unset. */
  color: boolean
}

/** The process's own: stdout, stderr, its folder. */
export const processIo = (): Io => ({
  cwd: process.cwd(),
  out: (text) => void process.stdout.write(text + '\n'),
  err: (text) => void process.stderr.write(text + '\n'),
  color: !!process.stdout.isTTY && !process.env.NO_COLOR,
})
