// The attribute names the check knows are the drop-in's: a new attribute there must be known here.
import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { KNOWN } from '../src/attribute-names.js'

const dropin = (file: string) => readFileSync(new URL(`../../dropin/src/${file}`, import.meta.url), 'utf8')

it('knows every data-candor-* attribute the drop-in names, and no other', () => {
  const named = [...dropin('names.ts').matchAll(/'(data-candor-[a-z-]+)'/g)].map((m) => m[1]!)
  // Two more the drop-in uses outside names.ts: the reason a read gives, and the signal of a "Why" button it adds.
  expect(dropin('page-instance.ts')).toContain("'data-candor-reason'")
  expect(dropin('attributes.ts')).toContain('dataset.candorFor')
  expect([...KNOWN].sort()).toEqual([...named, 'data-candor-reason', 'data-candor-for'].sort())
})
