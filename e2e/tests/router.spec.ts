import { expect, test, type Page } from '@playwright/test'

// A site whose router swaps content (history.pushState) or the whole <body> (as Turbo and Astro's router do),
// with candor.js loaded once: each page tailored, one launcher while the page has no opener of its own,
// the panel opening after every navigation, a list's note leaving with it, nothing thrown into the page.
const launcher = (page: Page) => page.locator('candor-widget .candor-launcher')
const dialog = (page: Page) => page.locator('candor-widget dialog.candor-dialog')
const notes = (page: Page) => page.locator('.candor-note')
const go = async (page: Page, name: string) => {
  await page.getByRole('link', { name, exact: true }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(name)
}
const order = (page: Page) => page.locator('main > [data-candor-rank] > li').allTextContents()

for (const swap of ['content', 'body'] as const) {
  test(`a router that swaps the ${swap}: tailored, one launcher, the panel after every navigation, notes that leave with their list`, async ({ page }) => {
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    // The browser's own request for /favicon.ico is the test server's 404, not the page's.
    page.on('console', (m) => m.type() == 'error' && !m.location().url.endsWith('/favicon.ico') && errors.push(m.text()))
    await page.goto(`/router.html?p=stories${swap == 'body' ? '&swap=body' : ''}`)
    await page.evaluate(() => (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready)
    await expect(launcher(page)).toBeVisible()
    await page.getByRole('button', { name: 'Follow Science' }).click()
    await expect.poll(() => order(page)).toEqual(['A new comet', 'World news', 'The match'])
    await expect(notes(page)).toHaveCount(1)

    for (let trip = 0; trip < 2; trip++) {
      await go(page, 'About')
      await expect(notes(page)).toHaveCount(0)
      await expect(launcher(page)).toHaveCount(1)
      await go(page, 'Stories')
      await expect.poll(() => order(page)).toEqual(['A new comet', 'World news', 'The match'])
      await expect(notes(page)).toHaveCount(1)
    }
    await expect(page.locator('candor-widget')).toHaveCount(1)

    // A page with its own opener: no floating launcher; its opener opens the panel.
    await go(page, 'Settings')
    await expect(launcher(page)).toHaveCount(0)
    await page.getByRole('button', { name: 'Privacy settings' }).click()
    await expect(dialog(page)).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog(page)).toBeHidden()

    // Back to a page without one: the launcher is back and opens the panel; so does Candor.open().
    await go(page, 'About')
    await expect(launcher(page)).toBeVisible()
    await launcher(page).click()
    await expect(dialog(page)).toBeVisible()
    await page.keyboard.press('Escape')
    await page.evaluate(() => (window as unknown as { Candor: { open(): void } }).Candor.open())
    await expect(dialog(page)).toBeVisible()

    // Never a page load: the router did every navigation.
    expect(await page.evaluate(() => (window as unknown as { routerLoads: number }).routerLoads)).toBe(1)
    expect(errors).toEqual([])
  })
}
