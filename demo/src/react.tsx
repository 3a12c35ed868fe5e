/** @jsxImportSource react */
// The reader app again, in React with @candor/react: the list is ranked by `useRanked`, each story
// declares in context, and the panel loads on intent. The rest of the demo is Preact; this file alone is React.
import { createCandor, type Catalog } from '@candor/core'
import { CandorProvider, useCandor, useRanked } from '@candor/react'
import { declareInContext } from '@candor/widget'
import { mountCandorLazy } from '@candor/widget/lazy'
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
// The same catalog file the other pages load, so every page shares one visitor's choices.
import catalogFile from '../public/candor.json'
import { stories, type Story } from './stories'

const candor = createCandor({ catalog: catalogFile as Catalog })
const widget = mountCandorLazy(candor)
Object.assign(window, { candor, widget })

const topicLabel = (v: string) => candor.catalog.signals.find((s) => s.id == 'topics')?.options?.find((o) => o.value == v)?.label

/** "Follow Science": one click declares it, with a notice right after (Undo, Manage). */
function Follow({ topic }: { topic: string }) {
  // Whether the visitor's stored declaration holds it, current after every change; `explain` is no read.
  const e = useCandor().explain('topics')
  const held = e.source == 'declared' && Array.isArray(e.value) && e.value.includes(topic)
  const label = topicLabel(topic)
  if (!label) return null
  return (
    // The notice goes after the button, inside this span: React's own nodes stay where it put them.
    <span>
      <button
        type="button"
        className="follow"
        aria-pressed={held}
        onClick={(ev) => void declareInContext(candor, ev.currentTarget, 'topics', topic, { open: (id) => widget.open(id) })}
      >
        Follow {label}
      </button>
    </span>
  )
}

function StoryItem({ story, mine, summary }: { story: Story; mine: boolean; summary: boolean }) {
  return (
    <li>
      <a href={'#' + story.title.toLowerCase().replace(/[^a-z]+/g, '-')} onClick={() => candor.goal('read')}>
        {story.title}
      </a>
      {mine && <span className="tag">for you</span>} <Follow topic={story.topic} />
      {summary && <p className="summary">{story.summary}</p>}
    </li>
  )
}

/**
 * The reading list: the visitor's topics first and those they want less of last, else the paper's order, with a
 * note of what moved, in the catalog's words. One read per signal, however often it renders.
 */
function ReadingList() {
  const { items, moved, labels } = useRanked(stories, {
    rank: 'topics',
    demote: 'muted-topics',
    about: (s) => s.topic,
    reason: 'Orders your reading list in the React app',
  })
  // Local state only: showing summaries renders the list again without any change to Candor.
  const [summaries, setSummaries] = useState(false)
  const note = [moved.up && `${moved.up} moved up for ${labels.join(', ')}`, moved.down && `${moved.down} moved down`].filter(Boolean).join(', ')
  return (
    <section aria-labelledby="react-title">
      <h2 id="react-title">Your reading list</h2>
      <button type="button" className="why" aria-pressed={summaries} onClick={() => setSummaries(!summaries)}>
        Show summaries
      </button>
      <p className="note moved">{note}</p>
      <ol className="stories">
        {items.map((s) => (
          <StoryItem key={s.title} story={s} mine={moved.upValues.includes(s.topic)} summary={summaries} />
        ))}
      </ol>
    </section>
  )
}

function Greeting() {
  const c = useCandor()
  return (
    <p className="note" role="status">
      {c.previewing ? 'You are seeing the page everyone sees.' : ''}
    </p>
  )
}

createRoot(document.getElementById('react-app')!).render(
  <StrictMode>
    <CandorProvider candor={candor}>
      <Greeting />
      <ReadingList />
    </CandorProvider>
  </StrictMode>,
)
