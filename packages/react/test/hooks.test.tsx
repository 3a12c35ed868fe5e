// @vitest-environment happy-dom
/** @jsxImportSource react */
import { type Candor, defineCatalog } from '@candor/core'
import { createTestCandor } from '@candor/core/testing'
import { act, StrictMode, useState } from 'react'
import { createRoot, hydrateRoot, type Root } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { CandorProvider, useCandor, usePreference } from '../src/index'
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

const REASON = 'Orders your reading list'

/** The reading list: Science first for a visitor who follows it, the usual order otherwise. */
function ReadingList() {
  const topics = usePreference('topics', { reason: REASON }) as string[] | undefined
  return <p>{topics?.includes('science') ? 'Science first' : 'Top stories'}</p>
}

/** Renders `Child` with a counter that `rerender()` moves: a re-render that changes nothing of Candor's. */
let rerender = () => {}
function Rerendering({ Child }: { Child: () => React.ReactNode }) {
  const [n, setN] = useState(0)
  rerender = () => setN((x) => x + 1)
  return (
    <>
      <span>{n}</span>
      <Child />
    </>
  )
}

/** Every value usePreference gave it, in render order. */
const seen: unknown[] = []
function Probe() {
  seen.push(usePreference('topics', { reason: REASON }))
  return null
}

function Level() {
  const c = useCandor()
  return <p>{c.previewing ? 'as everyone sees it' : c.level}</p>
}

/** An instance typed by its catalog (defineCatalog): ids follow into the hooks (checked by tsc). */
const typedCatalog = defineCatalog({
  site: 'typed',
  signals: [
    { id: 'topics', type: 'multi', label: 'Topics', purpose: 'Orders the list', options: [{ value: 'science', label: 'Science' }] },
    { id: 'compact', type: 'boolean', label: 'Compact', purpose: 'Fits more' },
  ],
})
type Typed = Candor<typeof typedCatalog>
export function useTypedReads() {
  const topics: string[] | boolean | undefined = usePreference<Typed>('topics', { reason: REASON })
  // @ts-expect-error: an id the catalog doesn't declare
  usePreference<Typed>('topcs', { reason: REASON })
  // @ts-expect-error: a reason is required
  usePreference<Typed>('compact', {})
  return topics
}

const render = (ui: React.ReactNode) => {
  const host = document.body.appendChild(document.createElement('div'))
  root = createRoot(host)
  act(() => root!.render(ui))
  return host
}

describe('usePreference', () => {
  it('renders what the visitor declared, and follows a change', async () => {
    const candor = createTestCandor({ catalog })
    const host = render(
      <CandorProvider candor={candor}>
        <ReadingList />
      </CandorProvider>,
    )
    expect(host.textContent).toBe('Top stories')
    await act(() => candor.set('topics', ['science']))
    expect(host.textContent).toBe('Science first')
    await act(() => candor.turnOff('topics'))
    expect(host.textContent).toBe('Top stories')
  })

  it('shows the page as everyone sees it at level off and in the preview', async () => {
    const candor = createTestCandor({ catalog, values: { topics: ['science'] } })
    const host = render(
      <CandorProvider candor={candor}>
        <ReadingList />
      </CandorProvider>,
    )
    expect(host.textContent).toBe('Science first')
    act(() => candor.preview(true))
    expect(host.textContent).toBe('Top stories')
    act(() => candor.preview(false))
    await act(() => candor.setLevel('off'))
    expect(host.textContent).toBe('Top stories')
  })

  it('counts a component as one read, with its reason, across 10 re-renders', () => {
    const candor = createTestCandor({ catalog, values: { topics: ['science'] } })
    const host = render(
      <CandorProvider candor={candor}>
        <Rerendering Child={ReadingList} />
      </CandorProvider>,
    )
    for (let i = 0; i < 10; i++) act(() => rerender())
    expect(host.textContent).toBe('10Science first')
    expect(candor.usage.topics?.count).toBe(1)
    expect(candor.usage.topics?.reasons).toEqual([REASON])
    // What the panel says: "Used on this page 1 time".
    expect(candor.explain('topics').reads).toBe(1)
  })

  it('counts one read per component under StrictMode, and one more for each other component', async () => {
    const candor = createTestCandor({ catalog, values: { topics: ['science'] } })
    render(
      <StrictMode>
        <CandorProvider candor={candor}>
          <ReadingList />
          <ReadingList />
        </CandorProvider>
      </StrictMode>,
    )
    await act(() => candor.set('topics', ['sports']))
    await act(() => candor.set('topics', ['science']))
    expect(candor.explain('topics').reads).toBe(2)
  })

  it('gives the same array until the instance changes, so no render loops and effects run once per change', async () => {
    const errors = vi.spyOn(console, 'error')
    const candor = createTestCandor({ catalog, values: { topics: ['science'] } })
    seen.length = 0
    render(
      <CandorProvider candor={candor}>
        <Rerendering Child={Probe} />
      </CandorProvider>,
    )
    act(() => rerender())
    act(() => rerender())
    expect(seen.length).toBe(3)
    expect(new Set(seen).size).toBe(1)
    await act(() => candor.set('topics', ['sports', 'science']))
    expect(seen.at(-1)).toEqual(['sports', 'science'])
    expect(seen.at(-1)).not.toBe(seen[0])
    expect(errors).not.toHaveBeenCalled()
  })

  it('names the fix when there is no provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => render(<ReadingList />)).toThrow('usePreference: no <CandorProvider candor={…}> above this component')
  })
})

describe('useCandor', () => {
  it('renders again on every change, so what the component reads of the instance is current', async () => {
    const candor = createTestCandor({ catalog })
    const host = render(
      <CandorProvider candor={candor}>
        <Level />
      </CandorProvider>,
    )
    expect(host.textContent).toBe('all')
    await act(() => candor.setLevel('declared'))
    expect(host.textContent).toBe('declared')
    act(() => candor.preview(true))
    expect(host.textContent).toBe('as everyone sees it')
  })
})

describe('on the server, and hydrating', () => {
  it('renders the page as everyone sees it on the server, whatever the instance holds', () => {
    const server = createTestCandor({ catalog, values: { topics: ['science'] } })
    const html = renderToString(
      <CandorProvider candor={server}>
        <ReadingList />
      </CandorProvider>,
    )
    expect(html).toBe('<p>Top stories</p>')
    // The server's render is not the visitor's read.
    expect(server.explain('topics').reads).toBe(0)
  })

  it('hydrates the baseline without a mismatch, then tailors and counts the read', async () => {
    const errors = vi.spyOn(console, 'error')
    const recoverable = vi.fn()
    const app = (candor: ReturnType<typeof createTestCandor>) => (
      <CandorProvider candor={candor}>
        <ReadingList />
      </CandorProvider>
    )
    const host = document.body.appendChild(document.createElement('div'))
    host.innerHTML = renderToString(app(createTestCandor({ catalog })))
    const visitor = createTestCandor({ catalog, values: { topics: ['science'] } })
    await act(async () => {
      root = hydrateRoot(host, app(visitor), { onRecoverableError: recoverable })
    })
    expect(host.textContent).toBe('Science first')
    expect(recoverable).not.toHaveBeenCalled()
    expect(errors).not.toHaveBeenCalled()
    expect(visitor.explain('topics').reads).toBe(1)
    // And it follows the visitor's changes from then on.
    await act(() => visitor.set('topics', ['sports']))
    expect(host.textContent).toBe('Top stories')
    await act(() => visitor.set('topics', ['science']))
    expect(host.textContent).toBe('Science first')
  })
})
