// Screenshot baselines of the panel's main states, so a visual regression fails a test instead of waiting
// for someone to look. Chromium only (the baselines are its rendering); a fresh visitor, so nothing dated
// is drawn. After a deliberate change of look: `npx playwright test visual --update-snapshots`, then look
// at the new images before committing them.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const shot = { animations: 'disabled', caret: 'hide', maxDiffPixelRatio: 0.01 } as const
const panel = (page: Page) => page.locator('candor-widget dialog')

test.skip(({ browserName }) => browserName != 'chromium', 'baselines are drawn in Chromium')

/** The front page with the panel open from the header's button. */
const openPanel = async (page: Page) => {
  await page.goto('/')
  await page.getByRole('button', { name: 'Your preferences' }).first().click()
  await expect(panel(page)).toBeVisible()
  // Its fonts and the options' columns settle before the picture is taken.
  await page.evaluate(() => document.fonts.ready)
}

test('the panel, open, on a wide screen in the light', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await openPanel(page)
  await expect(panel(page)).toHaveScreenshot('panel-1280-light.png', shot)
})

test('the panel, open, on a phone in the dark', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 })
  await page.emulateMedia({ colorScheme: 'dark' })
  await openPanel(page)
  await expect(panel(page)).toHaveScreenshot('panel-360-dark.png', shot)
})

test('a declaration in context: the control pressed and its notice with Undo', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto('/')
  const follow = page.getByRole('button', { name: 'Follow Science' }).first()
  await follow.click()
  await expect(follow).toHaveAttribute('aria-pressed', 'true')
  const notice = page.getByRole('status').filter({ hasText: 'Science added' })
  await expect(notice).toBeVisible()
  await expect(notice).toHaveScreenshot('declare-notice-light.png', shot)
})

test('the settings page’s inline panel in the dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto('/privacy.html')
  const inline = page.locator('candor-preferences')
  await expect(inline.getByRole('heading', { name: 'Your preferences on this site' })).toBeVisible()
  await page.evaluate(() => document.fonts.ready)
  await expect(page).toHaveScreenshot('privacy-1280-dark.png', shot)
})
