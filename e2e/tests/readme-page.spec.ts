// A site owner's first page, served exactly as the docs give it (docs/getting-started.md, once the README's; #23):
// candor.js from /candor/, its candor.json beside it. Declaring looks pressed by the page's one CSS rule, a boolean
// shows its part and hides the baseline, and both come back after a reload. Chromium and Firefox.
import { readFileSync } from 'node:fs'
import { expect, test } from '@playwright/test'

const docs = readFileSync(new URL('../../docs/getting-started.md', import.meta.url), 'utf8')
const blocks = [...docs.slice(docs.indexOf('<!-- first-page-catalog -->')).matchAll(/```(\w+)\n([\s\S]*?)```/g)]
const json = blocks.find((b) => b[1] == 'json')![2]!
const html = blocks.find((b) => b[1] == 'html')![2]!

test("the docs' first page works as written: a pressed control looks pressed, a boolean shows its part", async ({ page }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() == 'error' && errors.push(m.text()))
  // A site of its own (a fresh site id: nothing stored), on the e2e server's origin.
  const site = JSON.parse(json)
  site.site = `readme-${Date.now()}`
  await page.route('**/readme-page.html', (r) => r.fulfill({ contentType: 'text/html', body: `<!doctype html><html lang="en">${html}</html>` }))
  await page.route('**/candor.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(site) }))
  await page.goto('/readme-page.html')

  const cakes = page.getByText("Today's cakes")
  const bread = page.getByText('Our bread')
  await expect(bread).toBeVisible()
  await expect(cakes).toBeHidden()
  const vegan = page.getByRole('button', { name: 'Vegan, please' })
  const plain = await vegan.evaluate((b) => getComputedStyle(b).backgroundColor)

  await vegan.click()
  await expect(vegan).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => vegan.evaluate((b) => getComputedStyle(b).backgroundColor)).not.toBe(plain)
  await expect(page.locator('li').first()).toHaveText('Oat milk cinnamon rolls')

  await page.getByRole('button', { name: 'Desserts first' }).click()
  await expect(cakes).toBeVisible()
  await expect(bread).toBeHidden()

  await page.reload()
  await expect(cakes).toBeVisible()
  await expect(bread).toBeHidden()
  await expect(vegan).toHaveAttribute('aria-pressed', 'true')
  expect(errors).toEqual([])
})
