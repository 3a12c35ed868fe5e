import { expect, test } from '@playwright/test'

// candor.js carries its English words; a page in German gets its own in a small file beside candor.js, and
// Candor's buttons wait for them: none ever says a word in English first.
test('a German page: the Why button, the note and the launcher speak German, from candor-strings-de.js, never English first', async ({ page }) => {
  const fetched: string[] = []
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname))
  await page.addInitScript(() => {
    const seen: string[] = ((window as unknown as { said: string[] }).said = [])
    new MutationObserver(() => {
      for (const b of document.querySelectorAll('.candor-why, .candor-note')) if (b.textContent) seen.push(b.textContent)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  await page.goto('/words.html')
  await expect(page.locator('.candor-why')).toHaveText('Warum sehe ich das?')
  await expect(page.locator('candor-widget .candor-launcher')).toHaveText('Ihre Einstellungen')
  await page.getByRole('button', { name: 'Wissenschaft folgen' }).click()
  await expect(page.locator('.candor-note')).toHaveText('1 nach oben für Science')
  expect(fetched).toContain('/candor/candor-strings-de.js')
  expect(fetched).not.toContain('/candor/candor-strings-fr.js')
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said)
  expect(said.filter((t) => /Why|moved/.test(t))).toEqual([])
})

test('a Russian page in a legacy encoding: its words files are read as the UTF-8 they are', async ({ page }) => {
  await page.goto('/words-ru.html')
  await expect(page.locator('.candor-why')).toHaveText('Почему я это вижу?')
  await page.getByRole('button', { name: 'Settings' }).click()
  const dialog = page.getByRole('dialog')
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText('Ваши предпочтения')
  await expect(dialog.getByRole('button', { name: 'Закрыть' })).toBeVisible()
})

test('an English page fetches no words file', async ({ page }) => {
  const fetched: string[] = []
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname))
  await page.goto('/router.html?p=stories')
  await page.evaluate(() => (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready)
  await expect(page.locator('candor-widget .candor-launcher')).toHaveText('Your preferences')
  expect(fetched.filter((p) => p.includes('candor-strings'))).toEqual([])
})

// docs/hosting.md recommends preloading the catalog: the preload must be the very request candor.js makes, or the
// browser fetches it twice and warns that the preload went unused.
test('a catalog preloaded as docs/hosting.md says is fetched once, and the preload is used', async ({ page }) => {
  const fetched: string[] = []
  const said: string[] = []
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname))
  page.on('console', (m) => said.push(m.text()))
  await page.goto('/preload.html')
  await page.evaluate(() => (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready)
  await expect(page.getByRole('button', { name: 'Follow Science' })).toHaveAttribute('aria-pressed', 'false')
  // Chromium warns of an unused preload a few seconds after the load.
  await page.waitForTimeout(3500)
  expect(fetched.filter((p) => p == '/catalog.json')).toHaveLength(1)
  expect(said.filter((t) => /preload/i.test(t))).toEqual([])
})
