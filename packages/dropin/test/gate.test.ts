import { describe, expect, it } from 'vitest'
import { holds, isBaseline, parseConditions } from '../src/gate'

describe('parseConditions', () => {
  it('reads ids and id:value pairs separated by spaces', () => {
    expect(parseConditions(' topics:sports  compact ')).toEqual([{ id: 'topics', value: 'sports' }, { id: 'compact' }])
    expect(parseConditions('')).toEqual([])
    expect(parseConditions(null)).toEqual([])
  })
})

describe('holds', () => {
  it('id:value: is or includes the value', () => {
    expect(holds(['sports', 'science'], { id: 'topics', value: 'sports' })).toBe(true)
    expect(holds(['science'], { id: 'topics', value: 'sports' })).toBe(false)
    expect(holds('eu', { id: 'region', value: 'eu' })).toBe(true)
    expect(holds('us', { id: 'region', value: 'eu' })).toBe(false)
    expect(holds(undefined, { id: 'region', value: 'eu' })).toBe(false)
    expect(holds(false, { id: 'compact', value: 'false' })).toBe(true)
  })
  it('id alone: any value to tailor by', () => {
    expect(holds(true, { id: 'compact' })).toBe(true)
    expect(holds(false, { id: 'compact' })).toBe(false)
    expect(holds([], { id: 'topics' })).toBe(false)
    expect(holds(undefined, { id: 'topics' })).toBe(false)
  })
})

describe('isBaseline', () => {
  it('is true when there is nothing to tailor by', () => {
    expect([undefined, false, []].map(isBaseline)).toEqual([true, true, true])
    expect([true, 'eu', ['sports']].map(isBaseline)).toEqual([false, false, false])
  })
})

// Found by mutation testing (pnpm test:mutation).
describe('gate rules at their edges', () => {
  it('a condition with no id keeps its value apart: it names no signal', () => {
    expect(parseConditions(':sports')).toEqual([{ id: '', value: 'sports' }])
  })
  it('nothing to use never meets a value condition, whatever the value is called', () => {
    expect(holds(undefined, { id: 'x', value: 'undefined' })).toBe(false)
    expect(holds(false, { id: 'x', value: 'false' })).toBe(true)
  })
})
