import { expect, test } from '@playwright/test'

// Checks the infrastructure only (server, browser, IndexedDB), not the core.
test('the static server and the browser work', async ({ page, browserName }) => {
  const response = await page.goto('/smoke.html')
  expect(response?.status()).toBe(200)
  expect(response?.headers()['content-type']).toContain('text/html')
  await expect(page.locator('#status')).toHaveText('ready')
  // The browser the project asked for (the Firefox projects drive Debian's firefox-esr over WebDriver BiDi).
  expect(browserName).toBe(test.info().project.name.startsWith('firefox') ? 'firefox' : 'chromium')

  // Real IndexedDB round trip.
  const stored = await page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('smoke')
      request.onupgradeneeded = () => request.result.createObjectStore('s')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction('s', 'readwrite')
      tx.objectStore('s').put({ ok: true }, 'k')
      tx.oncomplete = () => resolve()
      tx.onerror = () => reject(tx.error)
    })
    const value = await new Promise((resolve, reject) => {
      const request = db.transaction('s').objectStore('s').get('k')
      request.onsuccess = () => resolve(request.result)
      request.onerror = () => reject(request.error)
    })
    db.close()
    return value
  })
  expect(stored).toEqual({ ok: true })

  const missing = await page.request.get('/no-such-file.html')
  expect(missing.status()).toBe(404)
})
