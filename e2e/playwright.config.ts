import { defineConfig, devices } from '@playwright/test'
// Only looks for a browser; installing one is `node scripts/ensure-chromium.mjs` (run by `pnpm test:e2e`).
import { CHROMIUM_ARGS, findChromium } from '../scripts/ensure-chromium.mjs'
// Firefox is optional: its projects run only when `node scripts/ensure-firefox.mjs` found or installed one.
import { findFirefox } from '../scripts/ensure-firefox.mjs'

const port = Number(process.env.E2E_PORT ?? 4391)
const baseURL = `http://127.0.0.1:${port}`
// The demo sites, built and served by `vite preview` (with a strict CSP), for the visitor journeys.
const demoPort = Number(process.env.E2E_DEMO_PORT ?? 4392)
const demoURL = `http://127.0.0.1:${demoPort}`

// A system Chromium (CHROMIUM_PATH, `chromium` on PATH, /usr/bin/chromium), else Playwright's own.
const executablePath = await findChromium()

const launchOptions = {
  executablePath,
  args: CHROMIUM_ARGS,
}

// A system Firefox (FIREFOX_PATH, Debian's firefox-esr), driven over WebDriver BiDi; none: no Firefox projects.
const firefoxPath = await findFirefox()
const firefox = {
  browserName: 'firefox' as const,
  channel: 'moz-firefox',
  viewport: { width: 1280, height: 720 },
  launchOptions: { executablePath: firefoxPath },
}

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  // 2-core machine: one browser at a time keeps timings (cross-tab delivery, fallbacks) honest.
  workers: 1,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /demo\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        launchOptions,
      },
    },
    {
      name: 'demo',
      testMatch: /demo\.spec\.ts/,
      use: {
        ...devices['Desktop Chrome'],
        baseURL: demoURL,
        launchOptions,
      },
    },
    ...(firefoxPath
      ? [
          // The core on real IndexedDB, the visitor journeys on the demo, the body-swapping routers' journeys and the
          // panel's words on a small site (site-words), in Firefox.
          { name: 'firefox', testMatch: /(core-storage|smoke|router|turbo\.example|astro\.example|site-words|readme-page)\.spec\.ts/, use: firefox },
          { name: 'firefox-demo', testMatch: /demo\.spec\.ts/, use: { ...firefox, baseURL: demoURL } },
        ]
      : []),
  ],
  webServer: [
    {
      command: `node server.mjs --port ${port}`,
      url: `${baseURL}/healthz`,
      reuseExistingServer: !process.env.CI,
      stdout: 'pipe',
      stderr: 'pipe',
      timeout: 30_000,
    },
    {
      // Builds candor.js and the demo, then serves the build as a site would.
      command: `node ../packages/dropin/build.mjs && node ../node_modules/vite/bin/vite.js build ../demo --logLevel warn && node ../node_modules/vite/bin/vite.js preview ../demo --port ${demoPort} --strictPort`,
      url: `${demoURL}/candor.json`,
      reuseExistingServer: !process.env.CI,
      stdout: 'pipe',
      stderr: 'pipe',
      timeout: 120_000,
    },
  ],
})
