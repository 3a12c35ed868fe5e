// Runs `fn` with the console's warn and error collected instead of printed: the docs show what Candor says without
// saying it twice (and docs-check fails any page that prints an error).
export interface Said {
  level: 'warn' | 'error'
  text: string
}

export const said = (fn: () => unknown): Said[] => {
  const lines: Said[] = []
  const { warn, error } = console
  console.warn = (...args: unknown[]) => void lines.push({ level: 'warn', text: args.join(' ') })
  console.error = (...args: unknown[]) => void lines.push({ level: 'error', text: args.join(' ') })
  try {
    fn()
  } catch (e) {
    // A catalog refused whole: candor.js says the error's message, and keeps the page's baseline.
    lines.push({ level: 'error', text: e instanceof Error ? e.message : String(e) })
  } finally {
    console.warn = warn
    console.error = error
  }
  return lines
}
