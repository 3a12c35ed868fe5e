// The page script of the widget pages (widget.html, csp/widget.html, hostile.html, inline.html):
// a small news front page tailored through Candor, with the widget mounted on it. A plain ES module
// loaded from a file, never inline, and without innerHTML, so it runs under the strict CSP (no
// inline script or style, Trusted Types required) of the pages under /csp/.
//
// URL parameters:
//   ?lang=de        the widget's language (default: the page's, English)
//   ?theme=dark     light | dark | auto (default auto); also colours the page
//   ?memory=1       createCandor({ storage: 'memory' }): nothing is saved
//   ?gpc=1          as if the browser sent Global Privacy Control
//   ?site=slug      the catalog's site, to keep a test's stored choices apart (default daily-planet)
//   ?shadow=0       render the widget without Shadow DOM
//   ?region=us      what the site infers the region from: eu | us | asia, or none (no guess);
//                   default: a guess from the browser's time zone and language
//
// Sets window.candor, window.widget (null on the inline page), window.pageReady = true once the
// first tailored render is done, or window.pageError when something failed.

/** @typedef {import('../../packages/core/src/types').Candor} Candor */
/** @typedef {import('../../packages/core/src/types').Catalog} Catalog */

const params = new URLSearchParams(location.search)
const site = params.get('site') || 'daily-planet'
const lang = params.get('lang') || undefined
const themeParam = params.get('theme')
const theme = themeParam === 'light' || themeParam === 'dark' ? themeParam : 'auto'
const shadow = params.get('shadow') !== '0'
// Candor ships twenty languages, Arabic among them (?lang=ar-EG shows its own words); ?lang=ar shows a site that gives
// its own strings over a shipped language's, as any site may. Either way the panel lays out right to left.
const strings =
  lang === 'ar'
    ? {
        launcher: 'التخصيص',
        title: 'ما الذي يخصص هذه الصفحة',
        close: 'إغلاق',
        level: 'مقدار التخصيص',
        'level.off': 'اعرض لي الصفحة نفسها التي يراها الجميع',
        'level.declared': 'استخدم فقط ما أخبرتكم به',
        'level.all': 'استخدم أيضًا ما يستنتجه الموقع',
        use: 'استخدمه',
        data: 'بياناتك',
        erase: 'امسح كل شيء',
      }
    : undefined

/** @type {Catalog} */
export const catalog = {
  site,
  signals: [
    {
      id: 'topics',
      type: 'multi',
      group: 'Front page',
      label: 'Topics you follow',
      purpose: 'Puts stories on these topics first on the front page',
      options: [
        { value: 'world', label: 'World' },
        { value: 'sports', label: 'Sports' },
        { value: 'science', label: 'Science' },
        { value: 'culture', label: 'Culture' },
        { value: 'business', label: 'Business' },
      ],
      lifetime: '180d',
    },
    {
      id: 'compact',
      type: 'boolean',
      group: 'Front page',
      label: 'Compact layout',
      purpose: 'Shows more headlines per screen',
    },
    {
      id: 'region',
      type: 'choice',
      source: 'inferred',
      group: 'Where you are',
      label: 'Your region',
      purpose: 'Shows events near you',
      options: [
        { value: 'eu', label: 'Europe' },
        { value: 'us', label: 'United States' },
        { value: 'asia', label: 'Asia' },
      ],
    },
    {
      id: 'quiet',
      type: 'boolean',
      group: 'Alerts',
      label: 'Quiet week',
      description: 'Mutes the breaking-news banner for a week; then it comes back on its own.',
      purpose: 'Hides the breaking-news banner',
      lifetime: '7d',
    },
  ],
}

// The editorial order: what everyone sees.
const stories = [
  { title: 'Ceasefire talks resume in Geneva', topic: 'world' },
  { title: 'City clinch the title on the final day', topic: 'sports' },
  { title: 'Probe finds water ice near the lunar south pole', topic: 'science' },
  { title: 'A forgotten opera returns to the stage after 200 years', topic: 'culture' },
  { title: 'Chipmakers expand as demand for sensors grows', topic: 'business' },
  { title: 'Floods recede across the river valley', topic: 'world' },
  { title: 'Why bees dance: a new study decodes the waggle', topic: 'science' },
  { title: 'Marathon record falls in cool, still conditions', topic: 'sports' },
]
const briefs = [
  'Rail strike called off after late-night talks',
  'Library fines abolished from next month',
  'New bridge opens to cyclists first',
  'Heatwave warning lifted for the south',
  'Orchestra names its first woman conductor',
  'Startup recalls 10,000 e-scooters',
]
const events = {
  eu: ['Berlin: Long Night of Museums, Saturday', 'Lyon: Festival of Lights opens Thursday', 'Lisbon: Open-air cinema on the river, all week'],
  us: ['Chicago: Jazz in the park, Friday', 'Austin: Book fair downtown, Saturday', 'Boston: Harbor fireworks, Sunday'],
  asia: ['Tokyo: Lantern festival, Saturday', 'Seoul: Night market on the river, Friday', 'Singapore: Science week opens Monday'],
}
const everywhere = ['Earth Hour: lights off at 8:30 pm, local time', 'Our readers’ photo contest closes Sunday']
const topicLabel = (value) => catalog.signals[0].options.find((o) => o.value === value)?.label ?? value
const regionLabel = (value) => catalog.signals[2].options.find((o) => o.value === value)?.label ?? value

