// @vitest-environment happy-dom
import type { Catalog } from '@candor/core'
import { createTestCandor } from '@candor/core/testing'
import { createApp, createSSRApp, defineComponent, effectScope, h, nextTick, ref, type App } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { candorPlugin, provideCandor, type RankedRefs, useRanked } from '../src/index'
import { catalog } from './fixtures'

const REASON = 'Orders the front page'

interface Story {
  title: string
  topic: string
}
const stories: Story[] = [
  { title: 'Tram', topic: 'news' },
  { title: 'Cup', topic: 'sports' },
  { title: 'Moon', topic: 'science' },
  { title: 'Bees', topic: 'science' },
]

/** The fixture's catalog and a signal that moves topics down. */
const withMuted: Catalog = {
  ...catalog,
  signals: [...catalog.signals, { ...catalog.signals[0]!, id: 'muted', label: 'Topics you want less of', purpose: 'Moves them down' }],
}
type Instance = ReturnType<typeof createTestCandor>

let last: RankedRefs<Story> | undefined
/** The front page: the visitor's topics first, the muted last, with a note of what moved. */
const Front = defineComponent(
  (props: { items?: Story[] | (() => Story[]); keep?: number }) => {
    const ranked = useRanked(props.items ?? stories, { rank: 'topics', demote: ['muted'], keep: props.keep, about: (s) => s.topic, reason: REASON })
    last = ranked
    const { items, moved, labels } = ranked
    return () => [
      h(
        'ol',
        items.value.map((s) => h('li', { key: s.title }, s.title)),
      ),
      h('p', moved.value.up ? `${moved.value.up} moved up for ${labels.value.join(', ')}` : ''),
    ]
  },
  { props: ['items', 'keep'] },
)

let app: App | undefined
afterEach(() => {
  app?.unmount()
  app = undefined
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

const mount = (candor: Instance, props: Record<string, unknown> = {}) => {
  const host = document.body.appendChild(document.createElement('div'))
  app = createApp(Front, props).use(candorPlugin(candor))
  app.mount(host)
  return host
}
const titles = (host: Element) => [...host.querySelectorAll('li')].map((li) => li.textContent).join(' ')

describe('useRanked', () => {
  it('puts the visitor’s topics first and the muted last, says what moved in the catalog’s words, and follows changes', async () => {
    const candor = createTestCandor({ catalog: withMuted })
    const host = mount(candor)
    expect(titles(host)).toBe('Tram Cup Moon Bees')
    expect(host.querySelector('p')!.textContent).toBe('')
    await candor.set('topics', ['science'])
    await nextTick()
    expect(titles(host)).toBe('Moon Bees Tram Cup')
    expect(host.querySelector('p')!.textContent).toBe('2 moved up for Science')
    await candor.set('muted', ['sports'])
    await nextTick()
    expect(last!.moved.value).toEqual({ up: 2, upValues: ['science'], down: 1 })
    candor.preview(true)
    await nextTick()
    expect(titles(host)).toBe('Tram Cup Moon Bees')
    expect(last!.moved.value).toEqual({ up: 0, upValues: [], down: 0 })
  })

  it('is current as soon as the component is mounted, and keeps the first `keep` items in place', async () => {
    const host = mount(createTestCandor({ catalog: withMuted, values: { topics: ['science'] } }), { keep: 1 })
    await nextTick()
    expect(titles(host)).toBe('Tram Moon Bees Cup')
  })

  it('takes a ref or a getter, and recomputes only when the instance or the input changes', async () => {
    const candor = createTestCandor({ catalog: withMuted, values: { topics: ['science'] } })
    const list = ref(stories)
    const host = mount(candor, { items: () => list.value })
    await nextTick()
    const first = last!.items.value
    expect(last!.items.value).toBe(first)
    list.value = stories.slice(1)
    await nextTick()
    expect(titles(host)).toBe('Moon Bees Cup')
    expect(last!.items.value).not.toBe(first)
  })

  it('counts one read per signal and call, with its reason, however often the values change', async () => {
    const candor = createTestCandor({ catalog: withMuted, values: { topics: ['science'] } })
    const host = document.body.appendChild(document.createElement('div'))
    app = createApp(
      defineComponent(() => {
        provideCandor(candor)
        return () => [h(Front), h(Front)]
      }),
    )
    app.mount(host)
    for (let i = 0; i < 5; i++) await candor.set('topics', i % 2 ? ['science'] : ['sports'])
    await nextTick()
    expect(candor.explain('topics').reads).toBe(2)
    expect(candor.explain('muted').reads).toBe(2)
    expect(candor.usage.topics?.reasons).toEqual([REASON])
  })

  it('outside a component, reads at once and stops listening when its scope ends', async () => {
    const candor = createTestCandor({ catalog: withMuted, values: { topics: ['science'] } })
    const scope = effectScope()
    const { items } = createApp({ render: () => null })
      .use(candorPlugin(candor))
      .runWithContext(() => scope.run(() => useRanked(stories, { rank: 'topics', about: (s) => s.topic, reason: REASON })))!
    expect(items.value.map((s) => s.title)).toEqual(['Moon', 'Bees', 'Tram', 'Cup'])
    await candor.set('topics', ['sports'])
    expect(items.value.map((s) => s.title)).toEqual(['Cup', 'Tram', 'Moon', 'Bees'])
    scope.stop()
    await candor.set('topics', ['science'])
    expect(items.value.map((s) => s.title)).toEqual(['Cup', 'Tram', 'Moon', 'Bees'])
    expect(candor.explain('topics').reads).toBe(1)
  })

  it('renders the order given on the server, and hydrates it without a mismatch before tailoring', async () => {
    const server = createTestCandor({ catalog: withMuted, values: { topics: ['science'] } })
    const subscribe = vi.spyOn(server, 'subscribe')
    const html = await renderToString(createSSRApp(Front).use(candorPlugin(server)))
    expect(html).toContain('<li>Tram</li><li>Cup</li><li>Moon</li><li>Bees</li>')
    // A server render reads nothing and leaves no listener on an instance kept across requests.
    expect(server.explain('topics').reads).toBe(0)
    expect(subscribe).not.toHaveBeenCalled()
    const warn = vi.spyOn(console, 'warn')
    const error = vi.spyOn(console, 'error')
    const host = document.body.appendChild(document.createElement('div'))
    host.innerHTML = html
    const visitor = createTestCandor({ catalog: withMuted, values: { topics: ['science'] } })
    app = createSSRApp(Front).use(candorPlugin(visitor))
    app.mount(host)
    await nextTick()
    expect(titles(host)).toBe('Moon Bees Tram Cup')
    expect(warn).not.toHaveBeenCalled()
    expect(error).not.toHaveBeenCalled()
    expect(visitor.explain('topics').reads).toBe(1)
  })
})
