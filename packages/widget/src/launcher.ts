// The floating launcher: a plain button, no Preact, so candor.js can show it at startup and load the
// panel only when the visitor shows intent (a pointer over it, focus, a touch). mountCandor uses it too.
import { launcherBase } from './launcher-theme.js'

// Its "why" comments are the code's, between the parts of the CSS: no bundle ships them.
const css =
  launcherBase('.candor-launcher') +
  // Doubled: the panel's sheet, adopted later into the same root, sets the tokens' colours on .candor-launcher too.
  `.candor-launcher.candor-launcher{position:fixed;inset-block-end:12px;inset-inline-end:12px;z-index:var(--candor-z);font:600 14px/1 var(--candor-font);
display:inline-flex;align-items:center;gap:6px;background:var(--candor-accent);color:var(--candor-accent-fg);border:0;border-radius:99px;padding:8px 14px;min-height:36px;min-width:36px;cursor:pointer;box-shadow:0 1px 6px #0004}
.candor-launcher.candor-launcher:focus-visible{outline:3px solid var(--candor-fg);outline-offset:3px}
` +
  // On a narrow screen, a small round button: its name stays for screen readers, its words leave the page's text alone.
  // (Clipped whole, out of the flow: it keeps its size, so screen readers still find it.)
  `@media (max-width:480px){.candor-launcher.candor-launcher{inline-size:36px;padding:0;justify-content:center;inset-block-end:8px;inset-inline-end:8px}
.candor-launcher.candor-launcher span{position:absolute;clip-path:inset(50%)}
.candor-launcher.candor-launcher::before{content:"";inline-size:14px;block-size:2px;background:currentColor;box-shadow:0 -5px currentColor,0 5px currentColor}}
`
let sheet: CSSStyleSheet | undefined

/** What the launcher says and does. */
export interface LauncherOptions {
  label: string
  lang?: string
  dir?: 'ltr' | 'rtl'
  theme?: 'light' | 'dark'
  /** The visitor may be about to open the panel: a pointer over the button, focus on it, a touch. */
  onIntent?: () => void
  onOpen: () => void
}

/** The events that show intent to open: the panel's code loads on the first of them. */
export const INTENT_EVENTS = ['pointerover', 'focusin', 'touchstart'] as const

/** Adds the launcher to `root` (a shadow root, or an element without Shadow DOM). Returns the button. */
export const addLauncher = (root: ShadowRoot | HTMLElement, o: LauncherOptions): HTMLButtonElement => {
  const doc = root instanceof ShadowRoot ? root : document
  if (!sheet) (sheet = new CSSStyleSheet()).replaceSync(css)
  if (!doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet]
  const b = document.createElement('button')
  b.type = 'button'
  b.className = 'candor-launcher'
  const text = document.createElement('span')
  text.textContent = o.label
  b.append(text)
  b.setAttribute('aria-haspopup', 'dialog')
  if (o.lang) b.lang = o.lang
  if (o.dir) b.dir = o.dir
  if (o.theme) b.dataset.theme = o.theme
  if (o.onIntent) for (const e of INTENT_EVENTS) b.addEventListener(e, o.onIntent, { once: true, passive: true })
  b.addEventListener('click', o.onOpen)
  root.append(b)
  return b
}
