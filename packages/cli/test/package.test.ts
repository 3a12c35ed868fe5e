// @candor/cli as a package: the bin users run with npx, and what the build makes of it.
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8')

describe('@candor/cli as a package', () => {
  it('has a `candor` bin, a Node script', () => {
    const pkg = JSON.parse(read('../package.json'))
    expect(pkg.bin).toEqual({ candor: './dist/bin.js' })
    expect(read('../src/bin.ts').startsWith('#!/usr/bin/env node\n')).toBe(true)
    // tsc keeps the line; the built file is checked when it exists (after pnpm build).
    if (existsSync(new URL('../dist/bin.js', import.meta.url))) expect(read('../dist/bin.js').startsWith('#!/usr/bin/env node\n')).toBe(true)
  })

  it('runs on the Node versions the other packages do, and takes the core at its version', () => {
    const pkg = JSON.parse(read('../package.json'))
    expect(pkg.engines).toEqual(JSON.parse(read('../../core/package.json')).engines)
    expect(pkg.dependencies['@candor/core']).toBe('workspace:*')
  })
})
