import type { Catalog } from '@candor/core'

export const catalog: Catalog = {
  site: 'daily-planet',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'Topics you follow',
      purpose: 'Puts stories on these topics first',
      options: [
        { value: 'sports', label: 'Sports' },
        { value: 'science', label: 'Science' },
      ],
    },
    { id: 'compact', type: 'boolean', label: 'Compact layout', purpose: 'Shows more headlines' },
  ],
}
