// Where candor.js gets the site's catalog: the file its script tag names (data-catalog), or the page's own
// <script type="application/json" id="candor-catalog">.

/**
 * The catalog, as JSON, from `data-catalog`'s address (`file`) or from the page. Without one, rejects with the mistake
 * by its rule (`['catalog-http', file, status]`, `['no-catalog']`), which candor-catalog-words.js words with the fix.
 */
export const readCatalog = async (file: string | undefined): Promise<unknown> => {
  if (file) {
    const res = await fetch(new URL(file, location.href), { credentials: 'same-origin' })
    if (!res.ok) throw ['catalog-http', file, res.status]
    return res.json()
  }
  // The inline catalog may come after this script: wait for the document to be parsed.
  if (!document.getElementById('candor-catalog') && document.readyState == 'loading')
    await new Promise((r) => document.addEventListener('DOMContentLoaded', r, { once: true }))
  const el = document.getElementById('candor-catalog')
  if (!el) throw ['no-catalog']
  return JSON.parse(el.textContent || '')
}
