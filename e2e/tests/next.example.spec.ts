// examples/next: a Next.js 16 App Router app, built by `pnpm examples` and run with `next start`. The server renders
// the page as everyone sees it; the client component tailors the list with useRanked and mounts the panel.
import { expect, type Page, test } from '@playwright/test'
import { startExample, type Example } from './examples'

let site: Example
test.beforeAll(async () => {
  site = await startExample('next')
})
test.afterAll(async () => {
  await site?.stop()
})

/** The paper's order, as the server renders it. */
const PAPER = [
  'City council',
  'Underdogs',
  'A telescope',
  'The museum',
  'Marathon',
  'Why bees',
  'Weekend weather',
  'Jazz festival',
  'Corner bakery',
  'Rents ease',
]

const stories = (page: Page) => page.locator('ol.stories > li')
const follow = (page: Page, topic: string) => page.getByRole('button', { name: `Follow ${topic}` }).first()
const note = (page: Page) => page.locator('section .note')

/** Console errors and warnings (hydration mismatches are said there) and uncaught errors, from the first moment. */
const watch = (page: Page) => {
  const problems: string[] = []
  page.on('console', (m) => (m.type() == 'error' || m.type() == 'warning' || /hydrat/i.test(m.text())) && problems.push(`${m.type()}: ${m.text()}`))
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  return () => expect(problems).toEqual([])
}

test('the server’s HTML is the page as everyone sees it: the paper’s order, nothing moved', async () => {
  const res = await fetch(site.url + '/')
  expect(res.status).toBe(200)
  const html = await res.text()
  const titles = [...html.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]!)
  expect(titles).toHaveLength(PAPER.length)
  titles.forEach((t, i) => expect(t.startsWith(PAPER[i]!), `${i}: ${t}`).toBe(true))
  expect(html).not.toContain('moved up')
  expect(html).toContain('aria-pressed="false"')
})

test('hydrates without a warning; "Follow Science" tailors the list with a note, and a reload keeps it', async ({ page }) => {
  const clean = watch(page)
  await page.goto(site.url + '/')
  await expect(stories(page).first()).toContainText('City council')
  await expect(note(page)).toBeEmpty()
  await follow(page, 'Science').click()
  await expect(page.locator('candor-notice').getByRole('status')).toContainText('Topics you follow: Science added.')
  await expect(stories(page).nth(0)).toContainText('telescope')
  await expect(stories(page).nth(1)).toContainText('bees')
  await expect(note(page)).toHaveText('2 moved up for Science')
  await expect(follow(page, 'Science')).toHaveAttribute('aria-pressed', 'true')
  await page.reload()
  await expect(stories(page).nth(0)).toContainText('telescope')
  await expect(note(page)).toHaveText('2 moved up for Science')
  await expect(follow(page, 'Science')).toHaveAttribute('aria-pressed', 'true')
  clean()
})

test('the launcher opens the panel, and so does the page’s own button', async ({ page }) => {
  const clean = watch(page)
  await page.goto(site.url + '/')
  const launcher = page.locator('candor-widget').getByRole('button', { name: 'Your preferences' })
  await expect(launcher).toBeVisible()
  await launcher.click()
  const dialog = page.locator('candor-widget dialog')
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('group', { name: 'Topics you follow' })).toContainText('Used on this page: Orders the front page.')
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await page.getByRole('button', { name: 'Manage your preferences' }).click()
  await expect(dialog).toBeVisible()
  clean()
})
