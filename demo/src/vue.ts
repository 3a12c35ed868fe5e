// The reader app again, in Vue with @candor/vue, written with render functions (no SFC compiler): the list is ranked
// by `useRanked`, each story declares in context, and the panel loads on intent. The same catalog and stories as the
// React app, so every page shares one visitor's choices.
import { createCandor, type Catalog } from '@candor/core'
import { candorPlugin, useCandor, useRanked } from '@candor/vue'
import { declareInContext } from '@candor/widget'
import { mountCandorLazy } from '@candor/widget/lazy'
import { computed, createApp, defineComponent, h, ref } from 'vue'
import catalogFile from '../public/candor.json'
import { stories, type Story } from './stories'

const candor = createCandor({ catalog: catalogFile as Catalog })
const widget = mountCandorLazy(candor)
Object.assign(window, { candor, widget })

const topicLabel = (v: string) => candor.catalog.signals.find((s) => s.id == 'topics')?.options?.find((o) => o.value == v)?.label

/** "Follow Science": one click declares it, with a notice right after (Undo, Manage). */
const Follow = defineComponent(
  (props: { topic: string }) => {
    // Whether the visitor's stored declaration holds it, current after every change; `explain` is no read.
    const c = useCandor()
    const held = computed(() => {
      const e = c.value.explain('topics')
      return e.source == 'declared' && Array.isArray(e.value) && e.value.includes(props.topic)
    })
    return () => {
      const label = topicLabel(props.topic)
      if (!label) return null
      // The notice goes after the button, inside this span: Vue's own nodes stay where it put them.
      return h('span', [
        h(
          'button',
          {
            type: 'button',
            class: 'follow',
            'aria-pressed': String(held.value),
            onClick: (ev: MouseEvent) => void declareInContext(candor, ev.currentTarget as Element, 'topics', props.topic, { open: (id) => widget.open(id) }),
          },
          `Follow ${label}`,
        ),
      ])
    }
  },
  { props: ['topic'] },
)

const StoryItem = defineComponent(
  (props: { story: Story; mine: boolean; summary: boolean }) => () => {
    const s = props.story
    return h('li', [
      h('a', { href: '#' + s.title.toLowerCase().replace(/[^a-z]+/g, '-'), onClick: () => candor.goal('read') }, s.title),
      props.mine ? h('span', { class: 'tag' }, 'for you') : null,
      ' ',
      h(Follow, { topic: s.topic }),
      props.summary ? h('p', { class: 'summary' }, s.summary) : null,
    ])
  },
  { props: ['story', 'mine', 'summary'] },
)

/**
 * The reading list: the visitor's topics first and those they want less of last, else the paper's order, with a
 * note of what moved, in the catalog's words. One read per signal, however often it renders.
 */
const ReadingList = defineComponent(() => {
  const { items, moved, labels } = useRanked(stories, {
    rank: 'topics',
    demote: 'muted-topics',
    about: (s) => s.topic,
    reason: 'Orders your reading list in the Vue app',
  })
  // Local state only: showing summaries renders the list again without any change to Candor.
  const summaries = ref(false)
  const note = computed(() =>
    [moved.value.up && `${moved.value.up} moved up for ${labels.value.join(', ')}`, moved.value.down && `${moved.value.down} moved down`]
      .filter(Boolean)
      .join(', '),
  )
  return () =>
    h('section', { 'aria-labelledby': 'vue-title' }, [
      h('h2', { id: 'vue-title' }, 'Your reading list'),
      h(
        'button',
        { type: 'button', class: 'why', 'aria-pressed': String(summaries.value), onClick: () => (summaries.value = !summaries.value) },
        'Show summaries',
      ),
      h('p', { class: 'note moved' }, note.value),
      h(
        'ol',
        { class: 'stories' },
        items.value.map((s) => h(StoryItem, { key: s.title, story: s, mine: moved.value.upValues.includes(s.topic), summary: summaries.value })),
      ),
    ])
})

const Greeting = defineComponent(() => {
  const c = useCandor()
  return () => h('p', { class: 'note', role: 'status' }, c.value.previewing ? 'You are seeing the page everyone sees.' : '')
})

createApp({ render: () => [h(Greeting), h(ReadingList)] })
  .use(candorPlugin(candor))
  .mount('#vue-app')
