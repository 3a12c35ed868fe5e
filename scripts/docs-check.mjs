#!/usr/bin/env node
// Builds the docs site (docs/, VitePress) and checks it, as `pnpm test` does (`pnpm docs:check`):
//
//   1. every code block of every page: json parsed, and a catalog taken whole by @candor/core (a ```json mistake
//      block must have a problem); ts, tsx and the script of vue blocks type-checked against the packages' types;
//      js parsed; html's data-candor-* attributes each naming a signal (and option) of the page's catalog, and a block
//      shown above a live example found in that example's page, word for word. The example pages are checked the same way;
//   2. Attributes has a section for every data-candor-* attribute candor.js reads;
//   3. the built site, served on 127.0.0.1 and opened in Chromium: every page (and every live example) in light and dark
//      with no axe-core violation and no console error, every internal link and frame resolving (anchors included), and
//      the playground working (its problems, its panel, its link).
//
// Needs the packages built (`npx -y pnpm@10.34.9 build`): the examples run packages/dropin/dist, and the samples are
// typed by the packages' dist/*.d.ts. Fails naming the page and the block.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { dirname, extname, join, normalize, relative, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { CHROMIUM_ARGS, findChromium } from './ensure-chromium.mjs'
import { freePort } from './free-port.mjs'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const docs = join(root, 'docs')
const out = join(docs, '.vitepress', 'dist')
const samplesDir = join(docs, '.vitepress', 'cache', 'samples')
const fromDocs = createRequire(join(docs, 'package.json'))
const started = Date.now()
const failures = []
const fail = (where, message) => failures.push(`${where}: ${message}`)
/** What the summary counts. */
let sitePages = []
let examples = []
const links = new Map()
const step = (text) => console.log(`[docs-check] ${text} (${((Date.now() - started) / 1000).toFixed(1)} s)`)

if (!existsSync(join(root, 'packages/dropin/dist/candor.js')) || !existsSync(join(root, 'packages/core/dist/index.js'))) {
  console.error('[docs-check] the packages are not built: run `npx -y pnpm@10.34.9 build` first (the examples run candor.js)')
  process.exit(1)
}
const core = await import(pathToFileURL(fromDocs.resolve('@candor/core')).href)

// ---- the pages and their blocks ---------------------------------------------------------------------------------

/** Every page's markdown file, relative to docs/. */
const pages = readdirSync(docs, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.md') && !f.startsWith('node_modules') && !f.startsWith('.vitepress') && !f.startsWith('public'))
  .sort()

/**
 * The code blocks of a page: fenced ones, and files shown with `<<< @/path`. `example`: the live example right after it.
 * @returns {Array<{ lang: string, info: string, code: string, line: number, example?: string }>}
 */
const blocksOf = (text) => {
  const blocks = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)```(\w*)(.*)$/.exec(lines[i])
    const snippet = /^<<< @\/(\S+)/.exec(lines[i])
    if (snippet) {
      const file = join(docs, snippet[1])
      blocks.push({ lang: extname(file).slice(1), info: '', code: readFileSync(file, 'utf8'), line: i + 1 })
    }
    if (!fence) continue
    const start = i
    const body = []
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]); i++) body.push(lines[i])
    const after = lines.slice(i + 1).find((l) => l.trim())
    const example = after && /^<LiveExample src="([^"]+)"/.exec(after.trim())?.[1]
    blocks.push({ lang: fence[2], info: fence[3].trim(), code: body.join('\n') + '\n', line: start + 1, example })
  }
  return blocks
}

const frontmatter = (text) =>
  Object.fromEntries([...(/^---\n([\s\S]*?)\n---/.exec(text)?.[1].matchAll(/^(\w+):\s*(.+)$/gm) ?? [])].map((m) => [m[1], m[2].trim()]))

// ---- catalogs ----------------------------------------------------------------------------------------------------

/** Why @candor/core won't take a catalog whole, in its words: nothing for a catalog it takes. */
const strictProblems = (catalog) => {
  try {
    core.validateCatalog(catalog)
  } catch (e) {
    return [e.message]
  }
  return []
}

/** A catalog file under docs/public, by the address a page gives (`/candor.json`). */
const catalogAt = (address) => {
  const file = join(docs, 'public', address)
  if (!existsSync(file)) return undefined
  return JSON.parse(readFileSync(file, 'utf8'))
}

/** The catalog an HTML page or block runs with: its own inline catalog, or the file its script tag names. */
const ownCatalog = (html) => {
  const inline = /<script type="application\/json" id="candor-catalog">([\s\S]*?)<\/script>/.exec(html)
  if (inline) return JSON.parse(inline[1])
  const file = /data-catalog="([^"]+)"/.exec(html)
  return file ? catalogAt(file[1]) : undefined
}

// ---- data-candor-* attributes ------------------------------------------------------------------------------------

// Every attribute candor.js reads or sets, from its source: names.ts, and any other it names (data-candor-reason).
const dropinSrc = join(root, 'packages/dropin/src')
const ATTRIBUTES = new Set(
  readdirSync(dropinSrc)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => [...readFileSync(join(dropinSrc, f), 'utf8').matchAll(/['"`](data-candor-[a-z-]+)['"`]/g)].map((m) => m[1])),
)

