// The catalog's JSON Schema (what an editor checks a catalog file against) and the validator (what Candor
// enforces) give the same verdict. Two differences are by design, and pinned here:
// - ids and option values unique: JSON Schema can't say "unique by one field", so only the validator refuses;
// - a field this version doesn't know: the validator reports it and carries on, the schema flags it (a typo, in an editor).
import Ajv from 'ajv'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import schema from '../catalog.schema.json'
import { checkCatalog } from '../src/catalog'
import { CandorError } from '../src/index'

const ajv = new Ajv({ allErrors: true, strict: false })
const matchesSchema = ajv.compile(schema)

type Verdict = 'accepted' | 'refused' | 'refused: duplicates only'
const runtime = (input: unknown): Verdict => {
  try {
    checkCatalog(input)
    return 'accepted'
  } catch (e) {
    if (!(e instanceof CandorError)) throw e
    return e.problems.every((p) => / is (declared|listed) twice$/.test(p)) ? 'refused: duplicates only' : 'refused'
  }
}
const KNOWN = {
  top: ['$schema', 'site', 'intro', 'signals', 'measure'],
  signal: ['id', 'type', 'label', 'purpose', 'options', 'source', 'lifetime', 'group', 'description', 'sensitive'],
  option: ['value', 'label'],
}
const isObject = (o: unknown): o is Record<string, unknown> => typeof o == 'object' && o !== null && !Array.isArray(o)
const unknownIn = (o: unknown, known: string[]) => isObject(o) && Object.keys(o).some((k) => !known.includes(k))
/** A field this version doesn't know, anywhere: the validator carries on, the schema flags it. */
const hasUnknownField = (c: Input) =>
  unknownIn(c, KNOWN.top) ||
  (Array.isArray(c.signals) &&
    c.signals.some((s: Input) => unknownIn(s, KNOWN.signal) || (Array.isArray(s?.options) && s.options.some((o: unknown) => unknownIn(o, KNOWN.option)))))
/** What the schema must say of a catalog, from the validator's verdict. */
const schemaShouldAccept = (c: Input) => runtime(c) != 'refused' && !hasUnknownField(c)

const base = () => ({
  site: 'daily-planet',
  intro: 'Why we tailor.',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'Topics',
      purpose: 'Orders the stories',
      lifetime: '90d',
      options: [
        { value: 'science', label: 'Science' },
        { value: 'sports', label: 'Sports' },
      ],
    },
    { id: 'compact', type: 'boolean', label: 'Compact', purpose: 'Fits more on a screen', group: 'Layout' },
    {
      id: 'region',
      type: 'choice',
      source: 'inferred',
      label: 'Region',
      purpose: 'Shows events near you',
      options: [
        { value: 'eu', label: 'Europe' },
        { value: 'us', label: 'United States' },
      ],
    },
  ],
  measure: { holdout: 0.1, epsilon: 1, goals: ['read'] },
})
// biome-ignore lint/suspicious/noExplicitAny: edits write wrong types, and reach parts an earlier edit removed, on purpose.
type Input = any

