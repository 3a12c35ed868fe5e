// @vitest-environment happy-dom
/** @jsxImportSource react */
// The README's example as written there (packages/react/README.md and the main README), so it keeps compiling and doing what it says.
import { type Catalog, createCandor } from '@candor/core'
import { CandorProvider, usePreference, useRanked } from '@candor/react'
import { mountCandorLazy } from '@candor/widget/lazy'
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { expect, it } from 'vitest'
import { catalog } from './fixtures'

interface Story {
  title: string
  topic: string
}
const stories: Story[] = [
  { title: 'Cup final', topic: 'sports' },
  { title: 'Water on a moon', topic: 'science' },
]
;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

// --- as in the README
const candor = createCandor({ catalog })
mountCandorLazy(candor) // the "Your preferences" panel, loaded on intent

function ReadingList({ stories }: { stories: Story[] }) {
  const topics = usePreference('topics', { reason: 'Orders your reading list' })
  const mine = (s: Story) => Number(Array.isArray(topics) && topics.includes(s.topic))
  return (
    <ol>
      {[...stories]
        .sort((a, b) => mine(b) - mine(a))
        .map((s) => (
          <li key={s.title}>{s.title}</li>
        ))}
    </ol>
  )
}
// ---

it('the README example puts the visitor’s topics first, and the panel’s launcher is on the page', async () => {
  const el = document.body.appendChild(document.createElement('div'))
  await candor.ready
  await act(() =>
    createRoot(el).render(
      <CandorProvider candor={candor}>
        <ReadingList stories={stories} />
      </CandorProvider>,
    ),
  )
  expect(el.textContent).toBe('Cup finalWater on a moon')
  await act(() => candor.set('topics', ['science']))
  expect(el.textContent).toBe('Water on a moonCup final')
  expect(document.querySelector('candor-widget')?.shadowRoot?.querySelector('button')?.textContent).toContain('Your preferences')
  // The panel's element, typed in JSX by @candor/react.
  const inline = <candor-preferences lang="de" theme="dark" no-shadow />
  expect(inline.props).toEqual({ lang: 'de', theme: 'dark', 'no-shadow': true })
  // @ts-expect-error: the panel knows two themes.
  void (<candor-preferences theme="blue" />)
})

// --- useRanked, as in the README
function FrontPage({ stories }: { stories: Story[] }) {
  const { items, moved, labels } = useRanked(stories, {
    rank: 'topics', // the signal(s) whose values move items up
    demote: 'muted-topics', // optional: the signal(s) whose values move items down, last
    keep: 1, // optional: the first item stays where the page put it, for everyone
    about: (s) => s.topic, // a value, or values, of those signals
    reason: 'Orders the front page',
  })
  return (
    <>
      {moved.up > 0 && (
        <p>
          {moved.up} moved up for {labels.join(', ')}
        </p>
      )}
      <ol>
        {items.map((s) => (
          <li key={s.title}>{s.title}</li>
        ))}
      </ol>
    </>
  )
}
// ---

it('the README’s useRanked example keeps the first story, moves the rest, and says so in the catalog’s words', async () => {
  const el = document.body.appendChild(document.createElement('div'))
  const c = createCandor({
    catalog: {
      ...catalog,
      signals: [...catalog.signals, { ...catalog.signals[0]!, id: 'muted-topics', label: 'Less of', purpose: 'Moves them down' }],
    } as Catalog,
    storage: 'memory',
  })
  await c.ready
  const three = [stories[0]!, { title: 'Rain', topic: 'news' }, stories[1]!]
  await act(() =>
    createRoot(el).render(
      <CandorProvider candor={c}>
        <FrontPage stories={three} />
      </CandorProvider>,
    ),
  )
  expect(el.textContent).toBe('Cup finalRainWater on a moon')
  await act(() => c.set('topics', ['science']))
  expect(el.textContent).toBe('1 moved up for ScienceCup finalWater on a moonRain')
  await act(() => c.set('muted-topics', ['science']))
  expect(el.textContent).toBe('Cup finalRainWater on a moon')
})
