import type { Catalog } from '@candor/core'

/** The demo site's declared signals, each with its purpose. */
export const catalog: Catalog = {
  site: 'daily-planet',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'Topics you follow',
      purpose: 'Puts stories on these topics first on the front page',
      group: 'Reading',
      options: [
        { value: 'sports', label: 'Sports' },
        { value: 'science', label: 'Science' },
        { value: 'culture', label: 'Culture' },
      ],
      lifetime: '180d',
    },
    {
      id: 'region',
      type: 'choice',
      source: 'inferred',
      label: 'Your region',
      purpose: 'Shows prices and events near you',
      group: 'Where you are',
      options: [
        { value: 'eu', label: 'Europe' },
        { value: 'us', label: 'United States' },
      ],
    },
    { id: 'compact', type: 'boolean', label: 'Compact layout', purpose: 'Shows more headlines per screen', group: 'Reading' },
  ],
}
