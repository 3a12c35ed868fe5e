// examples/turbo: candor.js on a plain multi-page site with Hotwire Turbo 8, which swaps <body> on every visit.
import { test } from '@playwright/test'
import { clientNavigationJourney } from './client-navigation'
import { startExample, type Example } from './examples'

let site: Example
test.beforeAll(async () => {
  site = await startExample('turbo')
})
test.afterAll(async () => {
  await site?.stop()
})

test("A → B → A → B by Turbo's visits: tailored, the launcher follows the page, the panel opens, no stale notes, no errors", async ({ page }) => {
  await clientNavigationJourney(page, site, { loaded: 'turbo:load', pageB: '/events.html' })
})
