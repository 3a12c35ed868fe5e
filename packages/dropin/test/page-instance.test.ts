// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { type Catalog, createCandor } from '@candor/core'
import { readerOf } from '../src/page-instance'

const catalog: Catalog = {
  site: 'bakery',
  signals: [{ id: 'vegan', type: 'boolean', label: 'Vegan', purpose: 'Puts vegan cakes first' }],
}

describe('a gated element that names an undeclared signal (issue 23)', () => {
  it('is said once, naming the element and the attribute that holds the signal, and tailors nothing', async () => {
    const c = createCandor({ catalog, storage: 'memory' })
    await c.ready
    const say = vi.fn()
    const read = readerOf(c, say)
    document.body.innerHTML = `<p id="a" data-candor-show="vegan"></p><p id="b" data-candor-baseline="vegan glutenfree"></p>`
    const a = document.getElementById('a')!
    const b = document.getElementById('b')!
    expect(read('vegan', a)).toBeUndefined()
    expect(say).not.toHaveBeenCalled()
    expect(read('glutenfree', b)).toBeUndefined()
    expect(read('glutenfree', b)).toBeUndefined()
    expect(say).toHaveBeenCalledTimes(1)
    expect(say).toHaveBeenCalledWith(
      'Candor: <p data-candor-baseline="vegan glutenfree">: "glutenfree" is not declared in the catalog of "bakery": declare it there, with its purpose, to use it',
    )
    read('glutenfree', a)
    expect(say).toHaveBeenLastCalledWith(expect.stringMatching(/^Candor: <p data-candor-show="vegan">: "glutenfree" is not declared/))
  })
})
