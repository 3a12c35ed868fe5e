// A ranked list that React renders (pages/framework-list.html, its app pages/framework-list-entry.jsx) on a page
// with candor.js: candor.js never moves the children of a container a framework manages (React would put them
// back on its next render, or lose track of them), so the list stays in React's order through a declaration
// and the app's own reordering; the console says once which container, and that useRanked is the way.
import { expect, test, type Page } from '@playwright/test'

const order = (page: Page) => page.locator('#app [data-candor-rank] > li').evaluateAll((lis) => lis.map((li) => li.id))
const REACT_ORDER = ['cup', 'moon', 'marathon', 'bees']

test("a list React renders stays in React's order: after a declaration and after the app reverses it; one console error names it and useRanked", async ({
  page,
}) => {
  const pageErrors: string[] = []
  const consoleErrors: string[] = []
  page.on('pageerror', (e) => pageErrors.push(e.message))
  page.on('console', (m) => {
    if (m.type() == 'error') consoleErrors.push(m.text())
  })
  await page.goto('/framework-list.html')
  await page.evaluate(() => (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready.then(() => undefined))
  await expect(page.locator('#app [data-candor-rank] > li')).toHaveCount(4)
  expect(await order(page)).toEqual(REACT_ORDER)

  const follow = page.getByRole('button', { name: 'Follow Science' })
  await follow.click()
  await expect(follow).toHaveAttribute('aria-pressed', 'true')
  // The declaration is stored and the page re-decided: a list candor.js ranked would now start with science.
  await page.waitForTimeout(300)
  expect(await order(page)).toEqual(REACT_ORDER)

  await page.getByRole('button', { name: 'Reverse' }).click()
  await expect.poll(() => order(page)).toEqual([...REACT_ORDER].reverse())
  await page.waitForTimeout(300)
  expect(await order(page)).toEqual([...REACT_ORDER].reverse())
  // Nothing was moved for the visitor, so no note says something was.
  await expect(page.locator('.candor-note')).toHaveCount(0)

  await page.getByRole('button', { name: 'Reverse' }).click()
  await expect.poll(() => order(page)).toEqual(REACT_ORDER)

  // One line, from Candor: the container by its tag and attribute, the framework, and the way to rank it.
  await expect.poll(() => consoleErrors.length).toBeGreaterThan(0)
  expect(consoleErrors).toHaveLength(1)
  expect(consoleErrors[0]).toMatch(/^Candor: /)
  expect(consoleErrors[0]).toContain('<ul data-candor-rank="topics">')
  expect(consoleErrors[0]).toContain('React')
  expect(consoleErrors[0]).toContain('useRanked')
  // React's own errors (a failed insertBefore, a lost node) would be page errors or further console errors.
  expect(pageErrors).toEqual([])
})