/** What is wrong with the data-candor-* attributes of `html` against `catalog`, one sentence each. */
const attributeProblems = (html, catalog) => {
  const problems = []
  // Selectors in a stylesheet may name the attributes, with or without a value: only the names are checked there.
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n')
  for (const [name] of styles.matchAll(/data-candor-[a-z-]+/g))
    if (!ATTRIBUTES.has(name)) problems.push(`${name} (in a stylesheet) is not an attribute candor.js knows`)
  const markup = html.replace(/<(style|script)\b[^>]*>[\s\S]*?<\/\1>/g, '').replace(/<!--[\s\S]*?-->/g, '')
  const ids = new Set([...markup.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]))
  const used = [...markup.matchAll(/<[a-z][\w-]*\s[^>]*>/g)].flatMap((tag) => [...tag[0].matchAll(/\s(data-candor-[a-z-]+)(?:="([^"]*)")?/g)])
  if (!used.length) return problems
  if (!catalog) return [`${used[0][1]} is used, but there is no catalog to check it against (a data-catalog, an inline catalog, or frontmatter "catalog:")`]
  const signals = new Map(catalog.signals.map((s) => [s.id, s]))
  const optionsOf = (s) => (s.options ?? []).map((o) => o.value)
  const allOptions = new Set(catalog.signals.flatMap(optionsOf))
  const condition = (attr, word) => {
    const [id, option] = word.split(':')
    const s = signals.get(id)
    if (!s) return `${attr}="${word}": "${id}" is not a signal of the catalog (${[...signals.keys()].join(', ')})`
    if (option !== undefined && s.type == 'boolean') return `${attr}="${word}": "${id}" is a boolean, it has no options`
    if (option !== undefined && !optionsOf(s).includes(option)) return `${attr}="${word}": "${option}" is not an option of "${id}" (${optionsOf(s).join(', ')})`
    return undefined
  }
  for (const [, attr, value = ''] of used) {
    const words = value.trim().split(/\s+/).filter(Boolean)
    let problem
    if (!ATTRIBUTES.has(attr)) problem = `${attr} is not an attribute candor.js knows (${[...ATTRIBUTES].join(', ')})`
    else if (attr == 'data-candor-show' || attr == 'data-candor-baseline')
      problem = words.length ? words.map((w) => condition(attr, w)).find(Boolean) : `${attr} names no signal`
    else if (attr == 'data-candor-declare') {
      const [id, option] = value.split(':')
      const s = signals.get(id)
      problem =
        condition(attr, value) ?? (s && s.type != 'boolean' && option === undefined ? `${attr}="${value}": a ${s.type} needs an option ("${id}:…")` : undefined)
    } else if (attr == 'data-candor-rank' || attr == 'data-candor-demote')
      problem = words.map((w) => condition(attr, w) ?? (signals.get(w)?.type == 'boolean' ? `${attr}="${w}": a boolean can't rank` : undefined)).find(Boolean)
    else if (attr == 'data-candor-about')
      problem = words.filter((w) => !allOptions.has(w)).map((w) => `${attr}="${value}": "${w}" is no option of any signal`)[0]
    else if (attr == 'data-candor-keep') problem = /^\d+$/.test(value) ? undefined : `${attr}="${value}": not a whole number`
    else if (attr == 'data-candor-why') problem = condition(attr, value)
    else if (attr == 'data-candor-open') problem = value ? condition(attr, value) : undefined
    else if (attr == 'data-candor-note') problem = ids.has(value) ? undefined : `${attr}="${value}": no element with id="${value}" here`
    else if (attr == 'data-candor-goal') problem = /^[\w.-]{1,64}$/.test(value) ? undefined : `${attr}="${value}": not a goal name`
    else if (attr == 'data-candor-reason') problem = value.trim() ? undefined : `${attr} is empty`
    else if (attr == 'data-candor-state') problem = `${attr} is set by candor.js, not by the page`
    if (problem) problems.push(problem)
  }
  return problems
}

/** The block's lines, trimmed, are in `page`'s lines, in order (the page adds its <head> around them): the example runs what the docs show. */
const shownIn = (block, page) => {
  const want = block
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  let at = 0
  for (const line of page.split('\n')) if (line.trim() === want[at]) at++
  return at === want.length
}

// ---- 1. the blocks ------------------------------------------------------------------------------------------------

step(`reading ${pages.length} pages`)
rmSync(samplesDir, { recursive: true, force: true })
mkdirSync(samplesDir, { recursive: true })
/** Where each sample file came from, for tsc's messages. */
const sampleOrigin = new Map()
const supportDir = join(docs, '.vitepress', 'samples')
const support = (dir) => {
  mkdirSync(dir, { recursive: true })
  for (const f of ['catalog.ts', 'stories.ts', 'candor.json']) cpSync(join(supportDir, f), join(dir, f))
}
support(samplesDir)
let checked = 0
const shownOnly = new Map()
const vueSfc = fromDocs('vue/compiler-sfc')

for (const page of pages) {
  const text = readFileSync(join(docs, page), 'utf8')
  const blocks = blocksOf(text)
  const fm = frontmatter(text)
  const pageCatalog =
    (fm.catalog && catalogAt(fm.catalog)) ??
    blocks
      .filter((b) => b.lang == 'json' && !/mistake/.test(b.info))
      .map((b) => {
        try {
          const v = JSON.parse(b.code)
          return v && Array.isArray(v.signals) ? v : undefined
        } catch {
          return undefined
        }
      })
      .find(Boolean)
  const pageDir = join(samplesDir, page.replace(/\.md$/, '').replaceAll('/', '-'))
  support(pageDir)
  blocks.forEach((b, n) => {
    const where = `docs/${page}, block ${n + 1} (line ${b.line}, ${b.lang || 'no language'})`
    checked++
    if (b.lang == 'json') {
      let value
      try {
        value = JSON.parse(b.code)
      } catch (e) {
        return fail(where, `not JSON: ${e.message}`)
      }
      // A mistake is checked below (it must be one); JSON that isn't a catalog only has to parse.
      if (/mistake/.test(b.info) || !value || !Array.isArray(value.signals)) return
      const problems = strictProblems(value)
      if (problems.length) fail(where, `the catalog isn't taken whole:\n    ${problems.join('\n    ')}`)
    } else if (b.lang == 'ts' || b.lang == 'tsx' || b.lang == 'vue') {
      const named = /^\/\/ ([\w./-]+\.(?:tsx?|vue))\s*$/.exec(b.code.split('\n')[0]) ?? /^<!-- ([\w./-]+\.vue) -->/.exec(b.code.split('\n')[0])
      let file = named ? join(pageDir, named[1]) : join(pageDir, `block-${n + 1}.${b.lang}`)
      let code = b.code
      let offset = 0
      if (b.lang == 'vue') {
        // The template is compiled (a syntax error fails), the script type-checked as a module of its own.
        const { descriptor, errors } = vueSfc.parse(b.code, { filename: file })
        for (const e of errors) fail(where, `Vue: ${e.message ?? e}`)
        if (descriptor.template)
          for (const e of vueSfc.compileTemplate({ source: descriptor.template.content, filename: file, id: 'x' }).errors)
            fail(where, `Vue template: ${e.message ?? e}`)
        const script = descriptor.scriptSetup ?? descriptor.script
        if (!script) return
        code = script.content
        offset = script.loc.start.line - 1
        file = `${file}.ts`
      }
      mkdirSync(dirname(file), { recursive: true })
      if (dirname(file) != pageDir) support(dirname(file))
      // Each sample is a module of its own, so two samples may name the same thing.
      writeFileSync(file, `${code}\nexport {}\n`)
      sampleOrigin.set(relative(samplesDir, file), { where, line: b.line + 1 + offset })
    } else if (b.lang == 'js') {
      const file = join(pageDir, `block-${n + 1}.js`)
      writeFileSync(file, b.code)
      sampleOrigin.set(relative(samplesDir, file), { where, line: b.line + 1 })
    } else if (b.lang == 'html') {
      const exampleFile = b.example && join(docs, 'public', b.example)
      const catalog = ownCatalog(b.code) ?? (exampleFile && existsSync(exampleFile) ? ownCatalog(readFileSync(exampleFile, 'utf8')) : undefined) ?? pageCatalog
      for (const p of attributeProblems(b.code, catalog)) fail(where, p)
      // Its inline scripts are parsed like a js block.
      for (const [m, script] of [...b.code.matchAll(/<script>([\s\S]*?)<\/script>/g)].entries()) {
        const file = join(pageDir, `block-${n + 1}-script-${m + 1}.js`)
        writeFileSync(file, script[1])
        sampleOrigin.set(relative(samplesDir, file), { where, line: b.line + b.code.slice(0, script.index).split('\n').length })
      }
      if (b.example) {
        const file = exampleFile
        if (!existsSync(file)) fail(where, `its live example ${b.example} is missing (docs/public${b.example})`)
        else if (!shownIn(b.code, readFileSync(file, 'utf8')))
          fail(where, `the block isn't in its live example docs/public${b.example} word for word: make them the same`)
      }
    } else {
      shownOnly.set(b.lang || 'plain', (shownOnly.get(b.lang || 'plain') ?? 0) + 1)
    }
  })
}

// A ```json mistake must be one: @candor/core says something of it (what ConsoleSays shows under it).
const words = await import(pathToFileURL(fromDocs.resolve('@candor/core/catalog-words')).href)
for (const page of pages) {
  const text = readFileSync(join(docs, page), 'utf8')
  blocksOf(text).forEach((b, n) => {
    if (b.lang != 'json' || !/mistake/.test(b.info)) return
    const said = []
    const { warn, error } = console
    console.warn = console.error = (m) => said.push(m)
    try {
      words.wordedCatalog(JSON.parse(b.code), true)
    } catch (e) {
      said.push(e.message)
    } finally {
      Object.assign(console, { warn, error })
    }
    if (!said.length) fail(`docs/${page}, block ${n + 1} (line ${b.line}, json mistake)`, 'Candor takes this catalog without a word: it shows no mistake')
  })
}

// The live examples, each as a page: its attributes against its own catalog, and every catalog file valid.
const examplesDir = join(docs, 'public', 'examples')
examples = readdirSync(examplesDir).filter((f) => f.endsWith('.html'))
for (const f of examples) {
  const html = readFileSync(join(examplesDir, f), 'utf8')
  for (const p of attributeProblems(html, ownCatalog(html))) fail(`docs/public/examples/${f}`, p)
  if (!/<title>[^<]+<\/title>/.test(html) || !/<html lang="/.test(html)) fail(`docs/public/examples/${f}`, 'a page needs <html lang> and a <title>')
}
for (const f of [
  'candor.json',
  ...readdirSync(examplesDir)
    .filter((x) => x.endsWith('.json'))
    .map((x) => `examples/${x}`),
]) {
  for (const p of strictProblems(JSON.parse(readFileSync(join(docs, 'public', f), 'utf8')))) fail(`docs/public/${f}`, p)
}
// Getting started runs public/candor.json: it must be the catalog the page shows.
{
  const started = blocksOf(readFileSync(join(docs, 'getting-started.md'), 'utf8')).find((b) => b.lang == 'json')
  if (JSON.stringify(JSON.parse(started.code)) != JSON.stringify(catalogAt('/candor.json')))
    fail('docs/public/candor.json', "isn't the catalog docs/getting-started.md shows: make them the same")
}

// ---- 2. a section for every attribute ----------------------------------------------------------------------------

{
  const text = readFileSync(join(docs, 'attributes.md'), 'utf8')
  for (const a of ATTRIBUTES)
    if (!new RegExp(`^## ${a}$`, 'm').test(text)) fail('docs/attributes.md', `no section "## ${a}" (candor.js reads it: packages/dropin/src)`)
}

// ---- the samples, type-checked ----------------------------------------------------------------------------------

step(`type-checking ${sampleOrigin.size} samples`)
{
  // React's types come from @candor/react's own, so the app and the binding agree on JSX (docs has no React of its own).
  const types = join(root, 'packages/react/node_modules/@types')
  writeFileSync(
    join(samplesDir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        allowJs: true,
        checkJs: false,
        resolveJsonModule: true,
        jsx: 'react-jsx',
        types: [],
        paths: {
          react: [`${types}/react/index.d.ts`],
          'react/*': [`${types}/react/*`],
          'react-dom': [`${types}/react-dom/index.d.ts`],
          'react-dom/*': [`${types}/react-dom/*`],
          '~/*': ['./*'],
        },
      },
      include: ['**/*', join(supportDir, 'env.d.ts')],
    }),
  )
  const tsc = spawnSync(process.execPath, [fromDocs.resolve('typescript/bin/tsc'), '-p', '.', '--pretty', 'false'], { cwd: samplesDir, encoding: 'utf8' })
  for (const line of (tsc.stdout + tsc.stderr).split('\n').filter(Boolean)) {
    const m = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line)
    const origin = m && sampleOrigin.get(relative(samplesDir, resolve(samplesDir, m[1])))
    if (origin) fail(origin.where, `line ${origin.line + Number(m[2]) - 1}: ${m[4]}`)
    else if (!/^\s/.test(line)) fail('samples', line)
  }
}

