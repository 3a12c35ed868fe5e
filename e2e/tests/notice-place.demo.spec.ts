// The notice never covers the control it is about (#23): it sits below the declaring control, or above it when
// only that side has room, inside the viewport, and stays beside it as the page scrolls: on a phone and a wide
// screen, on the script-tag page, the reader app (declareInContext) and the React app. Run by `demo` and `firefox-demo`.
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

const PAGES = [
  { path: '/', control: (page: Page) => page.locator('.top').getByRole('button', { name: 'Follow Science' }).first() },
  { path: '/app.html', control: (page: Page) => page.locator('#stories').getByRole('button', { name: 'Follow Culture' }).first() },
  { path: '/react.html', control: (page: Page) => page.locator('#react-app').getByRole('button', { name: 'Follow Culture' }).first() },
]
const SIZES = [
  { width: 360, height: 740 },
  { width: 1280, height: 720 },
]

/** Where the notice and the control are now, and whether one covers the other or the notice leaves the viewport. */
const layout = async (page: Page, control: Locator) => {
  const n = (await page.locator('candor-notice').getByRole('status').boundingBox())!
  const c = (await control.boundingBox())!
  const size = page.viewportSize()!
  const covers = n.x < c.x + c.width && c.x < n.x + n.width && n.y < c.y + c.height && c.y < n.y + n.height
  const outside = n.x < 0 || n.y < 0 || n.x + n.width > size.width || n.y + n.height > size.height
  return { covers, outside }
}

for (const size of SIZES)
  for (const { path, control } of PAGES)
    test(`${path} at ${size.width} px: the notice is beside the control, in view, also when the control is low on the screen`, async ({ page }) => {
      await page.setViewportSize(size)
      await page.goto(path)
      const follow = control(page)
      await follow.click()
      await expect(page.locator('candor-notice').getByRole('button', { name: 'Undo' })).toBeVisible()
      await expect.poll(() => layout(page, follow)).toEqual({ covers: false, outside: false })
      // Scrolled so the control is near the bottom, where a notice fixed low on the screen would sit over it (room
      // above and below the page first, so a short page can scroll that far).
      await follow.evaluate((el) => {
        document.body.style.paddingBlock = '100vh'
        scrollBy(0, el.getBoundingClientRect().bottom - innerHeight + 110)
      })
      await expect.poll(() => layout(page, follow)).toEqual({ covers: false, outside: false })
    })
