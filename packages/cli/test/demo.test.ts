// `candor check` on the repository's demo: its catalog (demo/public/candor.json) and its six pages, with the code of its
// reader apps (app.html, react.html, vue.html) given with --uses. What it says is what the demo's catalog and pages are.
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { candor } from './run.js'

const demo = fileURLToPath(new URL('../../../demo/', import.meta.url))

it('the demo is clean: every attribute names a declared signal and option, every signal is used', async () => {
  const r = await candor(demo, 'check', 'public/candor.json', '*.html', '--uses', 'src/**/*.{ts,tsx}')
  expect(r).toEqual({ code: 0, out: ['public/candor.json and 6 pages: no problems found'], err: [] })
})

it('the demo’s front page alone uses every signal by its attributes', async () => {
  const r = await candor(demo, 'check', 'public/candor.json', 'index.html')
  expect(r).toEqual({ code: 0, out: ['public/candor.json and 1 page: no problems found'], err: [] })
})
