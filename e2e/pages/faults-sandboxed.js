// The script of the sandboxed frame of faults-sandbox.html (F06): the core and the widget, as a
// page would mount them. Sets window.candor, window.widget, then window.frameReady (or frameError).
const catalog = {
  site: 'daily-planet',
  signals: [
    {
      id: 'topics',
      type: 'multi',
      label: 'Topics you follow',
      purpose: 'Puts stories on these topics first on the front page',
      options: [
        { value: 'sports', label: 'Sports' },
        { value: 'science', label: 'Science' },
      ],
    },
    { id: 'compact', type: 'boolean', label: 'Compact layout', purpose: 'Shows more headlines per screen' },
  ],
}

try {
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
