// A client-side router as sites write them by hand: links push a new address and new content replaces the
// old, without loading a page. `?swap=body` replaces the whole <body> instead, as Turbo and Astro's router do.
const pages = {
  stories: `<h1>Stories</h1><button data-candor-declare="topics:science">Follow Science</button>
    <ul id="stories" data-candor-rank="topics">
      <li data-candor-about="world">World news</li><li data-candor-about="sports">The match</li><li data-candor-about="science">A new comet</li>
    </ul>`,
  about: '<h1>About</h1><p>A page without a list.</p>',
  settings: '<h1>Settings</h1><button data-candor-open>Privacy settings</button>',
}
const swapBody = new URLSearchParams(location.search).get('swap') == 'body'
window.routerLoads = (window.routerLoads ?? 0) + 1

const show = (name) => {
  const html = pages[name] ?? pages.stories
  if (!swapBody) return void (document.querySelector('main').innerHTML = html)
  const body = document.createElement('body')
  body.innerHTML = document.querySelector('nav').outerHTML + `<main>${html}</main>`
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
