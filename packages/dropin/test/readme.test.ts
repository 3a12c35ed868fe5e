// A site owner's first page, as the docs give it (docs/getting-started.md, once the README's), works as written (#23):
// its candor.json is a catalog Candor takes whole, and every attribute of its page names a signal (and an option) of it.
import { readFileSync } from 'node:fs'
import { validateCatalog, type Catalog } from '@candor/core'
import { describe, expect, it } from 'vitest'

const page = readFileSync(new URL('../../../docs/getting-started.md', import.meta.url), 'utf8')
const after = page.slice(page.indexOf('<!-- first-page-catalog -->'))
const blocks = [...after.matchAll(/```(\w+)\n([\s\S]*?)```/g)]
const json = blocks.find((b) => b[1] == 'json')![2]!
const html = blocks.find((b) => b[1] == 'html')![2]!

describe("the docs' first page", () => {
  it('gives a candor.json that is taken whole: no problem, no field left out', () => {
    const input = JSON.parse(json)
    expect(validateCatalog(input)).toEqual(input)
  })

  it('marks its page with signals and options of that catalog only', () => {
    const catalog: Catalog = JSON.parse(json)
    const used = [...html.matchAll(/data-candor-(?:declare|rank|show|baseline|about)="([^"]+)"/g)].flatMap((m) => m[1]!.split(' '))
    expect(used.length).toBeGreaterThan(5)
    const options = catalog.signals.flatMap((s) => ('options' in s && s.options ? s.options.map((o) => o.value) : []))
    for (const word of used) {
      const [id, value] = word.split(':')
      // A child's data-candor-about holds option values; the others name a signal, and maybe one of its options.
      const known = catalog.signals.some((s) => s.id == id) || options.includes(id!)
      expect(known, word).toBe(true)
      if (value) expect(options, word).toContain(value)
    }
  })
})
