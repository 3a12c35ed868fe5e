// Finds the data-candor-* attributes in a template's text, whatever the template language: HTML, JSX, Vue, Svelte,
// Astro, Nunjucks, Liquid. Text, not a DOM: a template isn't HTML until it runs, and line and column must be the file's.

/** One data-candor-* attribute as a template writes it. */
export interface Attribute {
  /** Lowercased, as the browser reads it: `data-candor-show`. */
  name: string
  /** Its value; `undefined` when written without one (`data-candor-open`) or when computed by the template. */
  value?: string
  /** Computed by the template (`data-candor-rank={x}`, `:data-candor-rank="x"`, `{{ }}` in the value): not checked. */
  dynamic: boolean
  /** The attribute as written, spaces collapsed: what the user searches their file for. */
  written: string
  /** Where it starts in the file's text. */
  offset: number
}

// Before the name: a space, or a template tag's end (`{% if x %}data-candor-show="x"`). A prefix ending in `:` binds the
// value to an expression (Vue's `:` and `v-bind:`, Alpine's `x-bind:`). The value: quoted, an expression in braces
// (JSX, Svelte, Astro), or unquoted (HTML).
const ATTRIBUTE = /(?<=[\s}])([\w.-]*:)?(data-candor-[\w-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|(\{)|([^\s"'=<>`{]+)))?/gi
// What a template puts into a quoted value at run time: `{{ }}`, `{% %}`, `${ }`, Svelte's `{x}`, `<% %>`, `<? ?>`.
const TEMPLATED = /[{}]|<%|<\?/
// Comments, whose attributes are not the page's: HTML's, JSX's, Nunjucks'.
const COMMENTS = /<!--[\s\S]*?-->|\{\/\*[\s\S]*?\*\/\}|\{#[\s\S]*?#\}/g

/** `text` with its comments blanked out, every offset and line kept. */
const uncommented = (text: string) => text.replace(COMMENTS, (c) => c.replace(/[^\n]/g, ' '))

/**
 * Whether `offset` is inside a tag: the nearest tag start before it (`<` and a letter) comes after the nearest tag end
 * (`>`, but not an arrow's `=>`). Leaves out what only looks like an attribute: a code sample's text, a script's strings.
 */
const inTag = (text: string, offset: number) => {
  for (let i = offset - 1; i >= 0; i--) {
    if (text[i] == '>' && text[i - 1] != '=') return false
    if (text[i] == '<' && /[A-Za-z]/.test(text[i + 1] ?? '')) return true
  }
  return false
}

/** The end of a braced expression that opens at `open` (just after its `}`), skipping strings and nested braces. */
const closeBrace = (text: string, open: number) => {
  let depth = 0
  for (let i = open; i < text.length; i++) {
    const c = text[i]!
    if (c == '"' || c == "'" || c == '`') {
      const end = text.indexOf(c, i + 1)
      if (end < 0) return text.length
      i = end
    } else if (c == '{') depth++
    else if (c == '}' && --depth == 0) return i + 1
  }
  return text.length
}

/** A braced expression's value when it is a plain string (`{'topics'}`, `` {`topics`} ``), else `undefined`: computed. */
const literal = (expression: string) =>
  /^\{\s*(?:"([^"]*)"|'([^']*)'|`([^`$]*)`)\s*\}$/
    .exec(expression)
    ?.slice(1)
    .find((v) => v !== undefined)

/** Every data-candor-* attribute in a template's text, in order. */
export const scanAttributes = (text: string): Attribute[] => {
  const src = uncommented(text)
  const found: Attribute[] = []
  for (const m of src.matchAll(ATTRIBUTE)) {
    const offset = m.index
    if (!inTag(src, offset)) continue
    const [whole, prefix, name, double, single, brace, bare] = m
    let end = offset + whole.length
    let value = double ?? single ?? bare
    let dynamic = !!prefix || (value !== undefined && TEMPLATED.test(value))
    if (brace) {
      end = closeBrace(src, end - 1)
      value = literal(src.slice(m.index + whole.length - 1, end))
      dynamic = value === undefined
    }
    if (dynamic) value = undefined
    const written = text.slice(offset, end).replace(/\s+/g, ' ')
    found.push({ name: name!.toLowerCase(), ...(value === undefined ? {} : { value }), dynamic, written, offset })
  }
  return found
}
