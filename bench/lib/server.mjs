// A small static server for the bench: everything it serves is in memory (`site`, path → asset),
// compressed once up front (brotli q11, gzip -9) and sent by Accept-Encoding, as a CDN would.
// Binds 127.0.0.1 on a free port; makes no request of its own.
import { createServer } from 'node:http'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
}

/** Compressed forms of a body: what a visitor downloads. */
export const compress = (body) => ({
  raw: body.length,
  gzip: gzipSync(body, { level: 9 }).length,
  brotli: brotliCompressSync(body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
  }).length,
})

/**
 * @param {Map<string, string | Buffer>} files path ("/candor.js") → contents
 * @returns {Promise<{ origin: string, close(): Promise<void>, log: string[] }>}
 */
export async function serve(files) {
  const assets = new Map()
  for (const [path, contents] of files) {
    const body = Buffer.isBuffer(contents) ? contents : Buffer.from(contents)
    const ext = path.slice(path.lastIndexOf('.') + 1)
    const compressible = body.length > 256
    assets.set(path, {
      type: TYPES[ext] ?? 'application/octet-stream',
      // HTML is never cached; scripts, styles and catalogs are, so a returning visit is served from
      // the HTTP cache as it would be from a CDN.
      cache: ext == 'html' ? 'no-store' : 'public, max-age=3600',
      identity: body,
      br: compressible ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : undefined,
      gzip: compressible ? gzipSync(body, { level: 9 }) : undefined,
    })
  }
  const log = []
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
    const a = assets.get(path) ?? assets.get(path.endsWith('/') ? path + 'index.html' : path + '.html')
    log.push(path)
    if (log.length > 5000) log.splice(0, 2500)
    if (!a || (req.method != 'GET' && req.method != 'HEAD')) {
      res.writeHead(a ? 405 : 404, { 'content-type': 'text/plain' }).end(a ? 'method not allowed' : 'not found')
      return
    }
    const accept = String(req.headers['accept-encoding'] ?? '')
    const [encoding, body] = a.br && /\bbr\b/.test(accept) ? ['br', a.br] : a.gzip && /\bgzip\b/.test(accept) ? ['gzip', a.gzip] : [undefined, a.identity]
    const headers = { 'content-type': a.type, 'content-length': body.length, 'cache-control': a.cache, vary: 'accept-encoding' }
    if (encoding) headers['content-encoding'] = encoding
    res.writeHead(200, headers)
    res.end(req.method == 'HEAD' ? undefined : body)
  })
  server.keepAliveTimeout = 5000
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address()
  return {
    origin: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      }),
  }
}
