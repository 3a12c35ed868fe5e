// The script of the sandboxed frame of faults-sandbox.html (F06): the core and the widget, as a
// page would mount them. Sets window.candor, window.widget, then window.frameReady (or frameError).
try {
  const catalog = await (await fetch('/catalog.json')).json()
  await import('/widget.js')
  const { CandorCore, CandorWidget } = /** @type {any} */ (window)
  const candor = CandorCore.createCandor({ catalog })
  window.candor = candor
  window.widget = CandorWidget.mountCandor(candor, {})
  await candor.ready
  window.frameReady = true
} catch (error) {
  window.frameError = String(error?.stack ?? error)
}
