// A Candor element that goes away while it holds focus (a notice's Undo, Escape in the "Why" answer) hands focus
// back to the control it came from: otherwise the browser drops it on <body>, and a keyboard user starts over.

/** Removes `host`; if focus was inside it (its shadow root included), focuses `control` when it is still in the page. */
export const removeKeepingFocus = (host: Element, control: Element) => {
  const had = host.matches(':focus-within')
  host.remove()
  if (had && control.isConnected) (control as HTMLElement).focus()
}
