import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')

describe('@candor/react as a package', () => {
  it('marks its entry as client code, for server-component frameworks (Next.js App Router), as built too', () => {
    expect(read('../src/index.ts').startsWith("'use client'\n")).toBe(true)
    // tsc keeps the directive; the built file is checked when it exists (after pnpm build).
    if (existsSync(new URL('../dist/index.js', import.meta.url))) expect(read('../dist/index.js').startsWith("'use client';\n")).toBe(true)
  })

  it('takes React 18 or later from the app', () => {
    const pkg = JSON.parse(read('../package.json'))
    expect(pkg.peerDependencies).toEqual({ react: '>=18' })
    expect(pkg.dependencies.react).toBeUndefined()
  })
})
