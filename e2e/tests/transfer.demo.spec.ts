// Your preferences on your other devices (#24), run by `demo` and `firefox-demo`: two browser contexts are two
// devices. The first shows a QR code and a link ("Use these on another device"); the code decodes to the link; the
// second opens it, is asked, and is tailored the same once the visitor says yes. Nothing is stored before, or on "No".
import type { Browser, BrowserContext, Locator, Page } from '@playwright/test'
import jsQR from 'jsqr'
import { expectNoAxeViolations } from './axe'
import { expect, pinDraw, test } from './fixtures'

const order = (page: Page) => page.locator('.top .stories > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-candor-about')))
const TAILORED = ['sports', 'science', 'science', 'culture', 'business', 'sports', 'culture', 'business']
/** The same, with business stories wanted less of: they go last. */
const TAILORED_MUTED = ['sports', 'science', 'science', 'culture', 'sports', 'culture', 'business', 'business']
const PAGE_ORDER = ['sports', 'science', 'culture', 'business', 'sports', 'science', 'culture', 'business']

type Values = { topics?: unknown; compact?: unknown; muted?: unknown; level: string }
/** What the page's instance holds (its values in use and level). */
const held = (page: Page) =>
  page.evaluate(async (): Promise<Values> => {
    const c = (await (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready) as {
      explain(id: string): { value: unknown; state: string }
      level: string
    }
    const v = (id: string) => (c.explain(id).state == 'active' ? c.explain(id).value : undefined)
    return { topics: v('topics'), compact: v('compact'), muted: v('muted-topics'), level: c.level }
  })

/** Candor's files this page fetched, by name. */
const fetched = (page: Page) => {
  const names: string[] = []
  page.on('request', (r) => {
    const name = new URL(r.url()).pathname.slice(1)
    if (name.startsWith('candor')) names.push(name.replace(/-[A-Z0-9]{8}\.js$/, '.js'))
  })
  return names
}

/** Another device: a context of its own (its own IndexedDB), on the same site. */
const otherDevice = async (browser: Browser, baseURL: string, bypassCSP = false): Promise<BrowserContext> => {
  const context = await browser.newContext({ baseURL, bypassCSP })
  await pinDraw(context, 'never')
  return context
}

/** The first device: three preferences declared (one on the page, two in code), then the panel's link and code. */
const firstDevice = async (page: Page) => {
  await page.goto('/')
  await page.locator('.top').getByRole('button', { name: 'Follow Science' }).first().click()
  await expect.poll(() => order(page)).toEqual(TAILORED)
  await page.evaluate(async () => {
    const c = (await (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready) as { set(id: string, v: unknown): Promise<void> }
    await c.set('compact', true)
    await c.set('muted-topics', ['business'])
  })
  await expect.poll(() => order(page)).toEqual(TAILORED_MUTED)
  await page.getByRole('button', { name: 'Your preferences' }).first().click()
  const panel = page.locator('candor-widget dialog')
  await panel.getByRole('button', { name: 'Use these on another device' }).click()
  const dialog = page.getByRole('dialog', { name: 'Use these on another device' })
  await expect(dialog).toBeVisible()
  return dialog
}

/**
 * Decodes the QR code in `dialog` as a camera would: the code as drawn, rasterized in the page (an image of the SVG on a
 * canvas: a screenshot would add a style the demo's CSP refuses in Firefox), read by jsQR.
 */
const scan = async (dialog: Locator) => {
  const { data, width, height } = await dialog.getByRole('img', { name: 'QR code of the link' }).evaluate(async (svg) => {
    const size = 400
    const img = new Image(size, size)
    img.src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], { type: 'image/svg+xml' }))
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = canvas.height = size
    const g = canvas.getContext('2d')!
    g.drawImage(img, 0, 0, size, size)
    return { data: [...g.getImageData(0, 0, size, size).data], width: size, height: size }
  })
  return jsQR(new Uint8ClampedArray(data), width, height)?.data
}

