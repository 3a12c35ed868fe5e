// Which signals an app's code names: a site that reads its preferences in JavaScript (`candor.get('topics')`,
// `usePreference('compact')`, `useRanked(items, { rank: 'topics' })`) uses signals no attribute names.

/**
 * The ids of `ids` that `code` writes as a string literal: `'topics'`, `"topics"`, `` `topics` ``, or with an option
 * (`'topics:science'`, as a declaring attribute's value built in code). A plain search, not a parse: a name in a
 * comment counts too, which only ever spares a warning.
 */
export const namedIn = (code: string, ids: Iterable<string>): Set<string> => {
  const found = new Set<string>()
  for (const id of ids) {
    const escaped = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    if (new RegExp(`(['"\`])${escaped}(?::[\\w.-]*)?\\1`).test(code)) found.add(id)
  }
  return found
}
