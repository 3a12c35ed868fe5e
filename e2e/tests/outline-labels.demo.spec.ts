// "Show what's tailored here" (#23): each outline's label covers no control of the page — the note before a reordered
// list ("1 moved up for Science", a button) among them — and no other label, on a wide screen in the light and a
// phone in the dark. Run by `demo` and `firefox-demo`.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

/** Every label's rectangle, and every control of the page a label covers (its text), including other labels. */
const covered = (page: Page) =>
  page.evaluate(() => {
    const labels = [...(document.querySelector('candor-outline')?.shadowRoot?.querySelectorAll('.label') ?? [])].map((l) => l.getBoundingClientRect())
    const controls = [...document.querySelectorAll('a[href],button,input,select,textarea,summary')]
      .map((c) => ({ name: c.textContent!.trim(), r: c.getBoundingClientRect() }))
      .filter((c) => c.r.width && c.r.height)
    const meets = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
    const hits = labels.flatMap((l, i) => [
      ...controls.filter((c) => meets(l, c.r)).map((c) => c.name),
      ...labels.filter((o, j) => j != i && meets(l, o)).map(() => 'another label'),
    ])
    return { labels: labels.length, hits }
  })

for (const { width, height, colorScheme } of [
  { width: 1280, height: 720, colorScheme: 'light' },
  { width: 360, height: 740, colorScheme: 'dark' },
] as const)
  test(`at ${width} px in the ${colorScheme}: the labels cover no note, no control and no other label`, async ({ page }) => {
    await page.setViewportSize({ width, height })
    await page.emulateMedia({ colorScheme })
    await page.goto('/')
    await page.locator('.top').getByRole('button', { name: 'Follow Science' }).first().click()
    await expect(page.locator('.candor-note').first()).toHaveText(/moved up for Science/)
    await page.getByRole('button', { name: 'Your preferences' }).first().click()
    const dialog = page.locator('candor-widget dialog')
    await dialog.getByRole('button', { name: "Show what's tailored here" }).click()
    await expect(page.locator('candor-outline .box').first()).toBeAttached()
    // On a phone the panel steps aside by itself, to show the page.
    if (await dialog.isVisible()) await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
    await expect.poll(() => covered(page)).toEqual({ labels: expect.any(Number), hits: [] })
    expect((await covered(page)).labels).toBeGreaterThan(1)
  })
