// Faults on the demo site (run by the `demo` and `firefox-demo` projects, like demo.spec.ts): what a
// visitor's page does when part of candor.js can't be had.
import { expect, test } from './fixtures'

// BUG: packages/dropin/src/candor.ts mounts the panel at idle with `idle(() => void mount(c))`, so when
// candor-panel.js (or a chunk it imports) fails to load — a network error, a deploy that replaced the
// hashed chunks, or (in Firefox) a reload while it loads — the import's rejection is unhandled
// ("unhandledrejection: TypeError: Failed to fetch dynamically imported module: …/candor-panel.js").
test('when candor-panel.js fails to load, nothing is left unhandled and the page stays tailored', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Your preferences' }).click()
  await page.locator('candor-widget dialog').getByRole('group', { name: 'Topics you follow' }).getByLabel('Science').check()
  await page.route('**/candor-panel.js', (route) => route.abort('failed'))
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Science' })).toBeVisible()
  // Give the idle-time load of the panel time to fail; the guard fixture then checks for unhandled rejections.
  await page.waitForTimeout(1500)
  await expect(page.getByRole('heading', { name: 'Science' })).toBeVisible()
})
