// Copies candor.js and the files it loads next to itself (candor-panel.js and its chunks) into public/,
// so Astro serves them as they are, at /candor.js, in dev and in the build. Astro never bundles them.
import { cp, readdir, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'

const from = new URL('node_modules/@candor/dropin/dist/', import.meta.url)
const to = new URL('public/', import.meta.url)
if (!existsSync(new URL('candor.js', from))) throw new Error('no candor.js in @candor/dropin/dist: build it first (node packages/dropin/build.mjs)')
// The chunks' names carry a hash: last build's copies go first.
for (const f of await readdir(to)) if (/^candor.*\.(js|json)$/.test(f) && f != 'candor.json') await rm(new URL(f, to))
for (const f of await readdir(from)) await cp(new URL(f, from), new URL(f, to))
