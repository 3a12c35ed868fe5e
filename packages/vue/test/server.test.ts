// @vitest-environment node
// A server render as Nuxt does it: the code that creates the instance and mounts the panel runs on the server too.
// Nothing may throw or touch the DOM; the HTML is the page as everyone sees it.
import { createCandor } from '@candor/core'
import { declareInContext, defineCandorElement, mountCandor } from '@candor/widget'
import { mountCandorLazy } from '@candor/widget/lazy'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { describe, expect, it, vi } from 'vitest'
import { candorPlugin, useCandor, usePreference, useRanked } from '../src/index'
import { catalog } from './fixtures'

const stories = [
  { title: 'Tram', topic: 'news' },
  { title: 'Moon', topic: 'science' },
]

const Front = defineComponent(() => {
  const { items, moved, labels } = useRanked(stories, { rank: 'topics', about: (s) => s.topic, reason: 'Orders the front page' })
  const compact = usePreference('compact', { reason: 'Fits more' })
  const candor = useCandor()
  return () =>
    h('main', { class: compact.value ? 'compact' : '' }, [
      h(
        'ol',
        items.value.map((s) => h('li', { key: s.title }, s.title)),
      ),
      h('p', moved.value.up ? `${moved.value.up} moved up for ${labels.value.join(', ')}` : candor.value.level),
    ])
})

describe('on a server', () => {
  it('has no DOM here', () => {
    expect(typeof document).toBe('undefined')
    expect(typeof window).toBe('undefined')
  })

  it('creates the instance and mounts the panel without throwing, and renders the page as everyone sees it', async () => {
    const errors = vi.spyOn(console, 'error')
    const warnings = vi.spyOn(console, 'warn')
    // As in a Nuxt plugin that runs on both sides.
    const candor = createCandor({ catalog })
    const widget = mountCandorLazy(candor)
    await candor.ready
    await candor.set('topics', ['science'])
    const subscribe = vi.spyOn(candor, 'subscribe')
    const html = await renderToString(createSSRApp(Front).use(candorPlugin(candor)))
    expect(html).toBe('<main class=""><ol><li>Tram</li><li>Moon</li></ol><p>all</p></main>')
    // Nothing read, and no listener left behind by the request.
    expect(candor.explain('topics').reads).toBe(0)
    expect(subscribe).not.toHaveBeenCalled()
    expect(widget.host).toBeNull()
    widget.open()
    expect(mountCandor(candor).host).toBeNull()
    defineCandorElement(candor)
    await declareInContext(candor, {} as Element, 'topics', 'sports')
    expect(errors).not.toHaveBeenCalled()
    expect(warnings).not.toHaveBeenCalled()
    candor.destroy()
  })
})
