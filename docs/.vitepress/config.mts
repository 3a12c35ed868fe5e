// The docs site (VitePress). Beside the pages it serves two folders it doesn't own, at the addresses a site would use:
// the built drop-in at /candor/ (the live examples run the real candor.js) and the TypeDoc reference at /api/.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { extname, join, normalize } from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig, type Plugin } from 'vitepress'

const root = fileURLToPath(new URL('../../', import.meta.url))
const dropin = join(root, 'packages/dropin/dist')
const api = join(root, 'docs/.vitepress/cache/api')

if (!existsSync(join(dropin, 'candor.js'))) {
  throw new Error('packages/dropin/dist/candor.js is missing: run `npx -y pnpm@10.34.9 build` first (the live examples run it)')
}

/** TypeDoc as `pnpm api-docs` runs it (warnings are errors), written where the site serves it from. */
const typedoc = (out: string) => {
  const run = spawnSync(join(root, 'node_modules/.bin/typedoc'), ['--treatWarningsAsErrors', '--logLevel', 'Warn', '--hideGenerator', '--out', out], {
    cwd: root,
    stdio: 'inherit',
  })
  if (run.status !== 0) throw new Error('typedoc failed: the API reference could not be generated')
  // TypeDoc puts a heading's permalink inside the <summary> that folds its section: a link inside a control, which
  // axe-core rightly fails (nested-interactive). The heading keeps its id, so links to it still work.
  for (const file of readdirSync(out, { recursive: true }).map(String)) {
    if (!file.endsWith('.html')) continue
    const html = readFileSync(join(out, file), 'utf8')
    const fixed = html.replace(/<summary\b[\s\S]*?<\/summary>/g, (summary) =>
      summary.replace(/<a href="#[^"]*" aria-label="Permalink" class="tsd-anchor-icon">[\s\S]*?<\/a>/g, ''),
    )
    if (fixed != html) writeFileSync(join(out, file), fixed)
  }
}

const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.html': 'text/html',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
}

/** In `vitepress dev`, serves /candor/ and /api/ from their folders (the build copies them: `buildEnd`). */
const folders = (): Plugin => ({
  name: 'candor-docs-folders',
  configureServer(server) {
    typedoc(api)
    server.middlewares.use((req, res, next) => {
      const path = decodeURIComponent((req.url ?? '').split(/[?#]/)[0]!)
      const [prefix, dir] = path.startsWith('/candor/') ? ['/candor/', dropin] : path.startsWith('/api/') ? ['/api/', api] : []
      if (!prefix || !dir) return next()
      const file = normalize(join(dir, path.slice(prefix.length) || 'index.html'))
      if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return next()
      res.setHeader('content-type', types[extname(file)] ?? 'application/octet-stream')
      res.end(readFileSync(file))
    })
  },
})

export default defineConfig({
  title: 'Candor',
  description: 'A preference center for the web: visitors declare what a site may use to tailor its pages, and it stays on their device.',
  lang: 'en',
  cleanUrls: true,
  // Not pages: the installed packages, and what `pnpm api-docs` writes into docs/api/ (the build makes its own /api/).
  srcExclude: ['node_modules/**', 'api/**'],
  // The API reference is TypeDoc's HTML, not a page VitePress knows: docs-check follows those links instead.
  ignoreDeadLinks: [/^\/api\//],
  head: [['link', { rel: 'icon', href: '/logo.svg', type: 'image/svg+xml' }]],
  themeConfig: {
    logo: { src: '/logo.svg', alt: '' },
    nav: [
      { text: 'Guide', link: '/getting-started' },
      { text: 'Playground', link: '/playground' },
      { text: 'API', link: '/api/index.html', target: '_self' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Getting started', link: '/getting-started' },
          { text: 'The catalog', link: '/catalog' },
          { text: 'Attributes', link: '/attributes' },
          { text: 'Hosting candor.js', link: '/hosting' },
          { text: 'Frameworks', link: '/frameworks' },
          { text: 'The panel', link: '/panel' },
          { text: 'In an app: @candor/core', link: '/core' },
          { text: 'Measuring', link: '/measuring' },
          { text: 'Your other devices', link: '/devices' },
          { text: 'Catalog playground', link: '/playground' },
        ],
      },
      {
        text: 'Trust',
        items: [
          { text: 'Privacy and security', link: '/privacy' },
          { text: 'Accessibility', link: '/accessibility' },
        ],
      },
      {
        text: 'Reference',
        items: [
          { text: 'API and versioning', link: '/reference' },
          { text: 'API reference (TypeDoc)', link: '/api/index.html', target: '_self' },
        ],
      },
      {
        text: 'Guarantees, for maintainers',
        items: [
          { text: 'Storage faults (F01–F39)', link: '/faults' },
          { text: 'Hostile inputs (S01–S36)', link: '/hostile-inputs' },
          { text: 'Mutation testing', link: '/mutation' },
        ],
      },
    ],
    outline: { level: [2, 3] },
    search: { provider: 'local' },
    footer: { message: 'MIT licensed.' },
  },
  markdown: {
    // GitHub's high-contrast palettes: the default ones have tokens below 4.5:1 on the code background.
    theme: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
    // A ```json mistake block is followed by what the console says of it (ConsoleSays, in the words of @candor/core).
    config(md) {
      const fence = md.renderer.rules.fence!
      md.renderer.rules.fence = (tokens, idx, options, env, self) => {
        const html = fence(tokens, idx, options, env, self)
        const token = tokens[idx]!
        return /\bmistake\b/.test(token.info) ? `${html}<ConsoleSays source="${md.utils.escapeHtml(token.content)}" />` : html
      }
    },
  },
  vite: {
    plugins: [folders()],
    // The playground runs @candor/core and @candor/widget from their source, as the tests do (vitest.config.ts).
    resolve: { conditions: ['@candor/source'] },
    ssr: { resolve: { conditions: ['@candor/source'], externalConditions: ['@candor/source'] } },
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  },
  async buildEnd(site) {
    cpSync(dropin, join(site.outDir, 'candor'), { recursive: true })
    typedoc(join(site.outDir, 'api'))
  },
})
