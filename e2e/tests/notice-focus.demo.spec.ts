// The control you used stays with you (#23): a declaration's notice that goes away while it holds focus (its Undo,
// Escape on Manage) hands focus back to the declaring control, not to <body>, on the script-tag page, the reader app
// (declareInContext) and the React app, even when the list re-renders and moves the control. Run by `demo`
// and `firefox-demo`.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const PAGES = [
  { path: '/', control: (page: Page) => page.locator('.top').getByRole('button', { name: 'Follow Science' }).first() },
  { path: '/app.html', control: (page: Page) => page.locator('#stories').getByRole('button', { name: 'Follow Culture' }).first() },
  { path: '/react.html', control: (page: Page) => page.locator('#react-app').getByRole('button', { name: 'Follow Culture' }).first() },
]
const notice = (page: Page) => page.locator('candor-notice').getByRole('status')

for (const { path, control } of PAGES) {
  test.describe(path, () => {
    test('Undo, clicked, gives focus back to the control, which keeps it after the list moves it back', async ({ page }) => {
      await page.goto(path)
      const follow = control(page)
      await follow.click()
      await expect(follow).toHaveAttribute('aria-pressed', 'true')
      await notice(page).getByRole('button', { name: 'Undo' }).click()
      await expect(notice(page)).toContainText('Undone')
      await expect(follow).toHaveAttribute('aria-pressed', 'false')
      await expect(follow).toBeFocused()
    })

    test('by keyboard: Enter, Tab to Undo, Enter; then Enter, Tab to Manage, Escape: focus is on the control each time', async ({ page }) => {
      await page.goto(path)
      const follow = control(page)
      await expect(follow).toHaveAttribute('aria-pressed', 'false')
      await follow.focus()
      await page.keyboard.press('Enter')
      await expect(notice(page).getByRole('button', { name: 'Undo' })).toBeVisible()
      await page.keyboard.press('Tab')
      await page.keyboard.press('Enter')
      await expect(follow).toHaveAttribute('aria-pressed', 'false')
      await expect(follow).toBeFocused()

      await page.keyboard.press('Enter')
      await expect(notice(page).getByRole('button', { name: 'Manage' })).toBeVisible()
      await page.keyboard.press('Tab')
      await page.keyboard.press('Tab')
      await expect(notice(page).getByRole('button', { name: 'Manage' })).toBeFocused()
      await page.keyboard.press('Escape')
      await expect(page.locator('candor-notice')).toHaveCount(0)
      await expect(follow).toBeFocused()
    })
  })
}
