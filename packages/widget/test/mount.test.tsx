// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineCandorElement, mountCandor, open, type Mounted } from '../src/index'
import { byRole, click, make, one, settle } from './helpers'

let mounted: Mounted | undefined
afterEach(() => {
  mounted?.destroy()
  mounted = undefined
  document.body.replaceChildren()
})

const shadow = (m: Mounted) => m.host.shadowRoot!

describe('mountCandor', () => {
  it('adds a launcher that opens the modal panel in an open shadow root, and Close gives focus back', async () => {
    const c = await make()
    mounted = mountCandor(c, { lang: 'en' })
    await settle()
    const root = shadow(mounted)
    const launcher = one(root, 'button', 'Your preferences')
    launcher.focus()
    await click(launcher)
    const dialog = root.querySelector('dialog')!
    expect(dialog.open).toBe(true)
    expect(dialog.getAttribute('aria-labelledby')).toBeTruthy()
    expect(root.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent).toBe('Your preferences')
    expect(root.activeElement?.textContent).toBe('Close')
    await click(one(root, 'button', 'Close'))
    expect(dialog.open).toBe(false)
    expect(root.activeElement).toBe(launcher)
  })

  it('renders the closed panel at idle time, so the first open only shows it; prerender: false waits for the open', async () => {
    const c = await make()
    mounted = mountCandor(c, { lang: 'en' })
    const dialog = () => shadow(mounted!).querySelector('dialog')!
    await vi.waitFor(() => expect(byRole(dialog(), 'switch').length).toBeGreaterThan(0), { timeout: 3000 })
    expect(dialog().open).toBe(false)
    const card = dialog().querySelector('[role=switch]')
    mounted.open()
    await settle()
    expect(dialog().open).toBe(true)
    // The same elements: opening rendered nothing new.
    expect(dialog().querySelector('[role=switch]')).toBe(card)
    mounted.destroy()

    mounted = mountCandor(c, { lang: 'en', prerender: false })
    await new Promise((r) => setTimeout(r, 400))
    expect(byRole(dialog(), 'switch')).toHaveLength(0)
  })

  it('open(id) opens the panel at that signal with focus on its switch', async () => {
    const c = await make()
    mounted = mountCandor(c, { lang: 'en' })
    await settle()
    open('compact')
    await settle()
    const root = shadow(mounted)
    expect(root.querySelector('dialog')!.open).toBe(true)
    expect(root.activeElement).toBe(one(one(root, 'group', 'Compact layout'), 'switch'))
  })

  it('renders without Shadow DOM when asked, and without a launcher', async () => {
    const c = await make()
    mounted = mountCandor(c, { shadow: false, launcher: false, lang: 'en' })
    await settle()
    expect(mounted.host.shadowRoot).toBeNull()
    expect(byRole(document, 'button', 'Your preferences')).toHaveLength(0)
    mounted.open()
    await settle()
    expect(document.querySelector('candor-widget dialog')!.hasAttribute('open')).toBe(true)
  })

  it('follows the page language and can be forced dark', async () => {
    document.documentElement.lang = 'fr'
    try {
      const c = await make()
      mounted = mountCandor(c, { theme: 'dark' })
      // French strings load lazily (a module import): wait for them, bounded, instead of a fixed number of ticks.
      const launcher = await vi.waitFor(() => one(shadow(mounted!), 'button', 'Vos préférences'), { timeout: 3000 })
      expect(launcher.getAttribute('data-theme')).toBe('dark')
    } finally {
      document.documentElement.lang = ''
    }
  })
})

describe('<candor-preferences>', () => {
  it('renders the whole panel inline, in a shadow root or, with no-shadow, in the page', async () => {
    const c = await make()
    defineCandorElement(c)
    const el = document.createElement('candor-preferences')
    el.setAttribute('lang', 'en')
    document.body.append(el)
    await settle()
    expect(el.shadowRoot!.querySelector('h2')!.textContent).toBe('Your preferences on this site')
    // A switch for the boolean, and for no other signal while it holds nothing.
    expect(byRole(el.shadowRoot!, 'switch')).toHaveLength(1)
    const plain = document.createElement('candor-preferences')
    plain.setAttribute('no-shadow', '')
    plain.setAttribute('lang', 'en')
    document.body.append(plain)
    await settle()
    expect(plain.shadowRoot).toBeNull()
    expect(byRole(plain, 'switch')).toHaveLength(1)
  })
})
