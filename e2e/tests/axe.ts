// axe-core over the whole page, open shadow roots included, once animations have settled.
import { createRequire } from 'node:module'
import type { Page } from '@playwright/test'
import { expect } from './fixtures'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Waits for running animations (the dialog slides in) to finish, so styles and contrast are final. */
export async function settle(page: Page) {
  // document.getAnimations() leaves out shadow trees: ask each shadow root too.
  await page.waitForFunction(() => {
    const roots: Array<Document | ShadowRoot> = [document]
    for (const node of document.querySelectorAll('*')) if (node.shadowRoot) roots.push(node.shadowRoot)
    return roots.every((root) => root.getAnimations().every((a) => a.playState === 'finished' || a.playState === 'idle'))
  })
}

/**
 * Runs axe-core on the whole page (open shadow roots included), or `within` one part of it (a host's selector, then the
 * selector inside its shadow root), and fails with a readable list.
 */
export async function expectNoAxeViolations(page: Page, state: string, within?: string[]) {
  await settle(page)
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath })
  const violations = await page.evaluate(
    async ([tags, within]) => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
      const context = within ? ({ include: [within] } as unknown as import('axe-core').ElementContext) : document
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), html: n.html.slice(0, 160), summary: n.failureSummary ?? '' })),
      }))
    },
    [AXE_TAGS, within] as const,
  )
  const report = violations
    .map(
      (v) =>
        `\n• ${v.id} (${v.impact}): ${v.help}` +
        v.nodes.map((n) => `\n    at ${n.target}\n      ${n.html}\n      ${n.summary.replace(/\n/g, '\n      ')}`).join(''),
    )
    .join('')
  expect(violations.length, `axe-core violations in state "${state}":${report}`).toBe(0)
}
