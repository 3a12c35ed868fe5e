// candor.js from a CDN: pages/cdn.html (on the test server's origin) loads candor.js from another origin,
// a second port on 127.0.0.1 serving packages/dropin/dist. candor.js is a classic script, so it runs either
// way; candor-panel.js is a module script, which another origin must allow with Access-Control-Allow-Origin.
// With it, the panel and declarations work; without it, the visitor is told where they clicked, and the
// console gets one line of Candor's naming the file, the origin and the header.
import { type Server, createServer } from 'node:http'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test, type Locator, type Page } from '@playwright/test'

// CANDOR_DROPIN_DIST: another build of candor.js (as for e2e/server.mjs's /candor/).
const dist = process.env.CANDOR_DROPIN_DIST
  ? resolve(process.env.CANDOR_DROPIN_DIST) + sep
  : fileURLToPath(new URL('../../packages/dropin/dist/', import.meta.url))
const UNAVAILABLE = "Your preferences couldn't be opened. Try again."

/** A CDN: packages/dropin/dist on a port of its own, with or without `Access-Control-Allow-Origin: *`. */
async function startCdn(cors: boolean): Promise<{ origin: string; port: number; server: Server }> {
  const server = createServer(async (req, res) => {
    const file = normalize(join(dist, new URL(req.url ?? '/', 'http://x').pathname))
    try {
      if (!file.startsWith(dist.endsWith(sep) ? dist : dist + sep)) throw new Error('outside dist/')
      const body = await readFile(file)
      res.writeHead(200, {
        'content-type': file.endsWith('.json') ? 'application/json' : 'text/javascript',
        'cache-control': 'no-store',
        ...(cors ? { 'access-control-allow-origin': '*' } : {}),
      })
      res.end(body)
    } catch {
      res.writeHead(404).end()
    }
  })
  // Port 0: a free port, never the page's, so the page and candor.js are on different origins.
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as { port: number }
  return { origin: `http://127.0.0.1:${port}`, port, server }
}

/** Page errors and console errors, as the test sees them. */
function watch(page: Page) {
  const seen = { pageErrors: [] as string[], consoleErrors: [] as string[] }
  page.on('pageerror', (e) => seen.pageErrors.push(e.message))
  page.on('console', (m) => {
    if (m.type() == 'error') seen.consoleErrors.push(m.text())
  })
  return {
    ...seen,
    /** Candor's own lines: Chrome's CORS error and its failed-load line are the browser's. */
    candor: () => seen.consoleErrors.filter((t) => t.startsWith('Candor')),
  }
}

const ready = (page: Page) => page.evaluate(() => (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready.then(() => undefined))
const order = (page: Page) => page.locator('[data-candor-rank] > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-candor-about')))
/** The text right after `control` in reading order: its next sibling's (a status element's shadow root included). */
const saidAfter = (control: Locator) =>
  control.evaluate((el) => {
    const next = el.nextElementSibling
    return (next?.shadowRoot ?? next)?.textContent?.trim() ?? ''
  })
/** How far apart two elements are drawn, in CSS pixels (0 when they touch or overlap). */
const apart = async (a: Locator, b: Locator) => {
  const [p, q] = await Promise.all([a.boundingBox(), b.boundingBox()])
  if (!p || !q) return Number.POSITIVE_INFINITY
  const dx = Math.max(0, p.x - (q.x + q.width), q.x - (p.x + p.width))
  const dy = Math.max(0, p.y - (q.y + q.height), q.y - (p.y + p.height))
  return Math.hypot(dx, dy)
}

let withCors: Awaited<ReturnType<typeof startCdn>>
let withoutCors: Awaited<ReturnType<typeof startCdn>>

test.beforeAll(async () => {
  if (!existsSync(join(dist, 'candor.js'))) throw new Error('no packages/dropin/dist/candor.js: run node packages/dropin/build.mjs')
  withCors = await startCdn(true)
  withoutCors = await startCdn(false)
})
test.afterAll(async () => {
  for (const cdn of [withCors, withoutCors]) await new Promise((done) => cdn?.server.close(done))
})

test('from a CDN that sends Access-Control-Allow-Origin: the panel loads from the CDN, the launcher opens it, a declaration works', async ({ page }) => {
  const seen = watch(page)
  const panelFrom: string[] = []
  page.on('requestfinished', (r) => {
    if (new URL(r.url()).pathname == '/candor-panel.js') panelFrom.push(new URL(r.url()).origin)
  })
  await page.goto(`/cdn.html?cdn=${withCors.port}`)
  await ready(page)
  expect(await page.evaluate(() => document.querySelector('script[data-catalog]')?.getAttribute('src'))).toBe(`${withCors.origin}/candor.js`)

  const launcher = page.locator('candor-widget .candor-launcher')
  await launcher.click()
  const dialog = page.locator('dialog.candor-dialog[open]')
  await expect(dialog).toBeVisible()
  expect(panelFrom).toEqual([withCors.origin])
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)

  const follow = page.getByRole('button', { name: 'Follow Science' })
  await follow.click()
  await expect(follow).toHaveAttribute('aria-pressed', 'true')
  await expect.poll(() => order(page)).toEqual(['science', 'sports'])
  expect(seen.pageErrors).toEqual([])
  expect(seen.consoleErrors).toEqual([])
})

test('from a CDN without Access-Control-Allow-Origin: one console line naming the file, the origin and the header; the visitor told where they clicked', async ({
  page,
}) => {
  const seen = watch(page)
  await page.goto(`/cdn.html?cdn=${withoutCors.port}`)
  await ready(page)
  // candor.js itself is a classic script: it runs and tailors the page from the CDN without CORS.
  await expect(page.locator('[data-candor-rank]')).toHaveAttribute('data-candor-state', /^(on|off)$/)

  const launcher = page.locator('candor-widget .candor-launcher')
  await launcher.click()
  const message = page.getByText(UNAVAILABLE)
  await expect(message).toBeVisible()
  // The launcher floats in a corner: the message is drawn next to it.
  expect(await apart(message, launcher), 'the message is drawn next to the launcher').toBeLessThan(48)
  await expect(page.locator('dialog.candor-dialog[open]')).toHaveCount(0)

  const follow = page.getByRole('button', { name: 'Follow Science' })
  await follow.click()
  // In the page's flow: the message comes right after the button, where a screen reader reads on.
  await expect.poll(() => saidAfter(follow), { message: 'the message comes right after "Follow Science"' }).toBe(UNAVAILABLE)
  await expect(message).toBeVisible()
  await expect(follow).not.toHaveAttribute('aria-pressed', 'true')

  // Said once, however often the visitor tries: the first failure's line, after Candor asked the network why.
  await expect.poll(() => seen.candor().length).toBe(1)
  await page.waitForTimeout(500)
  const [line] = seen.candor()
  expect(seen.candor()).toHaveLength(1)
  expect(line).toContain('candor-panel.js')
  expect(line).toContain(`${withoutCors.origin}/`)
  expect(line).toContain('Access-Control-Allow-Origin')
  // Chrome says it was blocked by CORS policy in its own words; that line is the browser's, not Candor's.
  expect(seen.consoleErrors.some((t) => t.includes('has been blocked by CORS policy'))).toBe(true)
  expect(seen.pageErrors).toEqual([])
})
