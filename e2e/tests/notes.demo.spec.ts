// What you're not seeing (run by the `demo` and `firefox-demo` projects): a reordered list says what tailoring
// changed and shows the usual order for this view on request; the panel says what changed on the page.
import type { Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { expect, test } from './fixtures'

const order = (page: Page) => page.locator('.top .stories > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-candor-about')))
const PAGE_ORDER = ['sports', 'science', 'culture', 'business', 'sports', 'science', 'culture', 'business']
const TAILORED = ['sports', 'science', 'science', 'culture', 'business', 'sports', 'culture', 'business']

const followScience = async (page: Page) => {
  await page.goto('/')
  await page.locator('.top').getByRole('button', { name: 'Follow Science' }).first().click()
  await expect.poll(() => order(page)).toEqual(TAILORED)
}

test('a reordered list says what moved; its button shows the usual order for this view, then yours again; nothing stored changes', async ({ page }) => {
  await followScience(page)
  const note = page.getByRole('button', { name: '1 moved up for Science: show the usual order' })
  await expect(note).toHaveText('1 moved up for Science')
  await note.click()
  expect(await order(page)).toEqual(PAGE_ORDER)
  const back = page.getByRole('button', { name: 'In the usual order: show your order again' })
  await expect(back).toHaveText('In the usual order')
  await expect(back).toBeFocused()
  await page.keyboard.press('Enter')
  expect(await order(page)).toEqual(TAILORED)
  // For this view only: a reload is the visitor's order, and no note without tailoring.
  await note.click()
  await page.reload()
  await expect.poll(() => order(page)).toEqual(TAILORED)
  await page.evaluate(async () => {
    const c = (await (window as unknown as { Candor: { ready: Promise<{ forget(id: string): Promise<void> }> } }).Candor.ready) as {
      forget(id: string): Promise<void>
    }
    await c.forget('topics')
  })
  await expect(page.locator('.candor-note')).toHaveCount(0)
})

test('the panel says what tailoring changed on this page, with the shared page one click away', async ({ page }) => {
  await followScience(page)
  await page.getByRole('button', { name: 'Your preferences' }).click()
  const dialog = page.locator('candor-widget dialog')
  await expect(dialog.getByText(/^Tailoring changed this page: 2 shown for you and 1 reordered\.$/)).toBeVisible()
  await dialog.locator('.changes').getByRole('button', { name: 'See the page as everyone sees it' }).click()
  await expect.poll(() => order(page)).toEqual(PAGE_ORDER)
})

test.describe('axe-core', () => {
  test.skip(({ browserName }) => browserName != 'chromium', 'axe runs in Chromium')
  test.use({ bypassCSP: true })
  test('no violations with the note shown, and on a shared arrival', async ({ page }) => {
    await followScience(page)
    await expectNoAxeViolations(page, 'note shown')
    await page.goto('about:blank')
    await page.goto('/#candor=shared')
    await expect(page.locator('candor-arrival').getByRole('status')).toBeVisible()
    await expectNoAxeViolations(page, 'shared arrival')
  })
})
