// A property over random catalogs, preferences and goal clicks: every `candor:report` detail has exactly
// the documented keys, and no signal id, option value, label or path ever appears in it (S29's other half).
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCandor, type CandorReport, type Catalog, type SignalDefinition } from '../src/index'

afterEach(() => vi.unstubAllGlobals())

const word = (prefix: string) => fc.stringMatching(/^[a-z]{6,12}$/).map((s) => prefix + s)

const catalogs = fc
  .uniqueArray(word('sig-'), { minLength: 1, maxLength: 6 })
  .chain((ids) =>
    fc.tuple(
      ...ids.map((id) =>
        fc.record({
          id: fc.constant(id),
          type: fc.constantFrom('boolean', 'choice', 'multi') as fc.Arbitrary<'boolean' | 'choice' | 'multi'>,
          label: word('Label '),
          options: fc.uniqueArray(word('opt-'), { minLength: 1, maxLength: 4 }),
        }),
      ),
    ),
  )
  .map(
    (sigs): Catalog => ({
      site: 'prop-site',
      signals: sigs.map(
        (s): SignalDefinition =>
          ({
            id: s.id,
            type: s.type,
            label: s.label,
            purpose: 'Purpose of ' + s.label,
            ...(s.type == 'boolean' ? {} : { options: s.options.map((v) => ({ value: v, label: 'Option ' + v })) }),
          }) as SignalDefinition,
      ),
    }),
  )

describe('reports hold only what is documented', () => {
  it('over random catalogs, values and goal clicks', async () => {
    // The measuring part, loaded once: each instance's own load of it then resolves within a task.
    await import('../src/measure/view')
    await fc.assert(
      fc.asyncProperty(
        catalogs,
        fc.uniqueArray(word('g-'), { minLength: 0, maxLength: 5 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 0.1, max: 10, noNaN: true }),
        async (catalog, goals, clicks, draw, epsilon) => {
          const doc = new EventTarget()
          const seen: CandorReport[] = []
          doc.addEventListener('candor:report', (e) => seen.push((e as CustomEvent).detail))
          vi.stubGlobal('document', Object.assign(doc, { visibilityState: 'visible' }))
          const c = createCandor({ catalog: { ...catalog, measure: { holdout: 0.5, epsilon, goals } }, storage: 'memory', gpc: false, draw })
          await c.ready
          // Every signal holds a value, so the next view has something to compare (this one began with nothing).
          for (const s of c.catalog.signals) await c.set(s.id, s.type == 'boolean' ? true : s.type == 'choice' ? s.options![0]!.value : [s.options![0]!.value])
          await new Promise((r) => setTimeout(r, 0))
          c.endView()
          expect(seen).toHaveLength(0)
          for (const s of c.catalog.signals) c.get(s.id, { reason: 'A reason for ' + s.label })
          for (const n of clicks) if (goals.length) c.goal(goals[n % goals.length]!)
          c.endView()
          expect(seen).toHaveLength(1)
          const r = seen[0]!
          expect(Object.keys(r).sort()).toEqual(['arm', 'epsilon', 'format', 'goals', 'version', 'week'])
          expect(Object.keys(r.goals).sort()).toEqual([...goals].sort())
          expect(Object.values(r.goals).every((g) => typeof g == 'boolean')).toBe(true)
          const text = JSON.stringify(r)
          for (const s of c.catalog.signals) {
            expect(text).not.toContain(s.id)
            expect(text).not.toContain(s.label)
            for (const o of s.options ?? []) expect(text).not.toContain(o.value)
          }
          expect(text).not.toMatch(/reason|purpose|http|\.html|\bs:/i)
          c.destroy()
        },
      ),
      { numRuns: 60 },
    )
    // 60 views take about a second, but several times that under Stryker's instrumentation on 2 busy cores.
  }, 30_000)
})
