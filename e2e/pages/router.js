// A client-side router as sites write them by hand (or with htmx): links push a new address, and the page's header
// and its view element are swapped for new ones (the view itself, outerHTML), without loading a page. `?swap=body` replaces the whole <body> instead, as Turbo and Astro's router do.
const pages = {
  stories: {
    head: '<h1>Stories</h1><button type="button" data-candor-declare="topics:science">Follow Science</button>',
    view: `<ul id="view" data-candor-rank="topics">
      <li data-candor-about="world">World news</li><li data-candor-about="sports">The match</li><li data-candor-about="science">A new comet</li>
    </ul>`,
  },
  about: { head: '<h1>About</h1>', view: '<p id="view">A page without a list.</p>' },
  settings: { head: '<h1>Settings</h1>', view: '<p id="view"><button type="button" data-candor-open>Privacy settings</button></p>' },
}
const swapBody = new URLSearchParams(location.search).get('swap') == 'body'
window.routerLoads = (window.routerLoads ?? 0) + 1

const show = (name) => {
  const page = pages[name] ?? pages.stories
  if (!swapBody) {
    document.querySelector('header').innerHTML = page.head
    // The ranked list is the view itself: the note Candor puts right before it is outside what is swapped.
    document.querySelector('#view').outerHTML = page.view
    return
  }
  const body = document.createElement('body')
  body.innerHTML = `${document.querySelector('nav').outerHTML}<main><header>${page.head}</header>${page.view}</main>`
  document.body.replaceWith(body)
}
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[data-route]')
  if (!a) return
  e.preventDefault()
  const url = new URL(a.href)
  if (swapBody) url.searchParams.set('swap', 'body')
  history.pushState(null, '', url)
  show(a.dataset.route)
})
addEventListener('popstate', () => show(new URLSearchParams(location.search).get('p')))
show(new URLSearchParams(location.search).get('p'))
