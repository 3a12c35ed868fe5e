// A small box in a shadow root of its own (the notice, the shared-page message, the "Why" answer): its host
// element, and the live region inside it, styled by one constructed stylesheet per kind; and its buttons.

const sheets = new Map<string, CSSStyleSheet>()

/** `<tag>` with an open shadow root holding `<div class="tag" role="status">`, in `lang` and `dir`. */
export const statusBox = (tag: string, css: string, lang?: string, dir?: 'ltr' | 'rtl') => {
  const host = document.createElement(tag)
  const root = host.attachShadow({ mode: 'open' })
  let sheet = sheets.get(tag)
  if (!sheet) sheets.set(tag, (sheet = new CSSStyleSheet())), sheet.replaceSync(css)
  root.adoptedStyleSheets = [sheet]
  const box = document.createElement('div')
  box.className = tag
  box.setAttribute('role', 'status')
  if (lang) box.lang = lang
  if (dir) box.dir = dir
  root.append(box)
  return { host, box }
}

/** A button that closes its box, then does what it says. */
export const closingButton = (label: string, close: () => void, run: () => void) => {
  const b = document.createElement('button')
  b.type = 'button'
  b.textContent = label
  b.addEventListener('click', () => {
    close()
    run()
  })
  return b
}
