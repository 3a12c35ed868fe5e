import { test, expect, openHarness, createCandor, snapshot } from './fixtures'
test('race', async ({ context, page }) => {
  const tabB = await context.newPage()
  await Promise.all([openHarness(page), openHarness(tabB)])
  await createCandor(page)
  await createCandor(tabB)
  await page.evaluate(() => {
    const ch = new BroadcastChannel('candor:daily-planet')
    ch.onmessage = () => { ch.close(); (window as any).levelDone = window.candor.setLevel('off') }
  })
  await tabB.evaluate(() => window.candor.set('compact', true))
  await page.waitForFunction(() => (window as any).levelDone)
  await page.evaluate(() => (window as any).levelDone)
  await page.waitForTimeout(1000)
  console.log('A', JSON.stringify(await snapshot(page)))
  console.log('B', JSON.stringify(await snapshot(tabB)))
})
