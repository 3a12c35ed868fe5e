// @vitest-environment happy-dom
// The README's example as written there (packages/vue/README.md and the main README), so it keeps compiling and
// doing what it says; the template is its render function here.
import { type Catalog, createCandor } from '@candor/core'
import { candorPlugin, usePreference, useRanked } from '@candor/vue'
import { mountCandorLazy } from '@candor/widget/lazy'
import { computed, createApp, defineComponent, h, nextTick } from 'vue'
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

const App = defineComponent(() => {
  // --- ReadingList.vue's <script setup>, as in the README
  const topics = usePreference('topics', { reason: 'Orders your reading list' })
  const mine = (s: Story) => Number(Array.isArray(topics.value) && topics.value.includes(s.topic))
  const ordered = computed(() => [...stories].sort((a, b) => mine(b) - mine(a)))
  // ---
  return () =>
    h(
      'ol',
      ordered.value.map((s) => h('li', { key: s.title }, s.title)),
    )
})

it('the README example puts the visitor’s topics first, and the panel’s launcher is on the page', async () => {
  const el = document.body.appendChild(document.createElement('div'))
  // --- main.ts, as in the README
  const candor = createCandor({ catalog })
  createApp(App).use(candorPlugin(candor)).mount(el)
  mountCandorLazy(candor) // the "Your preferences" panel, from @candor/widget/lazy
  // ---
  await candor.ready
  await nextTick()
  expect(el.textContent).toBe('Cup finalWater on a moon')
  await candor.set('topics', ['science'])
  await nextTick()
  expect(el.textContent).toBe('Water on a moonCup final')
  expect(document.querySelector('candor-widget')?.shadowRoot?.querySelector('button')?.textContent).toContain('Your preferences')
})

const Front = defineComponent(() => {
  const three = [stories[0]!, { title: 'Rain', topic: 'news' }, stories[1]!]
  // --- useRanked's <script setup>, as in the README (with three stories)
  const { items, moved, labels } = useRanked(three, {
    rank: 'topics', // the signal(s) whose values move items up
    demote: 'muted-topics', // optional: the signal(s) whose values move items down, last
    keep: 1, // optional: the first item stays where the page put it, for everyone
    about: (s) => s.topic, // a value, or values, of those signals
    reason: 'Orders the front page',
  })
  // ---
  return () => [
    moved.value.up ? h('p', `${moved.value.up} moved up for ${labels.value.join(', ')}`) : null,
    h(
      'ol',
      items.value.map((s) => h('li', { key: s.title }, s.title)),
    ),
  ]
})

it('the README’s useRanked example keeps the first story, moves the rest, and says so in the catalog’s words', async () => {
  const el = document.body.appendChild(document.createElement('div'))
  const candor = createCandor({
    catalog: {
      ...catalog,
      signals: [...catalog.signals, { ...catalog.signals[0]!, id: 'muted-topics', label: 'Less of', purpose: 'Moves them down' }],
    } as Catalog,
    storage: 'memory',
  })
  await candor.ready
  createApp(Front).use(candorPlugin(candor)).mount(el)
  await nextTick()
  expect(el.textContent).toBe('Cup finalRainWater on a moon')
  await candor.set('topics', ['science'])
  await nextTick()
  expect(el.textContent).toBe('1 moved up for ScienceCup finalWater on a moonRain')
  await candor.set('muted-topics', ['science'])
  await nextTick()
  expect(el.textContent).toBe('Cup finalRainWater on a moon')
})
