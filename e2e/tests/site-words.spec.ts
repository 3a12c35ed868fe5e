// Words that fit any site (#23): the panel names nothing the site doesn't have. A small site's page
// (pages/bakery.html: candor.js with a catalog without groups or inferred signals), and the widget's settings
// page (pages/inline.html) on a view where the site inferred nothing.
import { expect, test, type Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'

const panel = (page: Page) => page.locator('.candor')

test('a catalog without groups or inferred signals: no "Signals" heading, tailoring on or off, the level as it acts', async ({ page }) => {
  await page.goto('/bakery.html')
  await page.locator('candor-widget .candor-launcher').click()
  await expect(page.locator('dialog.candor-dialog[open]')).toBeVisible()
  await expect(panel(page).getByRole('group', { name: 'What you eat' })).toBeVisible()
  // The signals under no heading of their own: the only section headed is "Your data".
  await expect(panel(page).locator('h3')).toHaveText(['Your data'])
  const levels = panel(page).getByRole('group', { name: 'How much tailoring' }).getByRole('radio')
  await expect(levels).toHaveCount(2)
  // Nothing stored: the level is `all`, which here uses exactly what "only what I told you" does.
  await expect(panel(page).getByRole('radio', { name: /Use only what I told you/ })).toBeChecked()
  await expect(panel(page).getByRole('radio', { name: /same page as everyone/ })).not.toBeChecked()
  await expect(panel(page)).not.toContainText(/region|infer/i)
  await expectNoAxeViolations(page, 'the panel of a catalog without groups')
  // Off and back: the two levels a visitor can tell apart.
  await panel(page)
    .getByRole('radio', { name: /same page as everyone/ })
    .check()
  await expect
    .poll(() => page.evaluate(async () => (await (window as unknown as { Candor: { ready: Promise<{ level: string }> } }).Candor.ready).level))
    .toBe('off')
})

test('the settings page says an inferred signal it did not infer may be guessed on the pages that use it, not "not set"', async ({ page }) => {
  await page.goto(`/inline.html?region=none&site=words-${Date.now()}`)
  await page.waitForFunction(() => (window as unknown as { pageReady?: boolean }).pageReady === true)
  const region = panel(page).getByRole('group', { name: 'Your region' })
  await expect(region).toContainText('The site may guess it on pages that use it.')
  await expect(region).not.toContainText('not set')
  // A declared signal never set is still said to be unset.
  await expect(panel(page).getByRole('group', { name: 'Topics you follow' })).toContainText('Now: not set')
})

test('a gated part that names an undeclared signal is reported with its element and attribute, and stays as everyone sees it', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (m) => m.type() == 'error' && errors.push(m.text()))
  // The bakery's page, with a part its owner gated by a signal the catalog doesn't declare (a typo of "desserts").
  await page.route('**/bakery-typo.html', async (route) => {
    const html = await (await page.request.get('/bakery.html')).text()
    await route.fulfill({ contentType: 'text/html', body: html.replace('</ul>', '</ul>\n<p id="cakes" data-candor-show="deserts">Cakes first today</p>') })
  })
  await page.goto('/bakery-typo.html')
  await expect(page.locator('#cakes')).toHaveAttribute('data-candor-state', 'off')
  await expect.poll(() => errors.join('\n')).toContain('Candor: <p data-candor-show="deserts">: "deserts" is not declared in the catalog of "corner-bakery"')
  expect(errors.filter((e) => e.includes('"deserts"'))).toHaveLength(1)
})

test('one launcher: it leaves when the page renders its own opener after candor.js started, and comes back when that goes', async ({ page }) => {
  await page.goto('/bakery.html')
  const launcher = page.locator('candor-widget .candor-launcher')
  await expect(launcher).toBeVisible()
  // As a framework would: the page's own "Preferences" control, rendered later.
  await page.evaluate(() => {
    const b = document.createElement('button')
    b.id = 'own'
    b.textContent = 'Preferences'
    b.setAttribute('data-candor-open', '')
    document.querySelector('h1')!.after(b)
  })
  await expect(launcher).toHaveCount(0)
  await page.locator('#own').click()
  await expect(page.locator('dialog.candor-dialog[open]')).toBeVisible()
  await page.keyboard.press('Escape')
  await page.evaluate(() => document.getElementById('own')!.remove())
  await expect(launcher).toBeVisible()
})

test('on a returning visit, the note before a list ordered from the snapshot names the option by its label', async ({ page }) => {
  await page.goto('/bakery.html')
  await page.evaluate(async () => {
    const c = await (window as unknown as { Candor: { ready: Promise<{ set(id: string, v: unknown): Promise<void> }> } }).Candor.ready
    await c.set('diet', ['vegan'])
  })
  const note = page.locator('.candor-note')
  await expect(note).toContainText('for Vegan')
  // The catalog comes late: the list is ordered from the snapshot first, and its note must still say the label.
  await page.route('**/bakery.json', async (route) => {
    await new Promise((r) => setTimeout(r, 800))
    await route.continue()
  })
  await page.reload({ waitUntil: 'domcontentloaded' })
  await expect(page.locator('ul[data-candor-rank] > li').first()).toHaveText('Oat milk cinnamon rolls')
  // While the catalog is coming: for "you", never the option's value.
  await expect(note).toHaveText('1 moved up for you')
  await expect(note).toHaveText('1 moved up for Vegan')
})
