// `candor init`: a starter catalog that is valid and passes its own check, never written over an existing one by accident.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateCatalog } from '@candor/core'
import { describe, expect, it } from 'vitest'
import { siteName, starterCatalog } from '../src/starter.js'
import { candor, tempDir } from './run.js'

describe('candor init', () => {
  it('writes a complete, valid catalog with a signal of each type, named for its folder', async () => {
    const cwd = tempDir()
    const r = await candor(cwd, 'init', 'Corner Bakery')
    expect(r.code).toBe(0)
    const written = JSON.parse(readFileSync(join(cwd, 'Corner Bakery/candor.json'), 'utf8'))
    expect(written).toEqual(starterCatalog('corner-bakery'))
    expect(validateCatalog(written).signals.map((s) => s.type)).toEqual(['multi', 'choice', 'boolean'])
    expect(r.out[0]).toBe(
      'Wrote Corner Bakery/candor.json: site "corner-bakery", with three signals to make your own (topics, region, compact). Their labels and purposes are what visitors read.',
    )
  })

  it('names the schema the drop-in ships, where the steps it prints serve it', async () => {
    const dropin = JSON.parse(readFileSync(new URL('../../dropin/package.json', import.meta.url), 'utf8'))
    expect(dropin.exports['./candor.schema.json']).toBe('./dist/candor.schema.json')
    expect(starterCatalog('x').$schema).toBe('./candor/candor.schema.json')
    const r = await candor(tempDir(), 'init')
    expect(r.out).toContain('     npm pack @candor/dropin && tar xzf candor-dropin-*.tgz && cp -r package/dist candor')
    // The catalog preloaded right before the script tag, as docs/hosting.md says: the request candor.js makes.
    const tag = r.out.indexOf('     <script src="/candor/candor.js" data-catalog="/candor.json"></script>')
    expect(r.out[tag - 1]).toBe('     <link rel="preload" href="/candor.json" as="fetch" crossorigin>')
  })

  it('the page it suggests passes a check against the catalog it wrote, every signal used', async () => {
    const cwd = tempDir()
    const r = await candor(cwd, 'init')
    const example = r.out.filter((l) => l.startsWith('     <') && !/<script|<link/.test(l)).map((l) => l.trim())
    writeFileSync(join(cwd, 'index.html'), `<!doctype html>\n${example.join('\n')}\n`)
    expect(example).toHaveLength(4)
    expect(await candor(cwd, 'check', 'candor.json', '*.html')).toEqual({ code: 0, out: ['candor.json and 1 page: no problems found'], err: [] })
  })

  it('leaves an existing candor.json alone unless --force', async () => {
    const cwd = tempDir()
    writeFileSync(join(cwd, 'candor.json'), '{"mine": true}\n')
    expect(await candor(cwd, 'init')).toEqual({
      code: 1,
      out: [],
      err: ['candor init: candor.json exists already, so it was left as it is: pass --force to overwrite it'],
    })
    expect(readFileSync(join(cwd, 'candor.json'), 'utf8')).toBe('{"mine": true}\n')
    expect((await candor(cwd, 'init', '--force')).code).toBe(0)
    expect(JSON.parse(readFileSync(join(cwd, 'candor.json'), 'utf8')).signals).toHaveLength(3)
  })

  it('makes a site name from any folder name', () => {
    expect(siteName('Corner Bakery')).toBe('corner-bakery')
    expect(siteName('2024_site!')).toBe('site')
    expect(siteName('…')).toBe('my-site')
  })
})
