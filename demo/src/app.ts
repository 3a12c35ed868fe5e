import { createCandor, type Catalog } from '@candor/core'
import { mountCandor } from '@candor/widget'
import { effect } from '@preact/signals-core'
// The same catalog file the script-tag pages load, so all three pages share one visitor's choices.
import catalogFile from '../public/candor.json'

const stories = [
  { title: 'City council approves the new tram line', topic: 'news' },
  { title: 'Underdogs win the cup final on penalties', topic: 'sports' },
  { title: 'A telescope finds water on a distant moon', topic: 'science' },
  { title: 'The museum reopens with a record crowd', topic: 'culture' },
  { title: 'Marathon route announced for spring', topic: 'sports' },
  { title: 'Why bees dance: a new study', topic: 'science' },
  { title: 'Weekend weather: sun, then storms', topic: 'news' },
  { title: 'Jazz festival lineup revealed', topic: 'culture' },
  { title: 'Corner bakery opens its fourth shop', topic: 'business' },
  { title: 'Rents ease for the first time in years', topic: 'business' },
]

const candor = createCandor({ catalog: catalogFile as Catalog })
// A site would infer this from the visitor's IP address; here it is a fixed guess.
candor.infer('region', 'eu', { basis: 'your IP address suggests Europe' })
const widget = mountCandor(candor)
Object.assign(window, { candor, widget })

const $ = (sel: string) => document.querySelector(sel) as HTMLElement
$('#why').onclick = () => widget.open('topics')

candor.ready.then(() =>
  effect(() => {
    const list = $('#stories')
    const topics = (candor.get('topics', { reason: 'Orders the front page', element: list }) as string[] | undefined) ?? []
    document.body.classList.toggle('compact', candor.get('compact', { reason: 'Chooses the layout', element: document.body }) === true)
    const ordered = [...stories].sort((a, b) => Number(topics.includes(b.topic)) - Number(topics.includes(a.topic)))
    list.replaceChildren(
      ...ordered.map((s) => {
        const li = document.createElement('li')
        li.textContent = s.title
        if (topics.includes(s.topic)) {
          const tag = document.createElement('span')
          tag.className = 'tag'
          tag.textContent = 'for you'
          li.append(tag)
        }
        return li
      }),
    )
    const events = $('#events')
    const region = candor.get('region', { reason: 'Lists events near you', element: events })
    events.textContent = region ? `Near you (${region == 'eu' ? 'Europe' : 'United States'}): the tram line opening, a jazz night.` : 'See the full calendar.'
    $('#greeting').textContent = candor.previewing ? 'You are seeing the page everyone sees.' : ''
  }),
)
