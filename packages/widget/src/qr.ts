// The QR code of a transfer link, drawn as one SVG path. lean-qr's "nano" build (MIT, about 2 KiB gzip) encodes it:
// small, kept, and made for this; it is loaded only when a visitor asks for a code, never on another view.
import { generate } from 'lean-qr/nano'

/** The most modules a side a phone reads at arm's length from a screen the size of the panel (version 15). */
export const MAX_QR_MODULES = 77
/** What version 15 holds in bytes at the lowest error correction (L): a longer link can't fit. */
const MAX_QR_CHARS = 520
/** The light margin scanners need around a code, in modules. */
const QUIET = 4

const make = (tag: string, attributes: Record<string, string>) => {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag)
  for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v)
  return e
}

/**
 * The QR code of `text`, dark on light in every theme (scanners need the contrast), named `label` for screen readers;
 * `undefined` when it would be too dense for a phone to read.
 */
export const qrCode = (text: string, label: string): SVGSVGElement | undefined => {
  // Longer than version 15 holds even at the lowest correction: no code (and no error from the encoder).
  if (text.length > MAX_QR_CHARS) return undefined
  let code: ReturnType<typeof generate>
  try {
    code = generate(text)
  } catch {
    return undefined
  }
  if (code.size > MAX_QR_MODULES) return undefined
  let d = ''
  for (let y = 0; y < code.size; y++) for (let x = 0; x < code.size; x++) if (code.get(x, y)) d += `M${x + QUIET} ${y + QUIET}h1v1h-1z`
  const side = code.size + 2 * QUIET
  // Built node by node: a page that requires Trusted Types refuses markup strings.
  const svg = make('svg', { viewBox: `0 0 ${side} ${side}`, role: 'img', 'aria-label': label, 'shape-rendering': 'crispEdges' })
  svg.append(make('rect', { width: `${side}`, height: `${side}`, fill: '#fff' }), make('path', { fill: '#000', d }))
  return svg as SVGSVGElement
}
