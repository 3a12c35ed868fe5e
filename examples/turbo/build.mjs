// Builds the site into dist/: the pages as written, Turbo's ES module, and candor.js with the files it
// loads next to itself (candor-panel.js and its chunks). No bundler: this is a site without a build step.
import { cp, mkdir, readdir, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'

const here = new URL('.', import.meta.url)
const dist = new URL('dist/', here)
// The package's own dist/ (a site without npm copies the same files from a CDN or a release).
const candor = new URL('node_modules/@candor/dropin/dist/', here)
const turbo = new URL('node_modules/@hotwired/turbo/dist/turbo.es2017-esm.js', here)

if (!existsSync(new URL('candor.js', candor))) throw new Error('no candor.js in @candor/dropin/dist: build it first (node packages/dropin/build.mjs)')
await rm(dist, { recursive: true, force: true })
await mkdir(dist, { recursive: true })
await cp(new URL('site/', here), dist, { recursive: true })
// Every file: candor.js loads candor-panel.js and the chunks by their own names, relative to its URL.
for (const f of await readdir(candor)) await cp(new URL(f, candor), new URL(f, dist))
await cp(turbo, new URL('turbo.js', dist))
console.log('built', dist.pathname)
