// catalog.ts: a news site's catalog, typed by defineCatalog: ids and option values are checked when compiling.
import { defineCatalog } from '@candor/core'

export const catalog = defineCatalog({
  site: 'daily-planet',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'Topics you follow',
      purpose: 'Puts stories on these topics first on the front page',
      options: [
        { value: 'news', label: 'News' },
        { value: 'sports', label: 'Sports' },
        { value: 'science', label: 'Science' },
      ],
    },
    { id: 'compact', type: 'boolean', label: 'Compact layout', purpose: 'Shows more headlines per screen' },
  ],
})