// Each edit is something a site owner might write; some are fine, most are not.
const EDITS: Record<string, (c: Input) => void> = {
  'options on a boolean': (c) => void (c.signals[1].options = [{ value: 'a', label: 'A' }]),
  'a choice without options': (c) => void delete c.signals[2].options,
  'empty options': (c) => void (c.signals[0].options = []),
  'a duplicate id': (c) => void (c.signals[2].id = 'topics'),
  'a duplicate option value': (c) => void (c.signals[0].options[1]!.value = 'science'),
  'a blank label': (c) => void (c.signals[0].label = '   '),
  'an empty label': (c) => void (c.signals[1].label = ''),
  'a blank purpose': (c) => void (c.signals[1].purpose = '\n\t'),
  'a label of 201 characters': (c) => void (c.signals[0].label = 'x'.repeat(201)),
  'a label of 200 emoji': (c) => void (c.signals[0].label = '🦋'.repeat(200)),
  'a blank option label': (c) => void (c.signals[2].options[0]!.label = ' '),
  'no option label': (c) => void delete c.signals[2].options[1].label,
  'an option value with a space': (c) => void (c.signals[2].options[0]!.value = 'e u'),
  'a type of "number"': (c) => void (c.signals[1].type = 'number'),
  'an id in capitals': (c) => void (c.signals[1].id = 'Compact'),
  'a lifetime of 0d': (c) => void (c.signals[0].lifetime = '0d'),
  'a lifetime of "90 d"': (c) => void (c.signals[0].lifetime = '90 d'),
  'a lifetime of 12h': (c) => void (c.signals[0].lifetime = '12h'),
  'a source "guessed"': (c) => void (c.signals[2].source = 'guessed'),
  'sensitive "yes"': (c) => void (c.signals[1].sensitive = 'yes'),
  'sensitive true': (c) => void (c.signals[1].sensitive = true),
  'a group of 101 characters': (c) => void (c.signals[1].group = 'g'.repeat(101)),
  'an empty description': (c) => void (c.signals[0].description = ''),
  'an unknown field': (c) => void (c.signals[0].colour = 'red'),
  'an unknown top-level field': (c) => void (c.owner = 'me'),
  'no site': (c) => void delete c.site,
  'signals not a list': (c) => void (c.signals = { topics: {} }),
  'a blank intro': (c) => void (c.intro = ' '),
  'holdout 2': (c) => void (c.measure.holdout = 2),
  'holdout -1': (c) => void (c.measure.holdout = -1),
  'holdout "0.5"': (c) => void (c.measure.holdout = '0.5'),
  'holdout 0.5': (c) => void (c.measure.holdout = 0.5),
  'epsilon 0': (c) => void (c.measure.epsilon = 0),
  'epsilon 11': (c) => void (c.measure.epsilon = 11),
  'a goal with a space': (c) => void (c.measure.goals = ['read more']),
  'a goal with a label': (c) => void (c.measure.goals = [{ name: 'read', label: 'Opened a story' }]),
  'a goal without its label': (c) => void (c.measure.goals = [{ name: 'read' }]),
  'a goal with a blank label': (c) => void (c.measure.goals = [{ name: 'read', label: ' ' }]),
  'a goal object with a space in its name': (c) => void (c.measure.goals = [{ name: 'read more', label: 'Read more' }]),
  '21 goals': (c) => void (c.measure.goals = Array.from({ length: 21 }, (_, i) => 'g' + i)),
  'a $schema': (c) => void (c.$schema = './candor.schema.json'),
}

const edited = (names: string[]) => {
  const c: Input = base()
  for (const n of names)
    try {
      EDITS[n]!(c)
    } catch {
      // An edit of a part an earlier one removed (the options of a choice without options): nothing to edit.
    }
  return c
}

describe('the JSON Schema and the validator', () => {
  it('agree on every edit alone', () => {
    const disagree = Object.keys(EDITS).filter((n) => matchesSchema(edited([n])) !== schemaShouldAccept(edited([n])))
    expect(disagree).toEqual([])
    // The five the schema used to accept while the validator refused:
    for (const n of ['options on a boolean', 'a choice without options', 'a blank label', 'a label of 201 characters'])
      expect([n, matchesSchema(edited([n]))]).toEqual([n, false])
    expect(runtime(edited(['a duplicate id']))).toBe('refused: duplicates only')
    expect(runtime(edited(['a duplicate option value']))).toBe('refused: duplicates only')
    expect(runtime(edited(['a label of 200 emoji']))).toBe('accepted')
    expect([runtime(edited(['an unknown field'])), matchesSchema(edited(['an unknown field']))]).toEqual(['accepted', false])
  })

  it('agree on any mix of edits', () => {
    fc.assert(
      fc.property(fc.subarray(Object.keys(EDITS), { maxLength: 6 }), (names) => {
        const c = edited(names)
        expect(matchesSchema(c), `${names.join(', ')}: ${ajv.errorsText(matchesSchema.errors)}`).toBe(schemaShouldAccept(c))
      }),
      { numRuns: 400 },
    )
  })

  it('say in the schema what only the validator can check', () => {
    expect(JSON.stringify(schema)).toMatch(/unique/)
  })
})
