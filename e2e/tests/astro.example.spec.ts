// examples/astro: candor.js by script tag on an Astro 5 site with <ClientRouter />, which swaps <body> on every navigation.
import { test } from '@playwright/test'
import { clientNavigationJourney } from './client-navigation'
import { startExample, type Example } from './examples'

let site: Example
test.beforeAll(async () => {
  site = await startExample('astro')
})
test.afterAll(async () => {
  await site?.stop()
})

test('A → B → A → B by the ClientRouter: tailored, the launcher follows the page, the panel opens, no stale notes, no errors', async ({ page }) => {
  await clientNavigationJourney(page, site, { loaded: 'astro:page-load', pageB: '/events/' })
})
