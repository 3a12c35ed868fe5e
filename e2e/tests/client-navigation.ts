// The visitor journey on a multi-page site whose router swaps <body> (Hotwire Turbo, Astro's ClientRouter),
// with candor.js in <head> run once: examples/turbo and examples/astro run it (turbo.example.spec.ts,
// astro.example.spec.ts). Page A (/) has a ranked list with "Follow" buttons and no opener of its own; page
// B has its own `data-candor-open` and a part shown to Science readers. A → B → A → B by links, and at every
// stop: tailored, the floating launcher present only while the page has no opener of its own, the panel
// opening (and `Candor.open()` too), one note per ranked list, no page error and no console error.
import { expect, type Page } from '@playwright/test'
import type { Example } from './examples'

type Win = Window & {
  Candor: { ready: Promise<unknown>; open(id?: string): void }
  /** Set once on the first full load: still there after a navigation only if it was client-side. */
  __journey?: number
  /** How many times the router said a page was loaded (its own event), counted from the first full load. */
  __loads?: number
}

export interface Router {
  /** The event the router dispatches on `document` once a page it navigated to is in. */
  loaded: string
  /** Page B's path, as its links name it. */
  pageB: string
}

/** The data-candor-about of the ranked list's items, in the order shown. */
const order = (page: Page) => page.locator('[data-candor-rank] > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-candor-about')))
const PAGE_ORDER = ['sports', 'culture', 'science', 'sports', 'culture', 'science']
const SCIENCE_FIRST = ['science', 'science', 'sports', 'culture', 'sports', 'culture']

/** The journey on `site` (a started example). Fails at the first stop where the page isn't as it should be. */
export async function clientNavigationJourney(page: Page, site: Example, { loaded, pageB }: Router): Promise<void> {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() == 'error') errors.push(`console.error: ${m.text()}`)
  })

  await page.goto(site.url + '/')
  await page.evaluate(() => (window as unknown as Win).Candor.ready.then(() => undefined))
  const marker = await page.evaluate((loaded) => {
    const w = window as unknown as Win
    w.__loads = 0
    document.addEventListener(loaded, () => w.__loads!++)
    return (w.__journey = Math.random())
  }, loaded)

  const launcher = page.locator('candor-widget .candor-launcher')
  const dialog = page.locator('dialog.candor-dialog[open]')

  /** Clicks a site link and waits for the router to say the page is in; it must not have been a full load. */
  const go = async (name: string, path: string) => {
    const before = await page.evaluate(() => (window as unknown as Win).__loads!)
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name }).click()
    // After a full load there is no count: the marker check below then says what went wrong.
    await page.waitForFunction((n) => ((window as unknown as Win).__loads ?? Number.POSITIVE_INFINITY) > n, before)
    expect(new URL(page.url()).pathname).toBe(path)
    expect(await page.evaluate(() => (window as unknown as Win).__journey), 'a client-side navigation keeps the window').toBe(marker)
  }

  /** Opens the panel with `open`, then closes it; then the same with `Candor.open()`. */
  const panelOpens = async (open: () => Promise<void>) => {
    await open()
    await expect(dialog).toHaveCount(1)
    await expect(dialog).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    // Synchronous and never throwing; what it does after (the panel's loading, showModal) shows up as a page error if it fails.
    await page.evaluate(() => (window as unknown as Win).Candor.open())
    await expect(dialog).toHaveCount(1)
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
  }

  const atA = async () => {
    // The floating launcher: exactly one host, one button, on a page with no opener of its own.
    await expect(page.locator('[data-candor-open]')).toHaveCount(0)
    await expect(page.locator('candor-widget')).toHaveCount(1)
    await expect(launcher).toHaveCount(1)
    await expect(launcher).toBeVisible()
    await expect.poll(() => order(page)).toEqual(SCIENCE_FIRST)
    await expect(page.getByRole('button', { name: 'Follow Science' }).first()).toHaveAttribute('aria-pressed', 'true')
    // One note per ranked list: none left from an earlier view of the page, none doubled.
    await expect(page.locator('.candor-note')).toHaveCount(await page.locator('[data-candor-rank]').count())
    await expect(page.locator('.candor-why')).toHaveCount(1)
    await panelOpens(() => launcher.click())
  }

  const atB = async () => {
    // Its own opener: no floating launcher (a host may stay for the panel, but never two).
    await expect(page.locator('[data-candor-open]')).toHaveCount(1)
    await expect(launcher).toHaveCount(0)
    expect(await page.locator('candor-widget').count()).toBeLessThanOrEqual(1)
    await expect(page.getByRole('heading', { name: 'For science readers' })).toBeVisible()
    await expect(page.locator('.candor-note')).toHaveCount(0)
    await panelOpens(() => page.locator('[data-candor-open]').click())
  }

  // Page A, first view: the page's own order until the visitor follows Science.
  await expect(launcher).toHaveCount(1)
  expect(await order(page)).toEqual(PAGE_ORDER)
  await expect(page.locator('.candor-note')).toHaveCount(0)
  await page.getByRole('button', { name: 'Follow Science' }).first().click()
  await atA()

  await go("What's on", pageB)
  await atB()
  await go('Front page', '/')
  await atA()
  await go("What's on", pageB)
  await atB()

  expect(errors).toEqual([])
}
