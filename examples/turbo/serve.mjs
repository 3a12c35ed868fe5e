// A tiny static server for dist/ (no dependencies): PORT and HOST from the environment.
// Any static host works the same way; Turbo only needs the pages served as text/html.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('dist/', import.meta.url))
const port = Number(process.env.PORT ?? 3000)
const host = process.env.HOST ?? '127.0.0.1'
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' }

createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)
  const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path))
  try {
    if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) throw new Error('outside dist/')
    const body = await readFile(file)
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
    res.end(body)
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('not found\n')
  }
}).listen(port, host, () => console.log(`http://${host}:${port}/`))
