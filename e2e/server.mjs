#!/usr/bin/env node
// Tiny static server for the browser tests: no dependencies besides esbuild, no external requests.
//
//   node e2e/server.mjs [--port 4391] [--host 127.0.0.1]
//
// Serves e2e/pages/ and three ESM bundles built with esbuild and kept in memory: /core.js
// (@candor/core with its dependencies), /widget.js (pages/widget-entry.ts: the core and
// @candor/widget with Preact) and /framework-list.js (pages/framework-list-entry.jsx: a React app
// whose list candor.js ranks). A bundle is rebuilt when one of its source files changes, so a
// reused server never serves a stale one. /csp/<page> serves <page> with a strict
// Content-Security-Policy (no inline script or style, Trusted Types required); /hostile/<page>
// serves it with a host stylesheet that tries to restyle the widget. /candor/<file> is
// packages/dropin/dist (candor.js and what it loads; build it with `node packages/dropin/build.mjs`).
// A page asked for with ?cdn=<port> has http://127.0.0.1:CDN_PORT in it replaced by that port
// (pages/cdn.html: candor.js from another origin, which the spec serves).

import { createServer } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { dirname, extname, join, normalize, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import * as esbuild from 'esbuild'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')
const pagesDir = join(here, 'pages')
// CANDOR_DROPIN_DIST: serve another build of candor.js at /candor/ (e.g. an older one, to see a test fail without a fix).
const dropinDir = process.env.CANDOR_DROPIN_DIST ? resolve(process.env.CANDOR_DROPIN_DIST) : join(root, 'packages', 'dropin', 'dist')
// CANDOR_CORE_ENTRY: bundle another copy of the core (e.g. a patched one) instead.
const coreEntry = process.env.CANDOR_CORE_ENTRY ? resolve(process.env.CANDOR_CORE_ENTRY) : join(root, 'packages', 'core', 'src', 'index.ts')

const { values: args } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.E2E_PORT ?? '4391' },
    host: { type: 'string', default: '127.0.0.1' },
  },
})
const port = Number(args.port)
const host = args.host

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
}

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'"

// ---- the bundles -----------------------------------------------------------

const entries = {
  '/core.js': coreEntry,
  '/widget.js': join(here, 'pages', 'widget-entry.ts'),
  '/framework-list.js': join(here, 'pages', 'framework-list-entry.jsx'),
}
/** Bundles whose JSX is React's (the others' is Preact's). */
const reactJsx = new Set(['/framework-list.js'])
/** @type {Map<string, { code: string, inputs: Map<string, number> }>} */
const bundles = new Map()
/** @type {Map<string, Promise<{ code: string, inputs: Map<string, number> }>>} */
const builds = new Map()

async function build(/** @type {string} */ name) {
  const started = Date.now()
  const result = await esbuild.build({
    entryPoints: [entries[name]],
    jsx: 'automatic',
    jsxImportSource: reactJsx.has(name) ? 'react' : 'preact',
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@candor/source'],
    sourcemap: 'inline',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: root,
  })
  const inputs = new Map()
  for (const file of Object.keys(result.metafile.inputs)) {
    const path = resolve(root, file)
    inputs.set(path, (await stat(path)).mtimeMs)
  }
  const code = result.outputFiles[0]?.text ?? ''
  console.log(`[e2e-server] built ${name} from ${inputs.size} files in ${Date.now() - started} ms`)
  return { code, inputs }
}

async function isStale(/** @type {{ inputs: Map<string, number> }} */ current) {
  for (const [path, mtime] of current.inputs) {
    try {
      if ((await stat(path)).mtimeMs !== mtime) return true
    } catch {
      return true
    }
  }
  return false
}

/** The cached bundle, rebuilt if a source file changed since. Concurrent callers share one build. */
async function getBundle(/** @type {string} */ name) {
  if (builds.has(name)) return builds.get(name)
  const bundle = bundles.get(name)
  if (bundle && !(await isStale(bundle))) return bundle
  const building = build(name)
    .then((fresh) => (bundles.set(name, fresh), fresh))
    .finally(() => builds.delete(name))
  builds.set(name, building)
  return building
}

