// A page you can share with a friend (run by the `demo` and `firefox-demo` projects): `#candor=shared` opens
// the front page as everyone sees it for that view, says so, and offers the visitor's own page; nothing stored
// changes; the URL can only lower tailoring. The panel's Share button and Candor.share() give that link.
import type { Page } from '@playwright/test'
import { expect, test, untilStored } from './fixtures'

const order = (page: Page) => page.locator('.top .stories > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-candor-about')))
const PAGE_ORDER = ['sports', 'science', 'culture', 'business', 'sports', 'science', 'culture', 'business']
const TAILORED = ['sports', 'science', 'science', 'culture', 'business', 'sports', 'culture', 'business']
const arrival = (page: Page) => page.locator('candor-arrival').getByRole('status')
const candor = (page: Page) =>
  page.evaluate(async () => {
    const c = (await (
      window as unknown as { Candor: { ready: Promise<{ previewing: boolean; get(id: string): unknown; explain(id: string): { value: unknown } }> } }
    ).Candor.ready) as { previewing: boolean; explain(id: string): { value: unknown } }
    return { previewing: c.previewing, topics: c.explain('topics').value }
  })

/** A visitor who follows Science, declared on the front page. */
const followScience = async (page: Page) => {
  await page.goto('/')
  await page.locator('.top').getByRole('button', { name: 'Follow Science' }).first().click()
  await expect.poll(() => order(page)).toEqual(TAILORED)
  // Stored before the page is left: the page is tailored from memory at once, and a busy CI can leave before storage has it.
  await untilStored(page, 'daily-planet', 's:topics')
  // A link opened afresh (from the same document, a fragment alone wouldn't load the page again).
  await page.goto('about:blank')
}

test('a shared link shows the page as everyone sees it, says so, cleans the address, and "Show my own page" tailors it again', async ({ page }) => {
  await followScience(page)
  await page.goto('/#candor=shared')
  await expect(arrival(page)).toContainText('This page was shared with you: you see it as everyone does.')
  expect(await order(page)).toEqual(PAGE_ORDER)
  await expect(page.getByRole('heading', { name: /^For you/ })).toBeHidden()
  expect(new URL(page.url()).hash).toBe('')
  expect(await candor(page)).toEqual({ previewing: true, topics: ['science'] })
  await arrival(page).getByRole('button', { name: 'Show my own page' }).click()
  await expect.poll(() => order(page)).toEqual(TAILORED)
  await expect(page.locator('candor-arrival')).toHaveCount(0)
  // Nothing stored changed: a plain reload is the visitor's own page.
  await page.reload()
  await expect.poll(() => order(page)).toEqual(TAILORED)
})

test('no frame of a shared arrival paints the tailored order', async ({ page }) => {
  await followScience(page)
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { seen: string[] }).seen = seen
    const frame = () => {
      const third = document.querySelectorAll('.top .stories > li')[2]?.getAttribute('data-candor-about')
      if (third == 'science' && !document.querySelector('candor-arrival[hidden]') && !(window as unknown as { own?: boolean }).own) seen.push('tailored')
      requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })
  await page.goto('/#candor=shared')
  await expect(arrival(page)).toBeVisible()
  await page.waitForTimeout(300)
  expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([])
})

test('the URL can only lower tailoring: any other fragment or query is ignored', async ({ page }) => {
  await followScience(page)
  for (const tail of ['#candor=shared&x', '#CANDOR=SHARED', '?candor=shared', '#candor=shared%00', '#' + 'x'.repeat(100_000)]) {
    await page.goto('/' + tail)
    await expect.poll(() => order(page), tail.slice(0, 30)).toEqual(TAILORED)
    await expect(page.locator('candor-arrival')).toHaveCount(0)
    expect((await candor(page)).previewing, tail.slice(0, 30)).toBe(false)
  }
})

test('Candor.share() and the panel give the link without sharer-tracking parameters', async ({ page, browserName }) => {
  await page.goto('/?utm_source=news&fbclid=abc&section=world#top')
  const link = await page.evaluate(() => (window as unknown as { Candor: { share(): string } }).Candor.share())
  expect(link).toBe(new URL('/?section=world#candor=shared', page.url()).href)
  // Where copying is refused, the link is shown, selected, to copy by hand.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'))
  })
  await page.getByRole('button', { name: 'Your preferences' }).click()
  const dialog = page.locator('candor-widget dialog')
  await dialog.getByRole('button', { name: 'Share this page as everyone sees it' }).click()
  const field = dialog.getByLabel(/Copy this link/)
  await expect(field).toHaveValue(link)
  test.skip(browserName != 'chromium', 'clipboard permissions are granted in Chromium only')
})

test('the panel copies the link, with a visible confirmation', async ({ page, context, browserName }) => {
  test.skip(browserName != 'chromium', 'clipboard permissions are granted in Chromium only')
  await context.grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.goto('/?gclid=1')
  await page.getByRole('button', { name: 'Your preferences' }).click()
  const dialog = page.locator('candor-widget dialog')
  await dialog.getByRole('button', { name: 'Share this page as everyone sees it' }).click()
  await expect(dialog.getByText('Link copied')).toBeVisible()
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL('/#candor=shared', page.url()).href)
})
