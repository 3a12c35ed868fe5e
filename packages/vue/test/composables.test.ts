// @vitest-environment happy-dom
import { createTestCandor } from '@candor/core/testing'
import { createApp, createSSRApp, defineComponent, effectScope, h, nextTick, type App } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { candorPlugin, provideCandor, useCandor, usePreference } from '../src/index'
import { catalog } from './fixtures'

const REASON = 'Orders your reading list'
type Instance = ReturnType<typeof createTestCandor>

/** The reading list: Science first for a visitor who follows it, the usual order otherwise. */
const ReadingList = defineComponent(() => {
  const topics = usePreference('topics', { reason: REASON })
  return () => h('p', (topics.value as string[] | undefined)?.includes('science') ? 'Science first' : 'Top stories')
})

let app: App | undefined
afterEach(() => {
  app?.unmount()
  app = undefined
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

const mount = (candor: Instance, component = ReadingList) => {
  const host = document.body.appendChild(document.createElement('div'))
  app = createApp(component).use(candorPlugin(candor))
  app.mount(host)
  return host
}

describe('usePreference', () => {
  it('renders what the visitor declared, and follows a change', async () => {
    const candor = createTestCandor({ catalog })
    const host = mount(candor)
    await nextTick()
    expect(host.textContent).toBe('Top stories')
    await candor.set('topics', ['science'])
    await nextTick()
    expect(host.textContent).toBe('Science first')
    await candor.setLevel('off')
    await nextTick()
    expect(host.textContent).toBe('Top stories')
  })

  it('is current as soon as the component is mounted, before anything is painted', () => {
    const host = mount(createTestCandor({ catalog, values: { topics: ['science'] } }))
    return nextTick().then(() => expect(host.textContent).toBe('Science first'))
  })

  it('counts one read per component, with its reason, however often the value changes', async () => {
    const candor = createTestCandor({ catalog, values: { topics: ['science'] } })
    // provideCandor in a parent gives the instance to the components below it.
    const host = document.body.appendChild(document.createElement('div'))
    app = createApp(
      defineComponent(() => {
        provideCandor(candor)
        return () => [h(ReadingList), h(ReadingList)]
      }),
    )
    app.mount(host)
    for (let i = 0; i < 5; i++) await candor.set('topics', i % 2 ? ['science'] : ['sports'])
    await nextTick()
    expect(candor.explain('topics').reads).toBe(2)
    expect(candor.usage.topics?.reasons).toEqual([REASON])
  })

  it('stops listening when its scope ends', async () => {
    const candor = createTestCandor({ catalog })
    const subscribe = vi.spyOn(candor, 'subscribe')
    const scope = effectScope()
    // Outside a component (a store, a test), an app's context gives the instance.
    const topics = createApp({ render: () => null })
      .use(candorPlugin(candor))
      .runWithContext(() => scope.run(() => usePreference('topics', { reason: REASON })))!
    expect(subscribe).toHaveBeenCalledTimes(1)
    await candor.set('topics', ['sports'])
    expect(topics.value).toEqual(['sports'])
    scope.stop()
    await candor.set('topics', ['science'])
    expect(topics.value).toEqual(['sports'])
  })

  it('is readonly', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    let topics: ReturnType<typeof usePreference> | undefined
    mount(
      createTestCandor({ catalog, values: { topics: ['science'] } }),
      defineComponent(() => {
        topics = usePreference('topics', { reason: REASON })
        return () => null
      }),
    )
    ;(topics as { value: unknown }).value = ['sports']
    expect(topics?.value).toEqual(['science'])
    expect(warn).toHaveBeenCalled()
  })

  it('names the fix when nothing provides an instance', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    expect(() => mount(undefined as unknown as Instance)).toThrow(/usePreference: no Candor instance provided/)
  })
})

describe('useCandor', () => {
  it('triggers on every change, so what is computed from the instance is current', async () => {
    const candor = createTestCandor({ catalog })
    const host = mount(
      candor,
      defineComponent(() => {
        const c = useCandor()
        return () => h('p', c.value.previewing ? 'as everyone sees it' : c.value.level)
      }),
    )
    expect(host.textContent).toBe('all')
    await candor.setLevel('declared')
    await nextTick()
    expect(host.textContent).toBe('declared')
    candor.preview(true)
    await nextTick()
    expect(host.textContent).toBe('as everyone sees it')
  })
})

describe('on the server, and hydrating', () => {
  it('renders the page as everyone sees it on the server, and hydrates it without a mismatch before tailoring', async () => {
    const server = createSSRApp(ReadingList).use(candorPlugin(createTestCandor({ catalog, values: { topics: ['science'] } })))
    const html = await renderToString(server)
    expect(html).toBe('<p>Top stories</p>')
    const warn = vi.spyOn(console, 'warn')
    const error = vi.spyOn(console, 'error')
    const host = document.body.appendChild(document.createElement('div'))
    host.innerHTML = html
    const visitor = createTestCandor({ catalog, values: { topics: ['science'] } })
    app = createSSRApp(ReadingList).use(candorPlugin(visitor))
    app.mount(host)
    await nextTick()
    expect(host.textContent).toBe('Science first')
    expect(warn).not.toHaveBeenCalled()
    expect(error).not.toHaveBeenCalled()
    expect(visitor.explain('topics').reads).toBe(1)
    // And it follows the visitor's changes from then on.
    await visitor.set('topics', ['sports'])
    await nextTick()
    expect(host.textContent).toBe('Top stories')
  })
})
