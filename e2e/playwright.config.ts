import { defineConfig, devices } from '@playwright/test'
// Only looks for a browser; installing one is `node scripts/ensure-chromium.mjs` (run by `pnpm test:e2e`).
import { findChromium } from '../scripts/ensure-chromium.mjs'

const port = Number(process.env.E2E_PORT ?? 4391)
const baseURL = `http://127.0.0.1:${port}`

// A system Chromium (CHROMIUM_PATH, `chromium` on PATH, /usr/bin/chromium), else Playwright's own.
const executablePath = await findChromium()

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
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: `node server.mjs --port ${port}`,
    url: `${baseURL}/healthz`,
    reuseExistingServer: !process.env.CI,
    stdout: 'pipe',
    stderr: 'pipe',
    timeout: 30_000,
  },
})
