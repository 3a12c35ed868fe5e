// What a visitor's browser fetches of Candor on the demo's front page: without intent, only candor.js
// on a site that doesn't measure (the panel's code never loads on a page view where the visitor shows
// none), and candor-measuring.js with it on one that does (the demo as served); with the panel open,
// everything. Each file is counted gzip -9, as a server would send it; the budgets are scripts/size.mjs's.
import type { Page } from '@playwright/test'
import { gzipSync } from 'node:zlib'
import { fetchedBudgets } from '../../scripts/size.mjs'
import { editCatalog, expect, test } from './fixtures'

test.skip(({ browserName }) => browserName != 'chromium', 'measured once, in Chromium')

/** Every file of Candor's the page fetched (candor.js, candor-panel.js and its chunks), with its gzip size. */
const watch = (page: Page) => {
  const files = new Map<string, number>()
  page.on('response', async (r) => {
    const name = new URL(r.url()).pathname.slice(1)
    if (/^candor[\w.-]*\.js$/.test(name)) files.set(name, gzipSync(await r.body(), { level: 9 }).length)
  })
  const total = () => [...files.values()].reduce((a, b) => a + b, 0)
  return { files, total }
}

test('a page view without intent fetches only candor.js, within budget; opening the panel fetches the rest, within budget', async ({ page, context }) => {
  // The demo's catalog without its `measure`: a site that doesn't measure.
  await editCatalog(context, (catalog) => ({ ...catalog, measure: undefined }))
  const seen = watch(page)
  await page.goto('/')
  await page.evaluate(() => (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready)
  await page.waitForTimeout(2000)
  expect([...seen.files.keys()]).toEqual(['candor.js'])
  const before = seen.total()
  console.log(`[bytes] without intent: ${before} B gzip (goal ${fetchedBudgets.beforePanel.goal}, limit ${fetchedBudgets.beforePanel.limit})`)
  expect(before).toBeLessThanOrEqual(fetchedBudgets.beforePanel.limit)

  // The page's own opener: a page with one shows no floating launcher.
  const launcher = page.getByRole('button', { name: 'Your preferences' })
  await launcher.hover()
  await expect.poll(() => [...seen.files.keys()].some((n) => n.startsWith('candor-panel'))).toBe(true)
  await launcher.click()
  await expect(page.locator('candor-widget dialog')).toBeVisible()
  await page.waitForTimeout(1000)
  const all = seen.total()
  console.log(`[bytes] panel open: ${all} B gzip in ${seen.files.size} files (goal ${fetchedBudgets.all.goal}, limit ${fetchedBudgets.all.limit})`)
  expect(all).toBeLessThanOrEqual(fetchedBudgets.all.limit)
})

test('on a site that measures, a page view without intent fetches candor.js and candor-measuring.js, within budget', async ({ page }) => {
  // A returning visitor: the snapshot says the site measures, so the measuring part is asked for at once.
  await page.goto('/')
  await page.locator('.top').getByRole('button', { name: 'Follow Science' }).first().click()
  await page.goto('about:blank')
  const seen = watch(page)
  await page.goto('/')
  await page.evaluate(() => (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready)
  await page.waitForTimeout(1000)
  expect([...seen.files.keys()].sort()).toEqual(['candor-measuring.js', 'candor.js'])
  console.log(`[bytes] measuring, without intent: ${seen.total()} B gzip (limit ${fetchedBudgets.measuring.limit})`)
  expect(seen.total()).toBeLessThanOrEqual(fetchedBudgets.measuring.limit)
})

test('focus on the page\'s own "Your preferences" button is intent too', async ({ page }) => {
  const seen = watch(page)
  await page.goto('/')
  await page.evaluate(() => (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready)
  await page.getByRole('button', { name: 'Your preferences' }).focus()
  await expect.poll(() => [...seen.files.keys()].some((n) => n.startsWith('candor-panel'))).toBe(true)
})
