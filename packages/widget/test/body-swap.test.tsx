// @vitest-environment happy-dom
// Hotwire Turbo and Astro's ClientRouter replace <body> on navigation: the widget's host, appended to the old
// body, must come back with its launcher, and open() must not throw for a dialog outside the document.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mountCandor, type Mounted } from '../src/index'
import { mountCandorLazy } from '../src/lazy'
import { make, one, settle } from './helpers'

let mounted: Mounted | undefined
afterEach(() => {
  mounted?.destroy()
  mounted = undefined
  document.body.replaceChildren()
})

/** What the routers do on a visit: a new <body> in place of the old one. */
const swapBody = () => {
  const next = document.createElement('body')
  next.append(Object.assign(document.createElement('p'), { textContent: 'The next page' }))
  document.body.replaceWith(next)
}

/** Takes the host off the page without a change to <html>'s children (as a morphing refresh does). */
const detach = (m: Mounted) => m.host.remove()

const launcher = (m: Mounted) => one(m.host.shadowRoot!, 'button', 'Your preferences')

describe('after the body is replaced', () => {
  it('mountCandor puts its host back in the new body, launcher and all', async () => {
    mounted = mountCandor(await make(), { lang: 'en' })
    await settle()
    const button = launcher(mounted)
    swapBody()
    await settle()
    expect(mounted.host.isConnected).toBe(true)
    expect(mounted.host.parentElement).toBe(document.body)
    expect(launcher(mounted)).toBe(button)
  })

  it('comes back after turbo:load and astro:page-load when something else took it off', async () => {
    mounted = mountCandor(await make(), { lang: 'en' })
    await settle()
    for (const event of ['turbo:load', 'astro:page-load']) {
      detach(mounted)
      expect(mounted.host.isConnected).toBe(false)
      document.dispatchEvent(new Event(event))
      expect(mounted.host.isConnected, event).toBe(true)
    }
  })

  it('open() puts a detached host back before showing the dialog, and never throws', async () => {
    mounted = mountCandor(await make(), { lang: 'en' })
    await settle()
    detach(mounted)
    const m = mounted
    expect(() => m.open()).not.toThrow()
    await settle()
    expect(mounted.host.isConnected).toBe(true)
    expect(mounted.host.shadowRoot!.querySelector('dialog')!.open).toBe(true)
  })

  it('goes into the container while that is on the page, else the body', async () => {
    const container = document.body.appendChild(document.createElement('div'))
    mounted = mountCandor(await make(), { lang: 'en', container })
    await settle()
    detach(mounted)
    document.dispatchEvent(new Event('turbo:load'))
    expect(mounted.host.parentElement).toBe(container)
    swapBody()
    await settle()
    expect(mounted.host.parentElement).toBe(document.body)
  })

  it('mountCandorLazy keeps its launcher, and opens the panel after the swap', async () => {
    const lazy = mountCandorLazy(await make(), { lang: 'en', prerender: false })
    mounted = lazy
    swapBody()
    await settle()
    expect(lazy.host.isConnected).toBe(true)
    launcher(lazy).click()
    await vi.waitFor(() => expect(lazy.host.shadowRoot!.querySelector('dialog')?.open).toBe(true))
    // Once the panel is in, another swap keeps it too, and open() works again.
    lazy.close()
    swapBody()
    await settle()
    expect(lazy.host.isConnected).toBe(true)
    lazy.open()
    await vi.waitFor(() => expect(lazy.host.shadowRoot!.querySelector('dialog')?.open).toBe(true))
  })

  it('stops watching once destroyed', async () => {
    const m = mountCandor(await make(), { lang: 'en' })
    await settle()
    m.destroy()
    swapBody()
    document.dispatchEvent(new Event('turbo:load'))
    await settle()
    expect(m.host.isConnected).toBe(false)
    const lazy = mountCandorLazy(await make(), { lang: 'en' })
    lazy.destroy()
    swapBody()
    await settle()
    expect(lazy.host.isConnected).toBe(false)
  })
})