test('a link and a QR code carry three preferences to another device, which asks first and is then tailored the same', async ({
  page,
  browser,
  baseURL,
  browserName,
}) => {
  const seen = fetched(page)
  const dialog = await firstDevice(page)
  await expect(dialog).toContainText('Your 3 preferences for this site. Anyone with this code or link can see them.')
  await expect(dialog).toContainText('It works for 15 minutes.')
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue()
  expect(link).toMatch(/^http:\/\/[^#]+\/#candor-import=[\w-]+$/)
  expect(await scan(dialog)).toBe(link)
  // The code and its encoder came when asked for; the page's own view fetched neither.
  expect(seen).toEqual(expect.arrayContaining(['candor-transfer.js', 'candor-qr.js']))
  // "Copy link" puts the link on the clipboard, and says so (Chromium grants the test the clipboard).
  if (browserName == 'chromium') {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await dialog.getByRole('button', { name: 'Copy link' }).click()
    await expect(dialog.getByRole('status')).toHaveText('Link copied.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link)
  }
  // Escape closes it, and the keyboard is back on the button that opened it.
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()
  await expect(page.locator('candor-widget dialog').getByRole('button', { name: 'Use these on another device' })).toBeFocused()

  const other = await otherDevice(browser, baseURL!)
  const phone = await other.newPage()
  const phoneSeen = fetched(phone)
  await phone.goto(link)
  const ask = phone.getByRole('dialog', { name: 'Use the preferences from your other device?' })
  await expect(ask).toBeVisible()
  // The fragment left the address bar before anything else; nothing is stored or used yet.
  expect(new URL(phone.url()).hash).toBe('')
  expect(await held(phone)).toEqual({ topics: undefined, compact: undefined, muted: undefined, level: 'all' })
  expect(await order(phone)).toEqual(PAGE_ORDER)
  await expect(ask.getByRole('listitem')).toHaveText(['Topics you follow: Science', 'Topics you want less of: Business', 'Compact layout: on'], {
    useInnerText: true,
  })
  // The keyboard lands on the choice that changes nothing.
  await expect(ask.getByRole('button', { name: 'No thanks' })).toBeFocused()
  expect(phoneSeen).toContain('candor-transfer.js')
  expect(phoneSeen).not.toContain('candor-qr.js')

  await ask.getByRole('button', { name: 'Use them' }).click()
  await expect(ask).toContainText('Your preferences from your other device are in use.')
  await expect(ask.getByRole('button', { name: 'Done' })).toBeFocused()
  await ask.getByRole('button', { name: 'Done' }).click()
  await expect(ask).toBeHidden()
  await expect.poll(() => order(phone)).toEqual(TAILORED_MUTED)
  expect(await held(phone)).toEqual({ topics: ['science'], compact: true, muted: ['business'], level: 'all' })
  // Kept: a reload is tailored the same, with no fragment and no question.
  await phone.reload()
  await expect.poll(() => order(phone)).toEqual(TAILORED_MUTED)
  await expect(phone.getByRole('dialog')).toHaveCount(0)
  // The history says where they came from.
  await phone.getByRole('button', { name: 'Your preferences' }).first().click()
  const history = phone.locator('candor-widget dialog').locator('summary', { hasText: /History/ })
  await history.click()
  await expect(phone.locator('candor-widget dialog .history')).toContainText('used your other device’s preferences')
  await other.close()
})

test('with nothing declared, there is nothing to carry: the dialog says so, and no code is made', async ({ page }) => {
  const seen = fetched(page)
  await page.goto('/')
  await page.getByRole('button', { name: 'Your preferences' }).first().click()
  await page.locator('candor-widget dialog').getByRole('button', { name: 'Use these on another device' }).click()
  const dialog = page.getByRole('dialog', { name: 'Use these on another device' })
  await expect(dialog).toContainText('You have told this site nothing yet: there is nothing to carry.')
  await expect(dialog.getByRole('img')).toHaveCount(0)
  expect(seen).not.toContain('candor-qr.js')
  await dialog.getByRole('button', { name: 'Done' }).click()
  await expect(dialog).toBeHidden()
})

test('"No thanks" (or Escape) stores nothing, and the address is clean', async ({ page, browser, baseURL }) => {
  const dialog = await firstDevice(page)
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue()
  const other = await otherDevice(browser, baseURL!)
  const phone = await other.newPage()
  for (const choose of [() => phone.getByRole('button', { name: 'No thanks' }).click(), () => phone.keyboard.press('Escape')]) {
    // Opened afresh (a fragment alone wouldn't load the page again).
    await phone.goto('about:blank')
    await phone.goto(link)
    const ask = phone.getByRole('dialog', { name: 'Use the preferences from your other device?' })
    await expect(ask).toBeVisible()
    await choose()
    await expect(ask).toBeHidden()
    expect(new URL(phone.url()).hash).toBe('')
    await phone.reload()
    expect(await held(phone)).toEqual({ topics: undefined, compact: undefined, muted: undefined, level: 'all' })
    expect(await order(phone)).toEqual(PAGE_ORDER)
  }
  await other.close()
})

test('a link that is damaged, for another form, or expired is refused in a sentence, and nothing changes', async ({ page, browser, baseURL }) => {
  const dialog = await firstDevice(page)
  const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue()
  const other = await otherDevice(browser, baseURL!)
  const phone = await other.newPage()
  const refused = phone.getByRole('dialog', { name: 'This link can’t be used' })
  await phone.goto(link.slice(0, -20))
  await expect(refused).toContainText('It is damaged or incomplete: copy the whole link, or scan the code again.')
  expect(new URL(phone.url()).hash).toBe('')
  await refused.getByRole('button', { name: 'Close' }).click()
  await expect(refused).toBeHidden()
  // Anything else in the fragment is not a transfer link at all: no question, no code loaded.
  const seen = fetched(phone)
  await phone.goto('/#candor-import')
  await expect.poll(() => phone.evaluate(() => (window as unknown as { Candor?: { ready: Promise<unknown> } }).Candor?.ready.then(() => true))).toBe(true)
  await expect(phone.getByRole('dialog')).toHaveCount(0)
  expect(seen).not.toContain('candor-transfer.js')
  // Twenty minutes on: the same link has expired.
  await phone.clock.install({ time: Date.now() + 20 * 60_000 })
  await phone.goto('about:blank')
  await phone.goto(link)
  await expect(refused).toContainText('It has expired: a link works for 15 minutes. Make a new one on your other device.')
  await refused.getByRole('button', { name: 'Close' }).click()
  expect(await held(phone)).toEqual({ topics: undefined, compact: undefined, muted: undefined, level: 'all' })
  await other.close()
})

test('an app built on the packages asks the same: mountCandor (app.html) and mountCandorLazy (react.html)', async ({ page, browser, baseURL }) => {
  const dialog = await firstDevice(page)
  const fragment = new URL(await dialog.getByRole('textbox', { name: 'Link' }).inputValue()).hash
  for (const path of ['/app.html', '/react.html']) {
    const other = await otherDevice(browser, baseURL!)
    const phone = await other.newPage()
    await phone.goto(path + fragment)
    const ask = phone.getByRole('dialog', { name: 'Use the preferences from your other device?' })
    await expect(ask).toBeVisible()
    expect(new URL(phone.url()).hash).toBe('')
    await ask.getByRole('button', { name: 'Use them' }).click()
    await expect(ask).toContainText('Your preferences from your other device are in use.')
    const topics = () => phone.evaluate(() => (window as unknown as { candor: { get(id: string): unknown } }).candor.get('topics'))
    await expect.poll(topics).toEqual(['science'])
    await other.close()
  }
})

test.describe('axe-core', () => {
  // axe's script is injected: the demo's Trusted Types policy would refuse it (the journeys above run under it), and
  // only Chromium can set the policy aside.
  test.use({ bypassCSP: true })
  test.skip(({ browserName }) => browserName != 'chromium', 'bypassCSP is Chromium’s')

  test('both dialogs pass axe-core, in both schemes', async ({ page, browser, baseURL }) => {
    const dialog = await firstDevice(page)
    const link = await dialog.getByRole('textbox', { name: 'Link' }).inputValue()
    await expectNoAxeViolations(page, 'the link and its code')
    // The demo's own page has no dark scheme: in the dark, the dialog alone.
    await page.emulateMedia({ colorScheme: 'dark' })
    await expectNoAxeViolations(page, 'the link and its code (dark)', ['candor-transfer', 'dialog'])
    const other = await otherDevice(browser, baseURL!, true)
    const phone = await other.newPage()
    for (const colorScheme of ['light', 'dark'] as const) {
      await phone.emulateMedia({ colorScheme })
      await phone.goto('about:blank')
      await phone.goto(link)
      await expect(phone.getByRole('dialog', { name: 'Use the preferences from your other device?' })).toBeVisible()
      await expectNoAxeViolations(phone, `the question on the other device (${colorScheme})`, colorScheme == 'dark' ? ['candor-transfer', 'dialog'] : undefined)
    }
    await other.close()
  })
})
