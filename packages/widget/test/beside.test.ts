// @vitest-environment happy-dom
// Where the notice and the "Why" answer go next to their control (#23): never over it, in view.
import { afterEach, describe, expect, it } from 'vitest'
import { placeBeside } from '../src/beside'

/** A control at `top`..`top + 24` px, x 100..200, and a 300 × 120 box, in an 800 × 600 window. */
const place = (top: number, rtl = false) => {
  Object.assign(window, { innerWidth: 800, innerHeight: 600 })
  const control = document.createElement('button')
  control.getBoundingClientRect = () => new DOMRect(100, top, 100, 24)
  const box = document.createElement('div')
  Object.defineProperties(box, { offsetWidth: { value: 300 }, offsetHeight: { value: 120 } })
  placeBeside(box, control, rtl)
  return { left: parseFloat(box.style.left), top: parseFloat(box.style.top) }
}
const covers = (boxTop: number, controlTop: number) => boxTop < controlTop + 24 && controlTop < boxTop + 120

afterEach(() => document.body.replaceChildren())

describe('placeBeside', () => {
  it('goes below the control, at its start edge, when there is room', () => {
    expect(place(100)).toEqual({ left: 100, top: 130 })
  })
  it('goes above it when below has no room, and never covers it', () => {
    const at = place(500)
    expect(at.top).toBe(500 - 126)
    expect(covers(at.top, 500)).toBe(false)
  })
  it('in a right-to-left page, lines up with the control’s right edge, kept in the window', () => {
    expect(place(100, true).left).toBe(8)
  })
  it('stays in the window when the control is scrolled away, at the nearest edge', () => {
    expect(place(-300).top).toBe(8)
    expect(place(900).top).toBe(600 - 126 - 2)
  })
})
