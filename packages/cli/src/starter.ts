// The catalog `candor init` writes: complete and valid, one signal of each type, to be edited into the site's own.
import type { Catalog } from '@candor/core'

/** Where the catalog's `$schema` is, served with candor.js from the drop-in's dist/ folder (see `init`'s instructions). */
export const SCHEMA = './candor/candor.schema.json'

/** A site name from a folder's name: a slug, as the catalog's `site` must be (`my-site` when the name has none). */
export const siteName = (folder: string): string => {
  const slug = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '')
  return slug || 'my-site'
}

/** A starter catalog for `site`: topics to follow (multi), a region (choice), a compact layout (boolean). */
export const starterCatalog = (site: string): Catalog & { $schema: string } => ({
  $schema: SCHEMA,
  site,
  intro: 'We use what you tell us here to order this site for you. It stays in your browser.',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'Topics you follow',
      purpose: 'Puts stories on these topics first',
      options: [
        { value: 'news', label: 'News' },
        { value: 'sports', label: 'Sports' },
        { value: 'culture', label: 'Culture' },
      ],
      lifetime: '180d',
    },
    {
      id: 'region',
      type: 'choice',
      label: 'Your region',
      purpose: 'Shows events near you',
      options: [
        { value: 'north', label: 'North' },
        { value: 'south', label: 'South' },
      ],
    },
    { id: 'compact', type: 'boolean', label: 'Compact layout', purpose: 'Shows more headlines per screen' },
  ],
})
