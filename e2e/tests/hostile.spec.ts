// Hostile site text in a real browser (the `chromium` project): the cases of table (b) in
// shared/research/reliability-anchors.md that need layout, a real parser or real requests.
// S01: payloads in every site string → no dialog, no request, no element, text shown literally.
// S13: very long words in labels and purposes stay inside the panel.
// (The unit tests in packages/widget/test/hostile.test.tsx cover the same cases in happy-dom.)
import type { Page } from '@playwright/test'
import type { Catalog } from '../../packages/core/src/types'
import { expect, test } from './fixtures'

declare global {
  interface Window {
    CandorWidget: { mountCandor(candor: unknown, options: { lang: string }): { open(id?: string): void } }
  }
}

/** Loads the core and widget bundle into a bare page, shows `catalog` in the modal panel, with values set. */
async function showPanel(page: Page, catalog: Catalog, prepare: string) {
  await page.goto('/smoke.html')
  await page.addScriptTag({ url: '/widget.js', type: 'module' })
  await page.waitForFunction(() => 'CandorWidget' in window)
  await page.evaluate(
    async ({ catalog, prepare }) => {
      const c = window.CandorCore.createCandor({ catalog, storage: 'memory', gpc: false } as never)
      await c.ready
      // The steps are data (ids and values), never code from the catalog.
      for (const [method, ...args] of JSON.parse(prepare) as Array<[string, ...unknown[]]>)
        await (c as unknown as Record<string, (...a: unknown[]) => unknown>)[method]!(...args)
      window.CandorWidget.mountCandor(c, { lang: 'en' }).open()
    },
    { catalog, prepare },
  )
  const dialog = page.locator('candor-widget dialog')
  await expect(dialog).toBeVisible()
  return dialog
}

const PAYLOADS = [
  '<img src=/x-img onerror=alert(1)>',
  '<script src=/x-script></script><script>alert(2)</script>',
  '<svg onload=alert(3)><image href=/x-svg /></svg>',
  '"><iframe src=/x-frame></iframe>',
  '<math><mtext><table><mglyph><style><img src=/x-mxss onerror=alert(4)>',
]

test('S01: HTML and script in every site string is shown as text: no dialog, no request, no element', async ({ page }) => {
  const dialogs: string[] = []
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  const paths: string[] = []
  page.on('request', (r) => paths.push(new URL(r.url()).pathname))
  const p = PAYLOADS.join(' ')
  const catalog: Catalog = {
    site: 'evil-site',
    signals: [
      {
        id: 'topics',
        type: 'multi',
        label: 'L ' + PAYLOADS[0],
        purpose: 'P ' + p,
        description: 'D ' + p,
        group: 'G ' + PAYLOADS[3],
        options: PAYLOADS.map((x, i) => ({ value: 'o' + i, label: x })),
      },
      { id: 'region', type: 'choice', source: 'inferred', label: 'R ' + PAYLOADS[4], purpose: 'P', options: [{ value: 'eu', label: 'E ' + PAYLOADS[1] }] },
    ],
  }
  const dialog = await showPanel(
    page,
    catalog,
    JSON.stringify([
      ['set', 'topics', ['o0', 'o2']],
      ['infer', 'region', 'eu', { basis: 'B ' + PAYLOADS[2] }],
      ['get', 'topics', { reason: 'W ' + PAYLOADS[4] }],
    ]),
  )
  for (const text of [
    'L ' + PAYLOADS[0],
    'P ' + p,
    'D ' + p,
    'G ' + PAYLOADS[3],
    'R ' + PAYLOADS[4],
    'E ' + PAYLOADS[1],
    'B ' + PAYLOADS[2],
    'W ' + PAYLOADS[4],
    ...PAYLOADS,
  ])
    await expect(dialog.getByText(text, { exact: false }).first()).toBeVisible()
  const foreign = await page.evaluate(() => {
    const root = document.querySelector('candor-widget')!.shadowRoot!
    // Candor's own tables ("Does tailoring help you?") carry their class.
    const els = [...root.querySelectorAll('img,script,svg,image,iframe,style,math,mglyph,table:not(.candor-table),object,embed,link,a')]
    const handlers = [...root.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name))
    return { elements: els.map((e) => e.tagName), handlers }
  })
  expect(foreign).toEqual({ elements: [], handlers: [] })
  await page.waitForTimeout(300)
  expect(dialogs).toEqual([])
  expect(paths.filter((path) => path.startsWith('/x-'))).toEqual([])
})

// Keeps true: a label, option label or purpose that is one very long word wraps inside its card, so the
// 480px panel never scrolls sideways.
test('S13: a label, option label or purpose that is one very long word stays inside the panel', async ({ page }) => {
  const word = (n: number) => 'W'.repeat(n)
  const catalog: Catalog = {
    site: 'long-words',
    signals: [{ id: 'topics', type: 'multi', label: word(200), purpose: word(2000), description: word(500), options: [{ value: 'a', label: word(200) }] }],
  }
  const dialog = await showPanel(page, catalog, '[]')
  const overflow = await dialog.evaluate((d) => {
    const cards = [...d.querySelectorAll('.signal')]
    return { dialog: d.scrollWidth - d.clientWidth, cards: cards.map((c) => c.scrollWidth - c.clientWidth) }
  })
  expect(overflow).toEqual({ dialog: 0, cards: [0] })
})
