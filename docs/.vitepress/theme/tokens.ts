// Every --candor-* custom property, from the widget's source: the defaults its stylesheets set (theme.ts), and any
// other name a stylesheet reads with a fallback of its own (var(--candor-outline,#c2185b)). Each needs words in
// WHAT below; a property the source gains without them fails the build, so the list can't fall behind.
import { base } from '../../../packages/widget/src/theme'

const sources = import.meta.glob('../../../packages/widget/src/**/*.{ts,tsx}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

const WHAT: Record<string, string> = {
  '--candor-bg': 'the background of the panel and its boxes',
  '--candor-fg': 'the text colour',
  '--candor-muted': 'secondary text: purposes, dates, where a value came from',
  '--candor-border': 'borders and dividers',
  '--candor-accent': 'buttons, switches that are on, links',
  '--candor-accent-fg': 'text on the accent colour',
  '--candor-soft': 'hovered buttons, "Still true?", what changed on the page, the shared page\'s bar, table rules',
  '--candor-warn-bg': 'the background of a warning ("changes won\'t be remembered") and of the preview',
  '--candor-warn-fg': 'the text of a warning and of the preview',
  '--candor-danger': 'the buttons that erase',
  '--candor-focus': 'the focus ring (the accent colour by default)',
  '--candor-radius': 'the corner radius of the panel and its boxes',
  '--candor-font': 'the font of everything Candor draws',
  '--candor-z': "the launcher's and the boxes' z-index",
  '--candor-outline': 'the colour of "Show what\'s tailored here"',
}

export interface Token {
  name: string
  light: string
  dark: string
  what: string
}

/** `light-dark(#fff,#1c1c21)` → ['#fff', '#1c1c21']; anything else is the same in both schemes. */
const schemes = (value: string): [string, string] => {
  const m = /^light-dark\((.*),(.*)\)$/.exec(value)
  return m ? [m[1]!, m[2]!] : [value, value]
}

export const tokens = (): Token[] => {
  const set = new Map<string, string>()
  for (const [, name, value] of base(':root').matchAll(/(--candor-[\w-]+):([^;}]+)/g)) set.set(name!, value!.trim())
  for (const text of Object.values(sources)) {
    for (const [, name, fallback] of text.matchAll(/var\((--candor-[\w-]+)(?:,([^)]+))?\)/g)) if (!set.has(name!)) set.set(name!, fallback ?? '')
  }
  return [...set].map(([name, value]) => {
    const what = WHAT[name]
    if (!what) throw new Error(`docs: ${name} is in the widget's source but not in docs/.vitepress/theme/tokens.ts: say what it does there`)
    const [light, dark] = schemes(value)
    return { name, light, dark, what }
  })
}
