import { css } from './styles.js'

let sheet: CSSStyleSheet | undefined

/**
 * Applies the widget's CSS to a shadow root, or to the document when rendering without Shadow DOM.
 * A constructed stylesheet needs neither a <style> element nor 'unsafe-inline'.
 */
export const adopt = (root: ShadowRoot | Document) => {
  if (!sheet) {
    sheet = new CSSStyleSheet()
    sheet.replaceSync(css)
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet]
}
