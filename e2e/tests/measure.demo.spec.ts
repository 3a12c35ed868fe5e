// Measuring against the shared page on the demo (run by the `demo` and `firefox-demo` projects): a share
// of views shows the front page as everyone sees it, goals are counted on the device, and each measured
// view ends with one noisy `candor:report` that the demo's analytics (public/analytics.js) keep.
import type { BrowserContext, Page } from '@playwright/test'
import { expectNoAxeViolations } from './axe'
import { editCatalog, expect, test, untilStored } from './fixtures'

type Measure = { holdout?: number; epsilon?: number; goals?: Array<string | { name: string; label: string }> }
interface Seen {
  arm: string
  forYou: boolean
  order: Array<string | null>
}
const PAGE_ORDER = ['sports', 'science', 'culture', 'business', 'sports', 'science', 'culture', 'business']

/** Serves the demo's catalog with another `measure`, as a site owner would edit it. */
const measuring = (context: BrowserContext, measure: Measure) => editCatalog(context, (catalog) => ({ ...catalog, measure }))

interface Instance {
  arm: string
  measurement: { goals: Array<{ tailored: { views: number }; holdout: { views: number } }> }
  export(): { measure: { holdouts: boolean; weeks: Record<string, { tailored: { views: number; goals: Record<string, number> } }> } }
}
/** The page's instance, read in the page (no eval: the demo runs under a strict CSP). */
const instance = (page: Page) =>
  page.evaluate(async () => {
    const c = (await (window as unknown as { Candor: { ready: Promise<unknown> } }).Candor.ready) as Instance
    const g = c.measurement.goals[0]
    return { arm: c.arm, views: { tailored: g?.tailored.views ?? 0, holdout: g?.holdout.views ?? 0 }, exported: c.export().measure }
  })

/** What the visitor sees of this view, once Candor has decided it. */
const seen = async (page: Page): Promise<Seen> => {
  const { arm } = await instance(page)
  return {
    arm,
    forYou: await page.locator('section.for-you').isVisible(),
    order: await page.locator('.top .stories > li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-candor-about'))),
  }
}
const reports = (page: Page) => page.evaluate(() => JSON.parse(localStorage.getItem('daily-planet:reports') || '[]') as Array<Record<string, unknown>>)
const panel = (page: Page) => page.locator('candor-widget dialog')
const openPanel = async (page: Page) => {
  await page.getByRole('button', { name: 'Your preferences' }).click()
  await expect(panel(page)).toBeVisible()
  return panel(page)
}

/** A visitor who follows Science, declared on the front page. */
const followScience = async (page: Page) => {
  await page.goto('/')
  await page.locator('.top').getByRole('button', { name: 'Follow Science' }).first().click()
  await expect(page.locator('section.for-you')).toBeVisible()
  // Stored, as IndexedDB holds it, before the test reloads: the page shows a declaration before its transaction ends.
  await untilStored(page, 'daily-planet', 's:topics')
}

test.describe('views drawn at random', () => {
  test.use({ holdouts: 'random' })
  test('holdout: 0.5 over 40 fresh views gives both arms; each holdout view shows exactly the page as everyone sees it', async ({ page, context }) => {
    // 40 page loads: more than the default 30 s in Firefox on 2 cores.
    test.setTimeout(120_000)
    await measuring(context, { holdout: 0.5, goals: ['read'] })
    await followScience(page)
    const arms: Record<string, number> = {}
    for (let i = 0; i < 40; i++) {
      await page.goto('about:blank')
      await page.goto('/')
      const s = await seen(page)
      arms[s.arm] = (arms[s.arm] ?? 0) + 1
      if (s.arm == 'holdout') expect(s, `view ${i}`).toEqual({ arm: 'holdout', forYou: false, order: PAGE_ORDER })
      else expect(s.forYou, `view ${i}`).toBe(true)
    }
    expect(Object.keys(arms).sort()).toEqual(['holdout', 'tailored'])
    // 40 views counted on the device, each under its arm.
    const { views } = await instance(page)
    expect(views.tailored + views.holdout).toBe(40)
  })
})

test.describe('a held-out view', () => {
  // axe is injected as a script: the strict CSP would refuse it.
  test.use({ holdouts: 'always', bypassCSP: true })
  test('says so in the panel and on the cards; turning holdouts off tailors at once and for good', async ({ page, context, browserName }) => {
    await measuring(context, { holdout: 0.1, goals: ['read'] })
    await followScience(page)
    await page.reload()
    expect(await seen(page)).toEqual({ arm: 'holdout', forYou: false, order: PAGE_ORDER })
    // Where the visitor's order would be, the note says this view is the page as everyone sees it, and answers why (#23).
    const note = page.locator('.top .candor-note')
    await expect(note).toHaveText('Shown as everyone sees it this time — why?')
    await note.click()
    await expect(page.locator('.candor-why-box')).toContainText('as everyone sees it')
    await page.keyboard.press('Escape')
    // Where "For you" would be, a part the visitor's topics show in any other view: the same note, answering the same (#23).
    const partNote = page.locator('.columns > div > .candor-note')
    await expect(partNote).toHaveText('Shown as everyone sees it this time — why?')
    await expect(partNote).toBeVisible()
    expect(await partNote.evaluate((b) => b.nextElementSibling?.className)).toBe('for-you')
    await partNote.click()
    await expect(page.locator('.candor-why-box')).toContainText('as everyone sees it')
    await page.keyboard.press('Escape')
    const p = await openPanel(page)
    await expect(p).toContainText('This view shows the page as everyone sees it — 1 in 10 views do, so you and the site can see whether tailoring helps.')
    await expect(p.getByRole('group', { name: 'Topics you follow' })).toContainText('Paused in this view, which shows the page as everyone sees it.')
    // axe is injected as a script: Chromium can bypass the strict CSP for it, Firefox can't.
    if (browserName == 'chromium') await expectNoAxeViolations(page, 'the panel in a holdout view')
    await p.getByRole('button', { name: "Don't hold my views out again" }).click()
    await expect(p).not.toContainText('This view shows the page as everyone sees it')
    await page.keyboard.press('Escape')
    await expect(page.locator('section.for-you')).toBeVisible()
    await expect(partNote).toHaveCount(0)
    await page.reload()
    expect((await seen(page)).arm).toBe('tailored')
    expect((await instance(page)).exported.holdouts).toBe(false)
  })
})

