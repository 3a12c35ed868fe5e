// The site owner's view of measurement: the reports the demo's analytics kept (public/analytics.js),
// and what estimate() makes of them. A real site runs estimate() wherever its analytics are.
import { estimate, keepProbability, type CandorReport } from '@candor/core'

const KEY = 'daily-planet:reports'
const $ = (id: string) => document.getElementById(id)!
const kept = (): unknown[] => {
  try {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]')
    return Array.isArray(list) ? list : []
  } catch {
    return []
  }
}
const pct = (x: number) => `${(x * 100).toFixed(1)}%`
const cell = (tag: 'td' | 'th', text: string) => Object.assign(document.createElement(tag), { textContent: text })
const tableRow = (...cells: HTMLElement[]) => {
  const tr = document.createElement('tr')
  tr.append(...cells)
  return tr
}

const render = () => {
  const reports = kept()
  const e = estimate(reports)
  const out = $('estimate')
  out.replaceChildren()
  const head = document.createElement('p')
  head.textContent = `${e.reports.tailored} reports from tailored views, ${e.reports.holdout} from holdout views${e.ignored ? `, ${e.ignored} ignored` : ''}.`
  out.append(head)
  for (const [goal, g] of Object.entries(e.goals)) {
    const table = document.createElement('table')
    table.append(Object.assign(document.createElement('caption'), { textContent: `Goal “${goal}”` }))
    const thead = document.createElement('thead')
    thead.append(tableRow(cell('td', ''), cell('th', 'Reports'), cell('th', 'Estimated rate (95% interval)')))
    const body = document.createElement('tbody')
    for (const arm of ['tailored', 'holdout'] as const) {
      const r = g[arm]
      const th = cell('th', arm == 'tailored' ? 'Tailored' : 'As everyone sees it')
      th.scope = 'row'
      body.append(tableRow(th, cell('td', String(r.reports)), cell('td', r.reports ? `${pct(r.rate)} (${pct(r.low)} – ${pct(r.high)})` : '—')))
    }
    const th = cell('th', 'Tailoring made')
    th.scope = 'row'
    const d = g.difference
    body.append(tableRow(th, cell('td', ''), cell('td', `${d.value >= 0 ? '+' : ''}${pct(d.value)} (${pct(d.low)} – ${pct(d.high)})`)))
    table.append(thead, body)
    out.append(table)
  }
  const last = reports.at(-1)
  $('last').textContent = last ? JSON.stringify(last, null, 2) : 'None yet: read a story on the front page, then leave it.'
}

$('simulate').onclick = () => {
  const p = keepProbability(1)
  const week = (kept().at(-1) as CandorReport | undefined)?.week ?? '2026-W49'
  const added: CandorReport[] = Array.from({ length: 2000 }, (_, i) => {
    const arm = i % 10 ? 'tailored' : 'holdout'
    const reached = Math.random() < (arm == 'tailored' ? 0.3 : 0.25)
    return { format: 'candor/report', version: 1, arm, week, epsilon: 1, goals: { read: Math.random() < p ? reached : !reached } }
  })
  localStorage.setItem(KEY, JSON.stringify(kept().concat(added).slice(-20000)))
  render()
}
$('forget').onclick = () => {
  localStorage.removeItem(KEY)
  render()
}
addEventListener('storage', (e) => e.key == KEY && render())
render()
