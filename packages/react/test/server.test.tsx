// @vitest-environment node
/** @jsxImportSource react */
// A server render as Next.js does it: the module that creates the instance and mounts the panel runs on the server
// too (a 'use client' file is rendered there first). Nothing may throw or touch the DOM; the HTML is the page's order.
import { createCandor } from '@candor/core'
import { declareInContext, defineCandorElement, mountCandor } from '@candor/widget'
import { mountCandorLazy } from '@candor/widget/lazy'
import { renderToString } from 'react-dom/server'
import { describe, expect, it, vi } from 'vitest'
import { CandorProvider, useCandor, usePreference, useRanked } from '../src/index'
import { catalog } from './fixtures'

// --- module scope, as in a 'use client' file
const candor = createCandor({ catalog })
const widget = mountCandorLazy(candor)
// ---

const stories = [
  { title: 'Tram', topic: 'news' },
  { title: 'Moon', topic: 'science' },
]

function Front() {
  const { items, moved, labels } = useRanked(stories, { rank: 'topics', about: (s) => s.topic, reason: 'Orders the front page' })
  const compact = usePreference('compact', { reason: 'Fits more' })
  const c = useCandor()
  return (
    <main className={compact ? 'compact' : ''}>
      <ol>
        {items.map((s) => (
          <li key={s.title}>{s.title}</li>
        ))}
      </ol>
      <p>{moved.up ? `${moved.up} moved up for ${labels.join(', ')}` : c.level}</p>
      <button type="button" onClick={() => widget.open()}>
        Your preferences
      </button>
    </main>
  )
}

describe('on a server', () => {
  it('has no DOM here', () => {
    expect(typeof document).toBe('undefined')
    expect(typeof window).toBe('undefined')
  })

  it('creates the instance and mounts the panel at module scope without throwing, and renders the page’s order', async () => {
    const errors = vi.spyOn(console, 'error')
    await candor.ready
    // Even with something in use, the server renders the page as everyone sees it.
    await candor.set('topics', ['science'])
    const html = renderToString(
      <CandorProvider candor={candor}>
        <Front />
      </CandorProvider>,
    )
    expect(html).toBe('<main class=""><ol><li>Tram</li><li>Moon</li></ol><p>all</p><button type="button">Your preferences</button></main>')
    expect(candor.explain('topics').reads).toBe(0)
    expect(widget.host).toBeNull()
    widget.open()
    expect(mountCandor(candor).host).toBeNull()
    defineCandorElement(candor)
    await declareInContext(candor, {} as Element, 'topics', 'sports')
    expect(errors).not.toHaveBeenCalled()
  })
})