// ---- 3. the site, built and opened -------------------------------------------------------------------------------

if (failures.length) finish()
step('building the site (vitepress build)')
{
  const vitepress = join(dirname(fromDocs.resolve('vitepress/package.json')), 'bin', 'vitepress.js')
  const build = spawnSync(process.execPath, [vitepress, 'build'], { cwd: docs, encoding: 'utf8' })
  if (build.status !== 0) {
    console.error(build.stdout, build.stderr)
    fail('vitepress build', 'failed (above)')
    finish()
  }
}

/** The built site, as a static host serves it: clean URLs, a 404 for anything else. */
const serve = (port) =>
  new Promise((done) => {
    const mime = {
      '.html': 'text/html',
      '.js': 'text/javascript',
      '.css': 'text/css',
      '.json': 'application/json',
      '.svg': 'image/svg+xml',
      '.png': 'image/png',
      '.woff2': 'font/woff2',
    }
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url, 'http://x').pathname)
      const candidates = [path, `${path}.html`, join(path, 'index.html')].map((p) => normalize(join(out, p)))
      const file = candidates.find((f) => f.startsWith(out) && existsSync(f) && statSync(f).isFile())
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/html' })
        return res.end(readFileSync(join(out, '404.html')))
      }
      res.writeHead(200, { 'content-type': mime[extname(file)] ?? 'application/octet-stream' })
      res.end(readFileSync(file))
    })
    server.listen(port, '127.0.0.1', () => done(server))
  })

