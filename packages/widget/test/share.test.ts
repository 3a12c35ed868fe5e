import { describe, expect, it } from 'vitest'
import { isSharedArrival, sharedLink } from '../src/share'

describe('sharedLink', () => {
  it('removes every sharer-tracking parameter, keeps the others, and adds #candor=shared', () => {
    const tracking = 'fbclid gclid dclid msclkid igsh igshid si mc_eid _hsenc _hsmi yclid ttclid twclid utm_source utm_medium utm_campaign UTM_Term'.split(' ')
    const url = 'https://news.example/story?id=3&' + tracking.map((k) => `${k}=x`).join('&') + '&page=2#comments'
    expect(sharedLink(url)).toBe('https://news.example/story?id=3&page=2#candor=shared')
  })
  it('works without a query or a fragment', () => {
    expect(sharedLink('https://news.example/')).toBe('https://news.example/#candor=shared')
  })
})

describe('isSharedArrival: the URL can only lower tailoring, with exactly one fragment', () => {
  it.each([
    ['#candor=shared', true],
    ['#candor=shared&x', false],
    ['#CANDOR=SHARED', false],
    ['#candor=shared%00', false],
    ['#candor=shared\u0000', false],
    ['#candor=shared ', false],
    ['#candor=tailored', false],
    ['', false],
    ['#' + 'candor=shared'.repeat(8000), false],
  ])('%j → %s', (hash, yes) => expect(isSharedArrival(hash)).toBe(yes))
})
