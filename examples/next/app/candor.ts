// The instance and the panel, once per page load, at module scope: every client component shares them. This
// module runs on the server too (client components are rendered there first); that is safe: createCandor gives a
// memory-only instance that the hooks don't read on the server (they render the page as everyone sees it), and
// mountCandorLazy does nothing without a document. In the browser it adds the launcher; the panel's code loads on intent.
import { type Catalog, createCandor } from '@candor/core'
import { mountCandorLazy } from '@candor/widget/lazy'
import catalog from './candor.json'

export const candor = createCandor({ catalog: catalog as Catalog })
export const panel = mountCandorLazy(candor)