const port = await freePort()
const server = await serve(port)
const origin = `http://127.0.0.1:${port}`
const { chromium } = fromDocs('playwright-core')
const executablePath = await findChromium()
const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS })
const axeSource = readFileSync(fromDocs.resolve('axe-core/axe.min.js'), 'utf8')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

sitePages = readdirSync(out, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.html') && f != '404.html' && !/^(api|candor|examples)\//.test(f))
  .map((f) => `/${f.replace(/\.html$/, '').replace(/(^|\/)index$/, '$1')}`)
  .sort()
  .concat('/api/index.html')
step(`opening ${sitePages.length} pages in Chromium, light and dark`)

/**
 * Runs axe-core on the page as it is, shadow roots included; one line per violation. On TypeDoc's pages, all but the
 * tree of modules its script draws, which puts each module's link inside the <summary> that folds it (nested-interactive).
 */
const axe = async (page, typedoc) => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource })
  return page.evaluate(
    async ([tags, typedoc]) => {
      const context = typedoc ? { exclude: [['#tsd-nav-container']] } : document
      const result = await window.axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n      at ${v.nodes.map((n) => JSON.stringify(n.target)).join('\n      at ')}`)
    },
    [AXE_TAGS, typedoc],
  )
}

/** Where an address's page comes from, for messages: its markdown file, the example's page, or TypeDoc. */
const sourceOf = (path) =>
  path.startsWith('/examples/') ? `docs/public${path}` : path.startsWith('/api/') ? `${path} (TypeDoc)` : `docs/${path.slice(1) || 'index'}.md (${path})`

const visit = async (path, scheme) => {
  const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' })
  await context.addInitScript((s) => localStorage.setItem('vitepress-theme-appearance', s), scheme)
  const page = await context.newPage()
  const errors = []
  page.on('console', (m) => m.type() == 'error' && errors.push(`console: ${m.text()}`))
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`))
  page.on('response', (r) => r.url().startsWith(origin) && r.status() >= 400 && errors.push(`${r.status()} for ${r.url().slice(origin.length)}`))
  const where = `${sourceOf(path)}, ${scheme}`
  try {
    await page.goto(origin + path, { waitUntil: 'load' })
    // A live example is checked once candor.js has decided the page (the frames on the docs' pages load lazily, so
    // each example is also opened on its own).
    if (path.startsWith('/examples/'))
      await page.evaluate(() =>
        window.Candor?.ready.then(
          () => {},
          () => {},
        ),
      )
    if (path == '/playground') await checkPlayground(page, where)
    for (const v of await axe(page, path.startsWith('/api/'))) fail(where, `axe: ${v}`)
    if (scheme == 'light' && !path.startsWith('/api/')) {
      const found = await page.evaluate(() =>
        [...document.querySelectorAll('a[href], iframe[src]')]
          .map((el) => (el instanceof HTMLIFrameElement ? el.src : el.href))
          .filter((h) => h.startsWith(location.origin)),
      )
      for (const href of found) links.set(href, [...(links.get(href) ?? []), path])
    }
  } catch (e) {
    fail(where, e.message.split('\n')[0])
  }
  for (const e of errors) fail(where, e)
  await context.close()
}

