// The `candor` bin as a user runs it, in a child process: its exit codes, and what it prints where.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundleBin, fixture, spawnBin, tempDir } from './run.js'

let bin: string
beforeAll(async () => {
  bin = await bundleBin()
})

describe('the candor bin', () => {
  it('exits 0 on a clean site, and prints the summary', () => {
    expect(spawnBin(bin, fixture('clean'), 'check', 'candor.json', 'pages/**/*.html', '--uses', 'src/**/*.ts')).toEqual({
      code: 0,
      out: 'candor.json and 1 page: no problems found\n',
      err: '',
    })
  })

  it('exits 0 on warnings alone', () => {
    const r = spawnBin(bin, fixture('clean'), 'check', 'candor.json', 'pages/**/*.html')
    expect(r.code).toBe(0)
    expect(r.out).toContain('warning: you ask visitors for ‘Your shop’ but no page uses it: remove it, or use it')
  })

  it('exits 1 on pages that name undeclared signals and options', () => {
    const r = spawnBin(bin, fixture('mistakes'), 'check', 'candor.json', 'pages/*')
    expect(r.code).toBe(1)
    expect(r.out.split('\n').at(-2)).toBe('candor.json and 6 pages: 8 errors, 4 warnings, 4 notes')
  })

  it('exits 1 on a broken catalog, and on one it can’t read', () => {
    expect(spawnBin(bin, fixture('broken'), 'check', 'candor.json').code).toBe(1)
    expect(spawnBin(bin, fixture('refused'), 'check').code).toBe(1)
    expect(spawnBin(bin, tempDir(), 'check', 'nowhere.json').code).toBe(1)
  })

  it('--json: one JSON document on stdout, the same exit code', () => {
    const r = spawnBin(bin, fixture('mistakes'), 'check', 'candor.json', 'pages/*', '--json')
    expect(r.code).toBe(1)
    expect(JSON.parse(r.out)).toMatchObject({ ok: false, pages: 6, errors: 8, warnings: 4, notes: 4 })
  })

  it('exits 2 on a mistake in the command, saying it on stderr', () => {
    const r = spawnBin(bin, fixture(), 'chek')
    expect(r).toEqual({ code: 2, out: '', err: 'candor: unknown command "chek": use check or init\nRun candor --help for how to use it.\n' })
    expect(spawnBin(bin, fixture(), 'init', 'a', 'b').code).toBe(2)
  })

  it('--help and --version exit 0', () => {
    expect(spawnBin(bin, fixture(), '--help')).toMatchObject({ code: 0, err: '' })
    const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version
    expect(spawnBin(bin, fixture(), '--version')).toEqual({ code: 0, out: `${version}\n`, err: '' })
  })

  it('init: exits 0 having written candor.json, 1 when it would overwrite one', () => {
    const cwd = tempDir()
    expect(spawnBin(bin, cwd, 'init').code).toBe(0)
    expect(JSON.parse(readFileSync(join(cwd, 'candor.json'), 'utf8')).site).toMatch(/^[a-z]/)
    expect(spawnBin(bin, cwd, 'init')).toMatchObject({ code: 1, out: '' })
    expect(spawnBin(bin, cwd, 'init', '--force').code).toBe(0)
  })

  it('colours nothing when NO_COLOR is set or stdout is not a terminal', () => {
    expect(spawnBin(bin, fixture('mistakes'), 'check', 'candor.json', 'pages/*').out).not.toContain('\x1b[')
  })
})
