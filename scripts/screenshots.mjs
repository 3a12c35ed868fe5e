#!/usr/bin/env node
// Screenshots of the widget on the e2e news page, for looking at it by eye:
//
//   node scripts/screenshots.mjs
//
// Starts e2e/server.mjs on a free port, drives Chromium (the system one when there is one, see
// scripts/ensure-chromium.mjs; else Playwright's own) and writes PNGs to shots/ (gitignored):
// the page with the launcher, the open panel (top, and scrolled to the signals), a value fading
// soon, the inline <candor-preferences>, the storage warning, preview, outline on, German, Arabic, Japanese and
// RTL with a site's own strings — each at 360×740 and 1280×800, light and dark. Then stops the server and lists the files.

import { spawn } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { findChromium } from './ensure-chromium.mjs'
import { freePort } from './free-port.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'shots')

const viewports = [
  { name: 'phone', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
  { name: 'desktop', viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false },
]
const schemes = /** @type {const} */ (['light', 'dark'])

/**
 * What to photograph: a page, then what a visitor does before the picture.
 * @type {Array<{ name: string, path: string, fullPage?: boolean, act?: (page: any) => Promise<void> }>}
 */
const shots = [
  { name: 'page', path: '/widget.html', act: (page) => seed(page) },
  {
    name: 'panel-top',
    path: '/widget.html',
    act: async (page) => {
      await seed(page)
      await openPanel(page)
    },
  },
  {
    name: 'panel-signals',
    path: '/widget.html',
    act: async (page) => {
      await seed(page)
      await page.evaluate(() => window.widget.open('topics'))
      await shown(page)
    },
  },
  {
    name: 'still-true',
    path: '/widget.html',
    act: async (page) => {
      await seed(page)
      await page.evaluate(() => window.candor.set('quiet', true))
      await openPanel(page)
      await scrollPanelTo(page, '.still')
    },
  },
  { name: 'inline', path: '/inline.html', fullPage: true, act: (page) => seed(page) },
  { name: 'storage-warning', path: '/widget.html?memory=1', act: openPanel },
  {
    name: 'preview',
    path: '/widget.html',
    act: async (page) => {
      await seed(page)
      await openPanel(page)
      await page.locator('.candor').getByRole('button', { name: 'See the page as everyone sees it' }).click()
      await page.locator('.candor').getByRole('button', { name: 'Back to my page' }).waitFor()
    },
  },
  {
    name: 'outline',
    path: '/widget.html',
    act: async (page) => {
      await seed(page)
      await page.evaluate(() => window.candor.set('compact', true))
      await openPanel(page)
      await page.locator('.candor').getByRole('button', { name: "Show what's tailored here" }).click()
      await page.locator('candor-outline .box').first().waitFor()
      // Closed, so the outlined page shows (the boxes stay).
      await page.keyboard.press('Escape')
      await page.locator('candor-widget dialog').waitFor({ state: 'hidden' })
      await page.waitForTimeout(100)
    },
  },
  // The panel in a few of its languages, and right to left with a site's own strings (?lang=ar).
  ...[
    ['german', 'de'],
    ['arabic', 'ar-EG'],
    ['japanese', 'ja'],
    ['rtl', 'ar'],
  ].map(([name, lang]) => ({
    name,
    path: `/widget.html?lang=${lang}`,
    act: async (page) => {
      await seed(page)
      await openPanel(page)
    },
  })),
]

/** A visitor who follows two topics (the region is inferred by the page). */
async function seed(page) {
  await page.evaluate(() => window.candor.set('topics', ['science', 'sports']))
}

async function openPanel(page) {
  await page.locator('candor-widget .candor-launcher').click()
  await shown(page)
}

async function shown(page) {
  await page.locator('candor-widget dialog[open]').waitFor()
  // Reduced motion is emulated, but wait for any animation anyway (shadow roots included).
  await page.waitForFunction(() => {
    const roots = [document, ...[...document.querySelectorAll('*')].flatMap((node) => (node.shadowRoot ? [node.shadowRoot] : []))]
    return roots.every((root) => root.getAnimations().every((a) => a.playState === 'finished' || a.playState === 'idle'))
  })
}

async function scrollPanelTo(page, selector) {
  await page.locator(`.candor ${selector}`).evaluate((node) => node.scrollIntoView({ block: 'start' }))
}

// ---- server and browser -------------------------------------------------------

function startServer(port) {
  const child = spawn(process.execPath, [join(root, 'e2e', 'server.mjs'), '--port', String(port)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (chunk) => (log += chunk))
  child.stderr.on('data', (chunk) => (log += chunk))
  return { child, log: () => log }
}

async function waitForServer(base, server, timeoutMs = 30_000) {
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (server.child.exitCode !== null) throw new Error(`e2e/server.mjs exited (${server.child.exitCode}):\n${server.log()}`)
    try {
      if ((await fetch(`${base}/healthz`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100))
  }
  throw new Error(`e2e/server.mjs did not answer on ${base} within ${timeoutMs} ms:\n${server.log()}`)
}

/** Playwright's `chromium`, from the e2e package (where @playwright/test is installed). */
async function loadChromium() {
  const fromE2e = createRequire(join(root, 'e2e', 'package.json'))
  const mod = await import(pathToFileURL(fromE2e.resolve('@playwright/test')).href)
  return mod.chromium ?? mod.default.chromium
}

async function main() {
  await mkdir(outDir, { recursive: true })
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const server = startServer(port)
  const stop = () => {
    if (server.child.exitCode === null) server.child.kill('SIGTERM')
  }
  process.on('SIGINT', () => (stop(), process.exit(130)))
  process.on('SIGTERM', () => (stop(), process.exit(143)))

  let browser
  const written = []
  const problems = []
  try {
    await waitForServer(base, server)
    const chromium = await loadChromium()
    const executablePath = await findChromium()
    browser = await chromium.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    for (const device of viewports) {
      for (const scheme of schemes) {
        const context = await browser.newContext({
          viewport: device.viewport,
          isMobile: device.isMobile,
          hasTouch: device.hasTouch,
          deviceScaleFactor: 1,
          colorScheme: scheme,
          reducedMotion: 'reduce',
          locale: 'en-US',
          timezoneId: 'Europe/Berlin',
        })
        // Nothing leaves the machine.
        await context.route(
          (url) => url.origin !== base,
          (route) => route.abort('blockedbyclient'),
        )
        for (const shot of shots) {
          const page = await context.newPage()
          const errors = []
          page.on('pageerror', (error) => errors.push(error.message))
          const file = join(outDir, `${device.name}-${scheme}-${shot.name}.png`)
          try {
            // A site of its own per shot, so no shot sees another's choices.
            const url = new URL(shot.path, base)
            url.searchParams.set('site', `shots-${shot.name}`)
            await page.goto(url.href)
            await page.waitForFunction(() => window.pageReady === true || typeof window.pageError === 'string')
            const failed = await page.evaluate(() => window.pageError)
            if (failed) throw new Error(failed)
            if (!shot.path.startsWith('/inline')) await page.locator('candor-widget .candor-launcher').waitFor()
            else await page.locator('candor-preferences .candor').waitFor()
            await shot.act?.(page)
            await page.screenshot({ path: file, fullPage: shot.fullPage ?? false })
            written.push(relative(root, file))
          } catch (error) {
            problems.push(`${relative(root, file)}: ${error?.message ?? error}`)
          }
          if (errors.length) problems.push(`${relative(root, file)}: page errors: ${errors.join('; ')}`)
          await page.close()
        }
        await context.close()
      }
    }
  } finally {
    await browser?.close()
    stop()
  }

  console.log(`Wrote ${written.length} screenshots:`)
  for (const file of written) console.log(`  ${file}`)
  if (problems.length) {
    console.error(`\n${problems.length} problem(s):`)
    for (const problem of problems) console.error(`  ${problem}`)
    process.exitCode = 1
  }
}

await main()
