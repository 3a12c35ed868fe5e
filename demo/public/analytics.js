// The Daily Planet's analytics, as small as a site's can be: each report Candor gives when a measured
// view ends is kept. A real site would send it to its server instead, e.g.
//   document.addEventListener('candor:report', (e) => navigator.sendBeacon('/analytics/candor', JSON.stringify(e.detail)))
// The demo keeps them in this browser, so /measure.html can show what the site would learn.
document.addEventListener('candor:report', (e) => {
  try {
    const kept = JSON.parse(localStorage.getItem('daily-planet:reports') || '[]')
    kept.push(e.detail)
    localStorage.setItem('daily-planet:reports', JSON.stringify(kept.slice(-20000)))
  } catch {}
})
