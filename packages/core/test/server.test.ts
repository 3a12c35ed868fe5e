// @vitest-environment node
// On a server (no document, window or IndexedDB): a server-rendered app creates the instance in code that runs
// on both sides. It must be ready, in memory, and read nothing: the server renders the page as everyone sees it.
import { describe, expect, it, vi } from 'vitest'
import { edit } from '../src/editing'
import { createCandor } from '../src/index'
import { startCandor } from '../src/startup'
import { catalog } from './fixtures'

describe('on a server', () => {
  it('has no DOM and no IndexedDB here', () => {
    expect(typeof document).toBe('undefined')
    expect(typeof window).toBe('undefined')
    expect(typeof indexedDB).toBe('undefined')
  })

  it('createCandor gives an instance that is ready in memory, with nothing in use, and says nothing', async () => {
    const warn = vi.spyOn(console, 'warn')
    const error = vi.spyOn(console, 'error')
    const candor = createCandor({ catalog })
    await expect(candor.ready).resolves.toBe(candor)
    expect(candor.storage.kind).toBe('memory')
    expect(candor.get('topics', { reason: 'Orders the front page' })).toBeUndefined()
    expect(candor.level).toBe('all')
    expect(warn).not.toHaveBeenCalled()
    expect(error).not.toHaveBeenCalled()
    candor.destroy()
  })

  it('startCandor too (the reading part, as candor.js starts)', async () => {
    const candor = startCandor({ catalog }, async () => edit)
    await expect(candor.ready).resolves.toBe(candor)
    candor.destroy()
  })
})
