import { effect } from '@preact/signals-core'
import { createCandor, type Catalog, type Level } from '@candor/core'

const catalog: Catalog = {
  site: 'daily-planet',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'Topics you follow',
      purpose: 'Puts stories on these topics first on the front page',
      options: [
        { value: 'sports', label: 'Sports' },
        { value: 'science', label: 'Science' },
        { value: 'culture', label: 'Culture' },
      ],
      lifetime: '180d',
    },
    {
      id: 'region',
      type: 'choice',
      source: 'inferred',
      label: 'Your region',
      purpose: 'Shows prices and events near you',
      options: [
        { value: 'eu', label: 'Europe' },
        { value: 'us', label: 'United States' },
      ],
    },
    { id: 'compact', type: 'boolean', label: 'Compact layout', purpose: 'Shows more headlines per screen' },
  ],
}

const stories = [
  { title: 'City council approves the new tram line', topic: 'news' },
  { title: 'Underdogs win the cup final on penalties', topic: 'sports' },
  { title: 'A telescope finds water on a distant moon', topic: 'science' },
  { title: 'The museum reopens with a record crowd', topic: 'culture' },
  { title: 'Marathon route announced for spring', topic: 'sports' },
  { title: 'Why bees dance: a new study', topic: 'science' },
  { title: 'Weekend weather: sun, then storms', topic: 'news' },
  { title: 'Jazz festival lineup revealed', topic: 'culture' },
]

const candor = createCandor({ catalog })
// A site would infer this from the visitor's IP address; here it is a fixed guess.
candor.infer('region', 'eu', { basis: 'your IP address suggests Europe' })
Object.assign(window, { candor })

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T
const el = (tag: string, props: object = {}, ...kids: (Node | string)[]): HTMLElement => {
  const e = Object.assign(document.createElement(tag), props)
  e.append(...kids)
  return e
}

const date = (t?: number) => (t ? new Date(t).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' }) : '')

const renderPrefs = () => {
  const box = $('#signals')
  box.replaceChildren(
    ...catalog.signals.map((s) => {
      const e = candor.explain(s.id)
      const field = el('fieldset', {}, el('legend', {}, s.label))
      if (s.type == 'boolean') {
        const input = el('input', { type: 'checkbox', checked: e.value === true }) as HTMLInputElement
        input.onchange = () => candor.set(s.id, input.checked)
        field.append(el('label', {}, input, ' On'))
      } else
        for (const o of s.options!) {
          const chosen = Array.isArray(e.value) ? e.value.includes(o.value) : e.value === o.value
          const input = el('input', { type: s.type == 'multi' ? 'checkbox' : 'radio', name: s.id, checked: chosen }) as HTMLInputElement
          input.onchange = () => {
            const now = candor.explain(s.id).value
            const list = Array.isArray(now) ? now : []
            candor.set(s.id, s.type == 'multi' ? (input.checked ? [...list, o.value] : list.filter((v) => v != o.value)) : o.value)
          }
          field.append(el('label', {}, input, ' ' + o.label))
        }
      const from = e.source == 'inferred' ? `inferred: ${e.basis}` : e.setAt ? `you told us on ${date(e.setAt)}` : 'not set'
      const fades = e.expiresAt ? ` · fades on ${date(e.expiresAt)}` : ''
      field.append(el('p', { className: 'why' }, `${s.purpose}. ${from}${fades} · ${e.state} · read ${e.reads}× on this page`))
      return field
    }),
  )
}

const renderPage = () => {
  const topics = (candor.get('topics', { reason: 'Orders the front page' }) as string[] | undefined) ?? []
  const compact = candor.get('compact', { reason: 'Chooses the layout' }) === true
  document.body.classList.toggle('compact', compact)
  const region = candor.get('region', { reason: 'Lists events near you' })
  $('#events').textContent = region ? `Events near you (${region == 'eu' ? 'Europe' : 'United States'}): the tram line opening, a jazz night.` : 'Events: see the full calendar.'
  const ordered = [...stories].sort((a, b) => Number(topics.includes(b.topic)) - Number(topics.includes(a.topic)))
  $('#stories').replaceChildren(
    ...ordered.map((s) => el('li', {}, s.title, ...(topics.includes(s.topic) ? [el('span', { className: 'tag' }, 'for you')] : []))),
  )
}

for (const input of document.querySelectorAll<HTMLInputElement>('input[name=level]')) input.onchange = () => candor.setLevel(input.value as Level)
$('#clear').onclick = () => confirm('Erase every preference this site stored in your browser?') && candor.clear()

candor.ready.then(() => {
  effect(() => {
    const level = candor.level
    for (const input of document.querySelectorAll<HTMLInputElement>('input[name=level]')) input.checked = input.value == level
    const s = candor.storage
    $('#storage').textContent = s.kind == 'indexeddb' ? 'Saved in this browser only.' : `Your choices can't be saved in this browser (${s.reason}): they last until you leave this page.`
  })
  effect(renderPage)
  candor.subscribe(renderPrefs)
  renderPrefs()
})
