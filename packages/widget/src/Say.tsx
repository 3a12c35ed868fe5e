import type { I18n, Strings } from './i18n.js'

/**
 * A string with its holes filled by `<bdi>` elements: text from the catalog, the visitor or the
 * page is isolated, so a right-to-left override in a label can't reverse the sentence around it.
 * @example <p><Say i18n={i18n} k="purpose" purpose={s.purpose} /></p>
 */
export const Say = ({ i18n, k, ...vars }: { i18n: I18n; k: keyof Strings; [hole: string]: unknown }) => (
  <>
    {i18n
      .raw(k)
      .split(/\{(\w+)\}/)
      .map((part, i) => (i % 2 ? <bdi key={i}>{String(vars[part] ?? '')}</bdi> : part))}
  </>
)