function formatBuildError(/** @type {any} */ error) {
  if (Array.isArray(error?.errors) && error.errors.length > 0) {
    return esbuild.formatMessagesSync(error.errors, { kind: 'error', color: false }).join('\n')
  }
  return String(error?.stack ?? error)
}

// ---- http -----------------------------------------------------------------

function send(res, status, body, type = 'text/plain; charset=utf-8', extra = {}) {
  res.writeHead(status, {
    'content-type': type,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...extra,
  })
  res.end(res.req?.method === 'HEAD' ? undefined : body)
}

const server = createServer(async (req, res) => {
  try {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'method not allowed\n')
    }
    const url = new URL(req.url ?? '/', `http://${host}`)
    const path = decodeURIComponent(url.pathname)
    // A frame sandboxed without allow-same-origin (opaque origin, `Origin: null`) fetches module
    // scripts with CORS: let it load the bundles and pages' scripts (pages/faults-sandbox.html).
    const opaque = req.headers.origin === 'null' ? { 'access-control-allow-origin': '*' } : {}

    if (path === '/healthz') return send(res, 200, 'candor-e2e ok\n')

    if (path in entries) {
      try {
        const { code } = await getBundle(path)
        return send(res, 200, code, types['.js'], opaque)
      } catch (error) {
        const message = formatBuildError(error)
        console.error(`[e2e-server] building ${path} failed:\n${message}`)
        return send(res, 500, `/* building ${path} failed:\n${message.replaceAll('*/', '* /')}\n*/\n`, types['.js'])
      }
    }

    // /csp/<page> and /hostile/<page> are <page> itself: sent with the strict policy, or with the
    // stylesheet of a careless host page (pages/hostile.css) added to its <head>.
    const variant = /^\/(csp|hostile|candor)\//.exec(path)?.[1]
    const strict = variant == 'csp'
    const dir = variant == 'candor' ? dropinDir : pagesDir
    const file = normalize(join(dir, variant ? path.slice(variant.length + 1) : path))
    if (file !== dir && !file.startsWith(dir + sep)) return send(res, 404, 'not found\n')
    let target = file
    try {
      if ((await stat(target)).isDirectory()) target = join(target, 'index.html')
    } catch {
      return send(res, 404, 'not found\n')
    }
    let body
    try {
      body = await readFile(target)
    } catch {
      return send(res, 404, 'not found\n')
    }
    if (variant == 'hostile' && target.endsWith('.html'))
      body = Buffer.from(String(body).replace('</head>', '  <link rel="stylesheet" href="/hostile.css" />\n  </head>'))
    const cdn = url.searchParams.get('cdn')
    if (cdn && /^\d{1,5}$/.test(cdn) && target.endsWith('.html'))
      body = Buffer.from(String(body).replaceAll('http://127.0.0.1:CDN_PORT', `http://127.0.0.1:${cdn}`))
    res.writeHead(200, {
      'content-type': types[extname(target).toLowerCase()] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      ...(strict ? { 'content-security-policy': CSP } : {}),
      ...opaque,
    })
    res.end(req.method === 'HEAD' ? undefined : body)
  } catch (error) {
    console.error('[e2e-server]', error)
    if (!res.headersSent) send(res, 500, 'internal error\n')
    else res.end()
  }
})

server.on('error', (error) => {
  console.error(`[e2e-server] ${error.message}`)
  process.exit(1)
})

server.listen(port, host, () => {
  console.log(`[e2e-server] serving ${pagesDir}, /candor/ (${dropinDir}), ${Object.keys(entries).join(', ')} (core: ${coreEntry}) at http://${host}:${port}/`)
})

// Build at start so the first test doesn't wait; a failure here (e.g. the core isn't written yet)
// is reported and retried on the first request for /core.js.
for (const name of Object.keys(entries))
  getBundle(name).catch((error) => {
    console.error(`[e2e-server] building ${name} failed (will retry on request):\n${formatBuildError(error)}`)
  })

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    server.close()
    process.exit(0)
  })
}
