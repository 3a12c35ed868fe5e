import { describe, expect, it } from 'vitest'
import * as core from '../src/index'

// The public API is a contract with every site built on it: adding is fine, removing is a breaking change.
describe('@candor/core exports', () => {
  it('exports exactly these values', () => {
    expect(Object.keys(core).sort()).toEqual([
      'CandorError',
      'LEVELS',
      'REPORT_EVENT',
      'candorStore',
      'checkValue',
      'createCandor',
      'defineCatalog',
      'estimate',
      'fingerprint',
      'keepProbability',
      'parseLifetime',
      'preopen',
      'readSnapshot',
      'snapshotHoldout',
      'validateCatalog',
    ])
  })

  it('an instance has the documented members', () => {
    const c = core.createCandor({ catalog: { site: 'a', signals: [] }, storage: 'memory' })
    for (const k of [
      'ready',
      'gpc',
      'level',
      'storage',
      'usage',
      'history',
      'needsReview',
      'orphans',
      'problems',
      'previewing',
      'signals',
      'catalog',
      'arm',
      'measurement',
    ])
      expect(k in c, k).toBe(true)
    for (const k of [
      'get',
      'explain',
      'set',
      'toggle',
      'turnOff',
      'turnOn',
      'forget',
      'renew',
      'confirm',
      'infer',
      'setLevel',
      'preview',
      'expiringSoon',
      'forgetOrphan',
      'subscribe',
      'export',
      'import',
      'clear',
      'destroy',
      'now',
      'load',
      'goal',
      'endView',
      'setHoldouts',
      'setReports',
    ])
      expect(typeof (c as unknown as Record<string, unknown>)[k], k).toBe('function')
  })
})