/** The playground shows the problems of its first catalog, a panel, and a link that brings the catalog back. */
const checkPlayground = async (page, where) => {
  const said = page.locator('.candor-playground-console pre')
  await said.waitFor({ timeout: 10_000 })
  const text = await said.textContent()
  if (!/unknown field, did you mean "lifetime"/.test(text)) fail(where, `the playground doesn't say the typo "lifetme": ${text}`)
  await page.waitForFunction(() => !!document.querySelector('.candor-playground-host > div')?.shadowRoot?.querySelector('.candor'), null, { timeout: 10_000 })
  const link = await page.locator('.candor-playground-link a').getAttribute('href')
  const again = await page.context().newPage()
  await again.goto(link)
  await again.locator('.candor-playground-console pre').waitFor({ timeout: 10_000 })
  if ((await again.locator('#pg-text').inputValue()) != (await page.locator('#pg-text').inputValue()))
    fail(where, "the playground's link doesn't bring its catalog back")
  await again.close()
}

const examplePages = examples.map((f) => `/examples/${f}`)
const queue = [...sitePages, ...examplePages].flatMap((p) => [
  [p, 'light'],
  [p, 'dark'],
])
// A few pages at a time: each is its own browser context.
await Promise.all(
  Array.from({ length: 4 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await visit(...next)
  }),
)

