// S35, declarations in hostile placements on the real demo (the `demo` project; S31 has the same in
// happy-dom, packages/dropin/test/attributes.test.ts): a control the page injects late, one inside a link,
// one inside a form. Each click shows the notice with Undo, lands in the panel's history with its page, and
// neither navigates nor submits. A control naming an undeclared signal or option never writes.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'

const notice = (page: Page) => page.locator('candor-notice').getByRole('status')
const panel = (page: Page) => page.locator('candor-widget dialog')
const ready = (page: Page) => page.evaluate(() => (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready.then(() => undefined))

type Spec = [tag: string, attrs: Record<string, string>, content: string | Spec[]]
/** Adds elements after the front page's hint, as the page's own script would. */
const inject = (page: Page, specs: Spec[]) =>
  page.evaluate((json) => {
    type Spec = [string, Record<string, string>, string | Spec[]]
    const make = ([tag, attrs, content]: Spec): Element => {
      const el = document.createElement(tag)
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v)
      typeof content == 'string' ? (el.textContent = content) : el.append(...content.map(make))
      return el
    }
    document.querySelector('.hint')!.after(...(JSON.parse(json) as Spec[]).map(make))
  }, JSON.stringify(specs))

/** Every IndexedDB row and localStorage key of the origin, to show that nothing was written. */
const stored = (page: Page) =>
  page.evaluate(async () => {
    const req = <T>(r: IDBRequest<T>) => new Promise<T>((ok, no) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => no(r.error))))
    const out: Record<string, unknown> = {}
    for (const { name } of await indexedDB.databases()) {
      const db = await req(indexedDB.open(name!))
      for (const s of db.objectStoreNames) {
        const store = db.transaction(s).objectStore(s)
        out[`${name}/${s}`] = await Promise.all([req(store.getAllKeys()), req(store.getAll())])
      }
      db.close()
    }
    for (let i = 0; i < localStorage.length; i++) out[`ls:${localStorage.key(i)}`] = localStorage.getItem(localStorage.key(i)!)
    return JSON.stringify(out)
  })

test('S35: a control injected late, inside a link, inside a form: the notice with Undo, the history with the page, no navigation', async ({ page }) => {
  await page.goto('/index.html')
  await ready(page)
  // Added by the page's own script once Candor is running, as a late widget or an ad slot would be (built
  // element by element: the demo's Trusted Types policy refuses HTML strings).
  await inject(page, [
    ['p', {}, [['button', { type: 'button', id: 'late', 'data-candor-declare': 'topics:culture' }, 'Follow Culture (late)']]],
    ['p', {}, [['a', { href: '/elsewhere.html', id: 'link' }, [['span', { id: 'in-link', 'data-candor-declare': 'topics:business' }, 'Follow Business']]]]],
    ['form', { action: '/submitted.html', id: 'form' }, [['button', { id: 'in-form', 'data-candor-declare': 'compact' }, 'Compact layout']]],
  ])
  const cases = [
    { control: '#late', said: 'Topics you follow: Culture added.', history: 'set Topics you follow to Culture on /index.html' },
    { control: '#in-link', said: 'Topics you follow: Business added.', history: 'set Topics you follow to Culture and Business on /index.html' },
    { control: '#in-form', said: 'Compact layout: on.', history: 'set Compact layout to on on /index.html' },
  ]
  for (const c of cases) {
    const control = page.locator(c.control)
    // Candor took the injected control up: it says whether the stored value holds it.
    await expect(control).toHaveAttribute('aria-pressed', 'false')
    await control.click()
    await expect(notice(page)).toContainText(c.said)
    await expect(notice(page).getByRole('button', { name: 'Undo' })).toBeVisible()
    await expect(control).toHaveAttribute('aria-pressed', 'true')
    expect(new URL(page.url()).pathname, 'neither the link nor the form went anywhere').toBe('/index.html')
    // The notice sits below its control, over the next one (the three are a line apart), and stays while the pointer is
    // on it: the visitor closes it with Escape, which hands focus back to the control.
    await page.keyboard.press('Escape')
    await expect(page.locator('candor-notice')).toHaveCount(0)
  }
  await page.getByRole('button', { name: 'Your preferences' }).click()
  await panel(page).locator('details summary').click()
  const history = panel(page).locator('ol.history li')
  for (const c of cases) await expect(history.filter({ hasText: c.history })).toHaveCount(1)
  await page.keyboard.press('Escape')
  // Undo of the last one puts back exactly what was there.
  await page.locator('#in-form').click()
  await expect(notice(page)).toContainText('Compact layout: off.')
  await notice(page).getByRole('button', { name: 'Undo' }).click()
  await expect(notice(page)).toContainText('Undone')
  await expect(page.locator('#in-form')).toHaveAttribute('aria-pressed', 'true')
  expect(new URL(page.url()).pathname).toBe('/index.html')
})

test('S35: a control naming an undeclared signal or option is disabled, said once, and a click writes nothing', async ({ page }) => {
  const errors: string[] = []
  page.on('console', (m) => m.type() == 'error' && errors.push(m.text()))
  await page.goto('/index.html')
  await ready(page)
  // Something stored first, so "unchanged" is about real rows.
  await page.locator('.top').getByRole('button', { name: 'Follow Science' }).first().click()
  await expect(notice(page)).toContainText('Science added')
  await page.keyboard.press('Escape')
  await expect(page.locator('candor-notice')).toHaveCount(0)
  await inject(page, [
    ['button', { type: 'button', id: 'option', 'data-candor-declare': 'topics:cooking' }, 'Follow Cooking'],
    ['a', { href: '/elsewhere.html' }, [['span', { id: 'signal', 'data-candor-declare': 'diet:vegan' }, 'Vegan']]],
    ['button', { type: 'button', id: 'boolean', 'data-candor-declare': 'compact:yes' }, 'Compact, yes'],
  ])
  for (const id of ['#option', '#signal', '#boolean']) await expect(page.locator(id)).toHaveAttribute('aria-disabled', 'true')
  await expect.poll(() => errors.filter((e) => e.includes('data-candor-declare=')).length).toBe(3)
  const before = await stored(page)
  const history = await page.evaluate(
    async () => (await (window as unknown as { Candor: { ready: Promise<{ history: unknown[] }> } }).Candor.ready).history.length,
  )
  // aria-disabled doesn't stop a pointer: the visitor can still click it (Playwright would wait for "enabled").
  for (const id of ['#option', '#signal', '#boolean']) await page.locator(id).click({ force: true })
  // Give a (wrong) write the time it would take to land, then compare everything stored.
  await page.waitForTimeout(500)
  expect(await stored(page), 'IndexedDB and localStorage after the clicks').toBe(before)
  expect(
    await page.evaluate(async () => (await (window as unknown as { Candor: { ready: Promise<{ history: unknown[] }> } }).Candor.ready).history.length),
  ).toBe(history)
  await expect(page.locator('candor-notice'), 'no notice: nothing was declared').toHaveCount(0)
  expect(new URL(page.url()).pathname).toBe('/index.html')
  for (const attr of ['topics:cooking', 'diet:vegan', 'compact:yes']) expect(errors.filter((e) => e.includes(`data-candor-declare="${attr}"`))).toHaveLength(1)
})
