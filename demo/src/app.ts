import { createCandor, type Catalog } from '@candor/core'
import { declareInContext, explainInPlace, mountCandor } from '@candor/widget'
import { effect } from '@preact/signals-core'
// The same catalog file the script-tag pages load, so all three pages share one visitor's choices.
import catalogFile from '../public/candor.json'
import { stories } from './stories'

const candor = createCandor({ catalog: catalogFile as Catalog })
// A site would infer this from the visitor's IP address; here it is a fixed guess.
candor.infer('region', 'eu', { basis: 'your IP address suggests Europe' })
const widget = mountCandor(candor)
Object.assign(window, { candor, widget })

const $ = (sel: string) => document.querySelector(sel) as HTMLElement
// Answered in place; "Change" opens the panel at the signal.
$('#why').onclick = () => void explainInPlace(candor, $('#why'), 'topics', { open: (id) => widget.open(id) })

// One element per story, kept across renders: reordering moves them, so a control keeps its focus and its notice.
const topicLabel = (v: string) => candor.catalog.signals.find((s) => s.id == 'topics')?.options?.find((o) => o.value == v)?.label
const items = stories.map((s) => {
  const li = document.createElement('li')
  const link = document.createElement('a')
  link.href = '#' + s.title.toLowerCase().replace(/[^a-z]+/g, '-')
  link.textContent = s.title
  // Reading a story is the site's goal: counted for this view when the site measures.
  link.onclick = () => candor.goal('read')
  li.append(link)
  const tag = document.createElement('span')
  tag.className = 'tag'
  tag.textContent = 'for you'
  const label = topicLabel(s.topic)
  const follow = label ? document.createElement('button') : undefined
  if (follow) {
    follow.type = 'button'
    follow.className = 'follow'
    follow.textContent = `Follow ${label}`
    follow.onclick = () => void declareInContext(candor, follow, 'topics', s.topic, { open: (id) => widget.open(id) })
    li.append(' ', follow)
  }
  return { story: s, li, tag, follow }
})

candor.ready.then(() =>
  effect(() => {
    const list = $('#stories')
    const topics = (candor.get('topics', { reason: 'Orders your reading list', element: list }) as string[] | undefined) ?? []
    const declared = candor.explain('topics')
    document.body.classList.toggle('compact', candor.get('compact', { reason: 'Chooses the layout', element: document.body }) === true)
    const ordered = [...items].sort((a, b) => Number(topics.includes(b.story.topic)) - Number(topics.includes(a.story.topic)))
    const active = document.activeElement
    list.append(...ordered.map((i) => i.li))
    if (active instanceof HTMLElement && list.contains(active) && document.activeElement != active) active.focus({ preventScroll: true })
    for (const i of items) {
      const mine = topics.includes(i.story.topic)
      if (mine != i.tag.isConnected) mine ? i.li.insertBefore(i.tag, i.follow ?? null) : i.tag.remove()
      const held = declared.source == 'declared' && Array.isArray(declared.value) && declared.value.includes(i.story.topic)
      i.follow?.setAttribute('aria-pressed', String(held))
    }
    const events = $('#events')
    const region = candor.get('region', { reason: 'Lists events near you', element: events })
    events.textContent = region ? `Near you (${region == 'eu' ? 'Europe' : 'United States'}): the tram line opening, a jazz night.` : 'See the full calendar.'
    $('#greeting').textContent = candor.previewing ? 'You are seeing the page everyone sees.' : ''
  }),
)
