'use client'
// The front page's tailored part. useRanked gives the stories in the visitor's order (the order given on the server
// and while hydrating, so hydration matches), with what moved; "Follow …" declares a topic in one click.
import { CandorProvider, useCandor, useRanked } from '@candor/react'
import { declareInContext } from '@candor/widget'
import { candor, panel } from './candor'
import type { Story } from './stories'

const topicLabel = (value: string) => candor.catalog.signals.find((s) => s.id == 'topics')?.options?.find((o) => o.value == value)?.label

/** "Follow Science": stored at once, with a notice after the button (Undo, Manage). */
function Follow({ topic }: { topic: string }) {
  // `explain` says what is stored, without counting a read; useCandor renders again after every change.
  const e = useCandor().explain('topics')
  const label = topicLabel(topic)
  const held = e.source == 'declared' && Array.isArray(e.value) && e.value.includes(topic)
  if (!label) return null
  return (
    // The notice goes after the button, inside this span, so React's own nodes stay where it put them.
    <span>
      <button
        type="button"
        aria-pressed={held}
        onClick={(ev) => void declareInContext(candor, ev.currentTarget, 'topics', topic, { open: (id) => panel.open(id) })}
      >
        Follow {label}
      </button>
    </span>
  )
}

function Stories({ stories }: { stories: Story[] }) {
  const { items, moved, labels } = useRanked(stories, {
    rank: 'topics',
    demote: 'muted-topics',
    about: (s) => s.topic,
    reason: 'Orders the front page',
  })
  const note = [moved.up ? `${moved.up} moved up for ${labels.join(', ')}` : '', moved.down ? `${moved.down} moved down` : ''].filter(Boolean).join(', ')
  return (
    <section aria-label="Stories">
      <p className="note" role="status">
        {note}
      </p>
      <ol className="stories">
        {items.map((s) => (
          <li key={s.title}>
            <strong>{s.title}</strong> <Follow topic={s.topic} />
          </li>
        ))}
      </ol>
    </section>
  )
}

/** The stories from the server page, tailored here. */
export function FrontPage({ stories }: { stories: Story[] }) {
  return (
    <CandorProvider candor={candor}>
      <p>
        <button type="button" onClick={() => panel.open()}>
          Manage your preferences
        </button>
      </p>
      <Stories stories={stories} />
    </CandorProvider>
  )
}
