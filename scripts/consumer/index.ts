// A Node project under `moduleResolution: nodenext`, typed against the packed packages (scripts/packages.mjs).
// Each `@ts-expect-error` must meet an error: if Candor's types resolved to `any`, tsc would fail on the unused directive.
import { type Catalog, createCandor, defineCatalog } from '@candor/core'
import { createTestCandor } from '@candor/core/testing'
import type { CandorPreferencesElement } from '@candor/widget'
import { mountCandorLazy } from '@candor/widget/lazy'

const catalog = defineCatalog({
  site: 'consumer',
  signals: [
    { id: 'topics', type: 'multi', label: 'Topics', purpose: 'Orders the stories', options: [{ value: 'science', label: 'Science' }] },
    { id: 'compact', type: 'boolean', label: 'Compact', purpose: 'Fits more on a screen' },
  ],
})
const plain: Catalog = catalog
const candor = createCandor({ catalog, storage: 'memory' })
const topics: readonly 'science'[] | undefined = candor.get('topics', { reason: 'orders the stories' })
void candor.set('topics', ['science'])
// The element is typed: its `candor` is there without a cast.
const panel: CandorPreferencesElement | null = document.querySelector('candor-preferences')
if (panel) panel.candor = candor
void [plain, topics, createTestCandor, mountCandorLazy, document.querySelector('candor-preferences')?.candor]

// @ts-expect-error a number is not options
createCandor(42)
// @ts-expect-error an id the catalog doesn't declare
candor.get('topcs', { reason: 'a typo' })
// @ts-expect-error an option the catalog doesn't declare
void candor.set('topics', ['sprots'])