test.use({ bypassCSP: true })

test('a goal reached in a view with ε = 10 is reported true when the view ends, with exactly the documented keys', async ({ page, context, browserName }) => {
  await measuring(context, { holdout: 0.5, epsilon: 10, goals: ['read'] })
  await followScience(page)
  await page.reload()
  expect((await seen(page)).arm).toBe('tailored')
  await page.locator('.top .stories a[data-candor-goal]').first().click()
  // Leaving the page ends the view: its report is handed to the page's analytics on pagehide.
  await page.goto('/measure.html')
  const got = await reports(page)
  expect(got).toHaveLength(1)
  expect(Object.keys(got[0]!).sort()).toEqual(['arm', 'epsilon', 'format', 'goals', 'version', 'week'])
  expect(got[0]).toMatchObject({ format: 'candor/report', version: 1, arm: 'tailored', epsilon: 10, goals: { read: true } })
  expect(got[0]!.week).toMatch(/^\d{4}-W\d\d$/)
  expect(JSON.stringify(got)).not.toMatch(/science|topics|Science|http|\.html/)
  // The site owner's page shows what estimate() makes of them.
  await expect(page.locator('#estimate')).toContainText('1 reports from tailored views, 0 from holdout views')
  await page.getByRole('button', { name: 'Add 2,000 simulated views' }).click()
  await expect(page.getByRole('table', { name: 'Goal “read”' })).toContainText('Tailoring made')
  // axe is injected as a script: Chromium can bypass the strict CSP for it, Firefox can't.
  if (browserName == 'chromium') await expectNoAxeViolations(page, 'the measure page')
})

test('reports stop at level off and under Global Privacy Control, unless the visitor turns them on', async ({ page, context }) => {
  await measuring(context, { holdout: 0.5, epsilon: 10, goals: ['read'] })
  await followScience(page)
  await page.reload()
  const p = await openPanel(page)
  await p.getByRole('radio', { name: /Show me the same page as everyone/ }).check()
  await page.keyboard.press('Escape')
  await page.goto('/measure.html')
  expect(await reports(page)).toEqual([])

  // GPC: the level is "declared" by default, and reports are off.
  await page.evaluate(() => localStorage.clear())
  await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
  await page.goto('/')
  const again = await openPanel(page)
  await again.getByRole('radio', { name: /Use only what I told you/ }).check()
  await expect(again).toContainText('Your browser sent Global Privacy Control, so reports are off unless you turn them on.')
  await page.keyboard.press('Escape')
  await page.reload()
  expect((await seen(page)).arm).toBe('tailored')
  await page.goto('/measure.html')
  expect(await reports(page)).toEqual([])
  await page.goto('/')
  const on = await openPanel(page)
  await on.getByRole('checkbox', { name: 'Give the site a noisy report at the end of each of these views' }).check()
  await page.keyboard.press('Escape')
  await page.goto('/measure.html')
  expect(await reports(page)).toHaveLength(1)
})

test('"Does tailoring help you?" shows real counts under the goal’s label; export() holds them and erasing removes them', async ({
  page,
  context,
  browserName,
}) => {
  await measuring(context, { holdout: 0.1, goals: [{ name: 'read', label: 'Opened a story' }] })
  await followScience(page)
  for (let i = 0; i < 3; i++) {
    await page.reload()
    await seen(page)
    await page.locator('.top .stories a[data-candor-goal]').nth(i).click()
  }
  await page.reload()
  await seen(page)
  const p = await openPanel(page)
  const table = p.getByRole('table', { name: 'Goal: Opened a story' })
  await expect(table.getByRole('row', { name: /Tailored for you/ })).toContainText('4')
  await expect(table.getByRole('row', { name: /Tailored for you/ })).toContainText('75%')
  await expect(p.getByText('Too few views to tell yet.')).toBeVisible()
  await expect(p).toContainText('This week this browser gave the site 3 reports.')
  // axe is injected as a script: Chromium can bypass the strict CSP for it, Firefox can't.
  if (browserName == 'chromium') await expectNoAxeViolations(page, 'the panel with counts')
  const { weeks } = (await instance(page)).exported
  expect(Object.values(weeks)[0]!.tailored).toEqual({ views: 4, goals: { read: 3 } })
  await p.getByRole('button', { name: 'Erase everything' }).click()
  await p.getByRole('button', { name: 'Yes, erase everything' }).click()
  await expect(p).toContainText('Everything was erased.')
  expect((await instance(page)).exported.weeks).toEqual({})
  await page.reload()
  expect((await instance(page)).exported.weeks).toEqual({})
})