step(`following ${links.size} internal links`)
const htmlOf = new Map()
for (const [href, from] of links) {
  const url = new URL(href)
  const res = await fetch(origin + url.pathname)
  if (!res.ok) {
    fail(sourceOf(from[0]), `links to ${url.pathname}: ${res.status}`)
    continue
  }
  if (!url.hash || url.hash.startsWith('#catalog=')) continue
  if (!htmlOf.has(url.pathname)) htmlOf.set(url.pathname, await res.text())
  const id = decodeURIComponent(url.hash.slice(1))
  if (!htmlOf.get(url.pathname).includes(`id="${id}"`)) fail(sourceOf(from[0]), `links to ${url.pathname}${url.hash}: no such anchor there`)
}

await browser.close()
server.close()
finish()

function finish() {
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  const shown = [...shownOnly].map(([lang, n]) => `${n} ${lang}`).join(', ')
  if (failures.length) {
    console.error(`\n[docs-check] ${failures.length} problem(s):\n\n${failures.map((f) => `✗ ${f}`).join('\n')}\n`)
    console.error(`[docs-check] failed after ${seconds} s`)
    process.exit(1)
  }
  console.log(
    `[docs-check] ok: ${checked} code blocks (shown, not run: ${shown || 'none'}), ${sitePages.length} pages and ${examples.length} live examples in light and dark, ${links.size} links, in ${seconds} s`,
  )
  process.exit(0)
}
