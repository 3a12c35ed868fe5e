// @vitest-environment happy-dom
/** @jsxImportSource react */
import { type Candor, type Catalog, defineCatalog } from '@candor/core'
import { createTestCandor } from '@candor/core/testing'
import { act, StrictMode, useState } from 'react'
import { createRoot, hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CandorProvider, type RankedItems, useRanked } from '../src/index'
import { catalog } from './fixtures'

beforeAll(() => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
})

let root: Root | undefined
afterEach(() => {
  act(() => root?.unmount())
  root = undefined
  document.body.replaceChildren()
  vi.restoreAllMocks()
})

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

/** Every result useRanked gave, in render order. */
const seen: RankedItems<Story>[] = []

/** The front page: the visitor's topics first, the muted last, with a note of what moved. */
function Front({ items = stories, keep }: { items?: Story[]; keep?: number }) {
  const ranked = useRanked(items, { rank: 'topics', demote: ['muted'], keep, about: (s) => s.topic, reason: REASON })
  seen.push(ranked)
  const { moved, labels } = ranked
  return (
    <>
      <ol>
        {ranked.items.map((s) => (
          <li key={s.title}>{s.title}</li>
        ))}
      </ol>
      <p>{moved.up ? `${moved.up} moved up for ${labels.join(', ')}` : ''}</p>
    </>
  )
}

/** Renders Front again with a counter that `rerender()` moves: a re-render that changes nothing of Candor's. */
let rerender = () => {}
function Rerendering({ items }: { items?: Story[] }) {
  const [n, setN] = useState(0)
  rerender = () => setN((x) => x + 1)
  return (
    <>
      <span>{n}</span>
      <Front items={items} />
    </>
  )
}

/** The fixture's catalog and a signal that moves topics down. */
const withMuted: Catalog = {
  ...catalog,
  signals: [...catalog.signals, { ...catalog.signals[0]!, id: 'muted', label: 'Topics you want less of', purpose: 'Moves them down' }],
}

const render = (ui: React.ReactNode) => {
  const host = document.body.appendChild(document.createElement('div'))
  root = createRoot(host)
  act(() => root!.render(ui))
  return host
}
const titles = (host: Element) => [...host.querySelectorAll('li')].map((li) => li.textContent).join(' ')

describe('useRanked', () => {
  it('puts the visitor’s topics first and the muted last, says what moved in the catalog’s words, and follows changes', async () => {
    const candor = createTestCandor({ catalog: withMuted })
    const host = render(
      <CandorProvider candor={candor}>
        <Front />
      </CandorProvider>,
    )
    expect(titles(host)).toBe('Tram Cup Moon Bees')
    expect(host.querySelector('p')!.textContent).toBe('')
    await act(() => candor.set('topics', ['science']))
    expect(titles(host)).toBe('Moon Bees Tram Cup')
    expect(host.querySelector('p')!.textContent).toBe('2 moved up for Science')
    await act(() => candor.set('muted', ['sports']))
    expect(titles(host)).toBe('Moon Bees Tram Cup')
    expect(seen.at(-1)!.moved).toEqual({ up: 2, upValues: ['science'], down: 1 })
    await act(() => candor.set('topics', []))
    expect(titles(host)).toBe('Tram Moon Bees Cup')
    expect(seen.at(-1)!.moved).toEqual({ up: 0, upValues: [], down: 1 })
    await act(() => candor.set('topics', ['science']))
    // Nothing may be used: the page's order.
    act(() => candor.preview(true))
    expect(titles(host)).toBe('Tram Cup Moon Bees')
    expect(seen.at(-1)!.moved).toEqual({ up: 0, upValues: [], down: 0 })
  })

  it('keeps the first `keep` items where the page put them', () => {
    const candor = createTestCandor({ catalog: withMuted, values: { topics: ['science'] } })
    const host = render(
      <CandorProvider candor={candor}>
        <Front keep={1} />
      </CandorProvider>,
    )
    expect(titles(host)).toBe('Tram Moon Bees Cup')
  })

  it('counts one read per signal for the component, with its reason, across re-renders and StrictMode', async () => {
    const candor = createTestCandor({ catalog: withMuted, values: { topics: ['science'] } })
    render(
      <StrictMode>
        <CandorProvider candor={candor}>
          <Rerendering />
        </CandorProvider>
      </StrictMode>,
    )
    for (let i = 0; i < 5; i++) act(() => rerender())
    await act(() => candor.set('topics', ['sports']))
    expect(candor.explain('topics').reads).toBe(1)
    expect(candor.explain('muted').reads).toBe(1)
    expect(candor.usage.topics?.reasons).toEqual([REASON])
    expect(candor.usage.muted?.reasons).toEqual([REASON])
  })

  it('gives the same items until the instance or the input array changes', async () => {
    const candor = createTestCandor({ catalog: withMuted, values: { topics: ['science'] } })
    seen.length = 0
    render(
      <CandorProvider candor={candor}>
        <Rerendering />
      </CandorProvider>,
    )
    act(() => rerender())
    act(() => rerender())
    expect(new Set(seen.map((r) => r.items)).size).toBe(1)
    await act(() => candor.set('topics', ['sports']))
    expect(seen.at(-1)!.items).not.toBe(seen[0]!.items)
    const before = seen.at(-1)!.items
    const next = stories.slice(1)
    act(() =>
      root!.render(
        <CandorProvider candor={candor}>
          <Rerendering items={next} />
        </CandorProvider>,
      ),
    )
    expect(seen.at(-1)!.items).not.toBe(before)
    expect(seen.at(-1)!.items.map((s) => s.title)).toEqual(['Cup', 'Moon', 'Bees'])
  })

  it('renders the page’s order on the server, hydrates it without a mismatch, then tailors', async () => {
    const errors = vi.spyOn(console, 'error')
    const recoverable = vi.fn()
    const app = (candor: Candor) => (
      <CandorProvider candor={candor}>
        <Front />
      </CandorProvider>
    )
    const server = createTestCandor({ catalog: withMuted, values: { topics: ['science'] } })
    const html = renderToString(app(server))
    expect(html).toContain('<li>Tram</li><li>Cup</li><li>Moon</li><li>Bees</li>')
    expect(server.explain('topics').reads).toBe(0)
    const host = document.body.appendChild(document.createElement('div'))
    host.innerHTML = html
    const visitor = createTestCandor({ catalog: withMuted, values: { topics: ['science'] } })
    await act(async () => {
      root = hydrateRoot(host, app(visitor), { onRecoverableError: recoverable })
    })
    expect(titles(host)).toBe('Moon Bees Tram Cup')
    expect(recoverable).not.toHaveBeenCalled()
    expect(errors).not.toHaveBeenCalled()
    expect(visitor.explain('topics').reads).toBe(1)
  })

  it('names the fix when there is no provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<Front />)).toThrow('useRanked: no <CandorProvider candor={…}> above this component')
  })
})

/** Typed by its catalog: the ids of `rank` and `demote` are checked (by tsc). */
const typed = defineCatalog({
  site: 'typed',
  signals: [{ id: 'topics', type: 'multi', label: 'Topics', purpose: 'Orders the list', options: [{ value: 'science', label: 'Science' }] }],
})
export function useTypedRanking() {
  const ok = useRanked<Story, Candor<typeof typed>>(stories, { rank: ['topics'], about: (s) => s.topic, reason: REASON })
  // @ts-expect-error: an id the catalog doesn't declare
  useRanked<Story, Candor<typeof typed>>(stories, { rank: 'topcs', about: (s) => s.topic, reason: REASON })
  return ok
}
