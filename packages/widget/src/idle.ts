// Work that can wait for a quiet moment: loading the panel's code, rendering the closed panel.

/** Runs `f` when the browser is idle (within `timeout` ms when given); 200 ms later where there is no requestIdleCallback. */
export const idle = (f: () => void, timeout?: number) => {
  const ric = (globalThis as { requestIdleCallback?: (f: () => void, o?: { timeout: number }) => void }).requestIdleCallback
  if (ric) ric(f, timeout ? { timeout } : undefined)
  else setTimeout(f, 200)
}
