// The files candor.js loads later take the functions it has from it (shared.mjs): only what both use and candor.js
// keeps, big enough to be worth its place in the array, and the later file runs with candor.js's own function.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a build script, not typed
import { giving, handOver, sharedKey, taking } from '../shared.mjs'

const dir = mkdtempSync(join(tmpdir(), 'candor-shared-'))
const file = (name: string, code: string) => (writeFileSync(join(dir, name), code), join(dir, name))
// `big` is long enough to hand over; `tiny` is not; `unused` is imported by the page but esbuild leaves it out.
const lib = file(
  'lib.ts',
  `export const big = (n: number) => { const parts = []; for (let i = 0; i < n; i++) parts.push('part ' + i + ' of a long enough function body, more than the threshold of bytes it needs'); return parts.join(', ') + ' and that is all there is to it, really, truly, honestly' }
export const tiny = () => 1
export const unused = () => 'never called by the page, though imported there and by the later file, so never handed over at all'.repeat(3)
export type Shape = { n: number }
`,
)
const page = file(
  'page.ts',
  `import { big, tiny, unused, type Shape } from './lib.js'\nexport const shared: unknown[] = []\nconst s: Shape = { n: 2 }\n;(globalThis as any).Candor = { _k: shared, out: big(s.n) + tiny() }\nif (Math.random() > 2) void unused`,
)
const later = file('later.ts', `import { big, tiny, unused } from './lib.js'\n;(globalThis as any).later = [big, tiny(), unused]`)
const options = (entry: string) => ({ entryPoints: [entry], bundle: true, format: 'esm' as const, minify: true, outdir: join(dir, 'out'), write: false })

describe('what candor.js hands over to the files it loads later', () => {
  it('is what both import from the same module, that candor.js keeps and that is big enough', async () => {
    const list = await handOver(options(page), [options(later)])
    expect(list).toEqual([[lib, 'big']])
  })

  it('the later file runs with the page’s own function, and carries no copy of it', async () => {
    const list = await handOver(options(page), [options(later)])
    const { entryPoints, ...o } = options(page)
    const [p] = (await build({ ...o, format: 'iife', stdin: giving(entryPoints[0], list) })).outputFiles!
    const [l] = (await build({ ...options(later), plugins: [taking(list, '_k')] })).outputFiles!
    expect(l!.text).not.toContain('of a long enough function body')
    expect(l!.text).toContain('never called by the page')
    const g = globalThis as unknown as { Candor: { _k: unknown[] }; later: unknown[] }
    // A browser's global is `self`; node's isn't.
    ;(globalThis as { self?: unknown }).self = globalThis
    new Function(p!.text)()
    await import(`data:text/javascript,${encodeURIComponent(l!.text)}`)
    expect(g.later[0]).toBe(g.Candor._k[0])
    expect((g.later[0] as (n: number) => string)(1)).toContain('part 0')
  })

  it('is named for its build: another build’s list, or another version, names it otherwise', () => {
    const list = [['/x/packages/core/src/a.ts', 'f']]
    expect(sharedKey(list, '1.0.0')).toMatch(/^_[0-9a-f]{6}$/)
    expect(sharedKey(list, '1.0.0')).toBe(sharedKey([['/elsewhere/packages/core/src/a.ts', 'f']], '1.0.0'))
    expect(sharedKey(list, '1.0.1')).not.toBe(sharedKey(list, '1.0.0'))
    expect(sharedKey([['/x/packages/core/src/a.ts', 'g']], '1.0.0')).not.toBe(sharedKey(list, '1.0.0'))
  })
})