/** What the site guesses the region from: a `?region=` pick, else the time zone, else the language. */
function guessRegion() {
  const asked = params.get('region')
  if (asked === 'none') return undefined
  if (asked === 'eu' || asked === 'us' || asked === 'asia') return { value: asked, basis: `the edition you opened (${regionLabel(asked)})` }
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ''
  const continent = zone.split('/')[0]
  if (continent === 'America') return { value: 'us', basis: `your time zone (${zone}) suggests the United States` }
  if (continent === 'Europe') return { value: 'eu', basis: `your time zone (${zone}) suggests Europe` }
  if (continent === 'Asia') return { value: 'asia', basis: `your time zone (${zone}) suggests Asia` }
  const language = navigator.language || 'en'
  return /-US$/i.test(language)
    ? { value: 'us', basis: `your browser's language (${language}) suggests the United States` }
    : { value: 'eu', basis: `your browser's language (${language}) suggests Europe` }
}

/** An element with text and optional class, built without innerHTML (Trusted Types). */
function el(tag, text, className) {
  const node = document.createElement(tag)
  if (text !== undefined) node.textContent = text
  if (className) node.className = className
  return node
}

const $ = (id) => document.getElementById(id)

/** Renders every tailored part of the page that exists on it. Reads each signal with its reason and element. */
function render(/** @type {Candor} */ candor) {
  const tailoredBy = []
  const mark = (node, id, used) => {
    node.dataset.tailored = String(used)
    if (used) tailoredBy.push(id)
  }

  const list = $('stories')
  if (list) {
    const topics = candor.get('topics', { reason: 'Puts your topics first on the front page', element: list })
    const followed = Array.isArray(topics) ? topics : []
    const used = followed.length > 0
    const ordered = used ? [...stories].sort((a, b) => Number(followed.includes(b.topic)) - Number(followed.includes(a.topic))) : stories
    list.replaceChildren(
      ...ordered.map((story) => {
        const item = el('li')
        item.append(el('span', topicLabel(story.topic), 'kicker'), el('a', story.title))
        item.lastElementChild.setAttribute('href', '#' + story.topic)
        if (used && followed.includes(story.topic)) item.append(el('span', 'You follow this', 'tag'))
        return item
      }),
    )
    $('stories-note').textContent = used
      ? `Stories on ${new Intl.ListFormat('en').format(followed.map(topicLabel))} come first because you follow them.`
      : 'The front page in our editors’ order, as every reader sees it.'
    mark(list, 'topics', used)
  }

  const local = $('local')
  if (local) {
    const region = candor.get('region', { reason: 'Lists events near you', element: local })
    const used = typeof region === 'string'
    $('local-title').textContent = used ? `Events near you: ${regionLabel(region)}` : 'Events around the world'
    $('events').replaceChildren(...(used ? (events[region] ?? everywhere) : everywhere).map((text) => el('li', text)))
    mark(local, 'region', used)
  }

  const more = $('briefs')
  if (more) {
    const compact = candor.get('compact', { reason: 'Shows more headlines per screen', element: more }) === true
    more.classList.toggle('compact', compact)
    more.replaceChildren(...briefs.slice(0, compact ? 6 : 3).map((text) => el('li', text)))
    mark(more, 'compact', compact)
  }

  const banner = $('breaking')
  if (banner) {
    const quiet = candor.get('quiet', { reason: 'Hides the breaking-news banner', element: banner }) === true
    banner.classList.toggle('muted', quiet)
    banner.replaceChildren(
      ...(quiet
        ? [el('span', 'Breaking-news banners are muted this week.')]
        : [el('strong', 'Breaking'), el('span', ' Storm warning for the north coast from 6 pm tonight.')]),
    )
    mark(banner, 'quiet', quiet)
  }

  const main = document.querySelector('main')
  if (main) main.dataset.tailoredBy = tailoredBy.join(' ')
  const previewNote = $('preview-note')
  if (previewNote) previewNote.hidden = !candor.previewing
}

async function start() {
  // Sets window.CandorCore and window.CandorWidget; imported here so a broken bundle becomes pageError.
  await import('/widget.js')
  const { CandorCore, CandorWidget } = /** @type {any} */ (window)
  if (theme !== 'auto') document.documentElement.dataset.theme = theme

  /** @type {Candor} */
  const candor = CandorCore.createCandor({
    catalog,
    ...(params.get('memory') === '1' ? { storage: 'memory' } : {}),
    ...(params.get('gpc') === '1' ? { gpc: true } : {}),
  })
  const guess = guessRegion()
  if (guess) candor.infer('region', guess.value, { basis: guess.basis })
  window.candor = candor

  // The account page shows the panel inline; the front page gets the launcher and the modal.
  const inline = document.querySelector('candor-preferences')
  let widget = null
  if (inline) {
    if (lang) inline.setAttribute('lang', lang)
    if (theme !== 'auto') inline.setAttribute('theme', theme)
    if (!shadow) inline.setAttribute('no-shadow', '')
    CandorWidget.defineCandorElement(candor, { strings })
  } else {
    widget = CandorWidget.mountCandor(candor, { lang, theme, shadow, strings })
    $('why')?.addEventListener('click', () => widget.open('topics'))
  }
  window.widget = widget

  await candor.ready
  render(candor)
  candor.subscribe(render)
  window.pageReady = true
}

start().catch((error) => {
  window.pageError = String(error?.stack ?? error)
  console.error('[widget-page]', error)
})
