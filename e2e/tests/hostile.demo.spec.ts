// Faults on the demo site (run by the `demo` and `firefox-demo` projects, like demo.spec.ts): what a
// visitor's page does when part of candor.js can't be had.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

// Keeps true: when candor-panel.js (or a chunk it imports) fails to load (a network error, replaced hashed
// chunks, a reload while it loads), no rejection is left unhandled and the page stays tailored.
test('when candor-panel.js fails to load, nothing is left unhandled and the page stays tailored', async ({ page }) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Your preferences' }).click()
  await page.locator('candor-widget dialog').getByRole('group', { name: 'Topics you follow' }).getByLabel('Science').check()
  // Every try fails, the retries too (`?retry=n`): else a retry started by the click could load it, should the try begun
  // on intent (the pointer on the button) fail before the click (seen in Firefox on a loaded machine).
  await page.route('**/candor-panel.js*', (route) => route.abort('failed'))
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Science' })).toBeVisible()
  // The click loads the panel, which fails: said once on the console with its likely cause, and to the visitor
  // where they clicked; the guard fixture then checks for unhandled rejections.
  const failed = page.waitForEvent('console', (m) => m.type() == 'error' && m.text().includes('candor-panel.js was refused from'))
  await page.getByRole('button', { name: 'Your preferences' }).click()
  expect((await failed).text()).toContain('offline, blocked, or not next to candor.js')
  await expect(page.getByRole('status').filter({ hasText: "Your preferences couldn't be opened. Try again." })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Science' })).toBeVisible()
  // The next try loads it again, instead of remembering the failure for the rest of the page.
  await page.unroute('**/candor-panel.js*')
  await page.getByRole('button', { name: 'Your preferences' }).click()
  await expect(panel(page)).toBeVisible()
})

const panel = (page: Page) => page.locator('candor-widget dialog')
const science = (page: Page) => page.getByRole('heading', { name: 'Science' })

/** Declares Science on the front page, through the panel. */
const declareScience = async (page: Page) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Your preferences' }).click()
  await panel(page).getByRole('group', { name: 'Topics you follow' }).getByLabel('Science').check()
  await page.keyboard.press('Escape')
  await expect(science(page)).toBeVisible()
}
const state = (page: Page) =>
  page.evaluate(async () => {
    const c = await (window as unknown as { Candor: { ready: Promise<{ level: string; get(id: string): unknown; history: unknown[] }> } }).Candor.ready
    return { level: c.level, topics: c.get('topics'), history: c.history.length }
  })

test('S21: words in the URL (query or hash) cannot drive Candor: nothing changes, nothing opens', async ({ page }) => {
  await declareScience(page)
  const before = await state(page)
  for (const url of [
    '/?candor-delete=1&candor-level=off&candor=off',
    '/#candor-config={"site":"other","signals":[]}',
    '/?topics=sports#candor-open=topics',
    '/?data-candor-show=topics:sports&klaro-testing#pc-delete',
  ]) {
    await page.goto(url)
    await expect(science(page)).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Sports' })).toBeHidden()
    await expect(panel(page)).toBeHidden()
    expect(await state(page)).toEqual(before)
  }
})

test('S22: erasing everything asks first; going back keeps every preference', async ({ page }) => {
  await declareScience(page)
  await page.getByRole('button', { name: 'Your preferences' }).click()
  const p = panel(page)
  await p.getByRole('button', { name: 'Erase everything' }).click()
  await expect(p.getByText('It can’t be undone.')).toBeVisible()
  // Nothing is erased by the first click: the page and storage are as they were.
  expect((await state(page)).topics).toEqual(['science'])
  await page.keyboard.press('Escape')
  await page.reload()
  await expect(science(page)).toBeVisible()
  expect((await state(page)).topics).toEqual(['science'])
})

test('S16: a script that breaks built-ins before candor.js (attachShadow, JSON.parse) cannot make Candor throw into the page', async ({ page }) => {
  await declareScience(page)
  await page.addInitScript(() => {
    Element.prototype.attachShadow = () => {
      throw new DOMException('patched by another script', 'NotSupportedError')
    }
    JSON.parse = () => {
      throw new SyntaxError('patched by another script')
    }
  })
  await page.reload()
  // The page is still readable: gated content resolves one way or the other, nothing stays hidden.
  await expect(
    page
      .getByRole('heading', { name: 'Science' })
      .or(page.getByRole('heading', { name: 'Top stories' }))
      .first(),
  ).toBeVisible()
  await page.getByRole('button', { name: 'Your preferences' }).click()
  // Give the panel's load on that click time to fail; the guard fixture checks nothing went uncaught.
  await page.waitForTimeout(1500)
})
