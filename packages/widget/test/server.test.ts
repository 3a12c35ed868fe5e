// @vitest-environment node
// On a server (no document, window, customElements or IndexedDB), every entry imports and every UI function
// can be called: a server-rendered app creates the instance and mounts the panel in code that runs on both sides.
import { createCandor } from '@candor/core'
import { describe, expect, it, vi } from 'vitest'
import { catalog } from './helpers'

describe('on a server', () => {
  it('has no DOM here', () => {
    expect(typeof document).toBe('undefined')
    expect(typeof window).toBe('undefined')
    expect(typeof customElements).toBe('undefined')
    expect(typeof indexedDB).toBe('undefined')
  })

  it('imports every entry, and each UI function does nothing', async () => {
    const errors = vi.spyOn(console, 'error')
    const widget = await import('../src/index')
    const { mountCandorLazy } = await import('../src/lazy')
    await import('../src/internal')
    const candor = createCandor({ catalog })
    await candor.ready

    const mounted = widget.mountCandor(candor)
    expect(mounted.host).toBeNull()
    mounted.open('topics')
    mounted.close()
    mounted.destroy()
    widget.open('topics')

    const lazy = mountCandorLazy(candor, { preload: true })
    expect(lazy.host).toBeNull()
    lazy.open()
    lazy.close()
    await expect(lazy.load()).resolves.toMatchObject({ host: null })
    lazy.destroy()

    expect(widget.defineCandorElement(candor)).toBeUndefined()
    await expect(widget.declareInContext(candor, {} as Element, 'topics', 'science')).resolves.toBeUndefined()
    // Nothing was declared: a declaration is the visitor's, in their browser.
    expect(candor.explain('topics').value).toBeUndefined()
    await expect(widget.explainInPlace(candor, {} as HTMLElement, 'topics')).resolves.toBeUndefined()
    expect(errors).not.toHaveBeenCalled()
    candor.destroy()
  })
})
