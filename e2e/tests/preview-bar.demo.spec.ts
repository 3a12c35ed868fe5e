// The bar of a page shown as everyone sees it (#23): at 320 px it takes one line of text and its button, not three
// lines, and it never sits over the site's header, also when the page is scrolled (it is at the bottom of the window).
// Run by `demo` and `firefox-demo`.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const bar = (page: Page) => page.locator('candor-arrival').getByRole('status')

test('at 320 px the preview bar is one line and its button, at the bottom, clear of the header, scrolled or not', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 })
  await page.goto('/')
  await page.getByRole('button', { name: 'Your preferences' }).first().click()
  const dialog = page.locator('candor-widget dialog')
  await dialog.getByRole('button', { name: 'See the page as everyone sees it' }).click()
  if (await dialog.isVisible()) await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(bar(page)).toContainText('You are seeing the page as everyone sees it. Nothing you chose was changed.')

  const text = bar(page).locator('p')
  const button = bar(page).getByRole('button', { name: 'Back to my page' })
  const lineHeight = await text.evaluate((p) => parseFloat(getComputedStyle(p).lineHeight))
  expect((await text.boundingBox())!.height).toBeLessThanOrEqual(lineHeight + 1)
  const { height } = (await bar(page).boundingBox())!
  expect(height).toBeLessThanOrEqual(lineHeight + (await button.boundingBox())!.height + 24)

  for (const scroll of [0, 600]) {
    await page.evaluate((y) => scrollTo(0, y), scroll)
    const b = (await bar(page).boundingBox())!
    const header = (await page.locator('header.masthead').boundingBox())!
    // Clear of the header wherever it is, and within the window, at its bottom edge.
    expect(b.y >= header.y + header.height || b.y + b.height <= header.y).toBe(true)
    expect(b.y + b.height).toBeCloseTo(640, 0)
  }
  await button.click()
  await expect(page.locator('candor-arrival')).toHaveCount(0)
})
