// @vitest-environment happy-dom
// The transfer link's code and the fragment taken out of the address (the journeys are in e2e/tests/transfer.demo.spec.ts).
import { describe, expect, it } from 'vitest'
import { isCarried } from '@candor/core/internal'
import { MAX_QR_MODULES, qrCode } from '../src/qr'
import { takeTransfer } from '../src/transfer-fragment'
import { loadLocale, transferWordsOf } from '../src/i18n'

describe('the QR code of a link', () => {
  it('is an image named for screen readers, dark on light with its quiet zone, built without markup strings', () => {
    const svg = qrCode('https://news.example/#candor-import=' + 'a'.repeat(180), 'QR code of the link')!
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-label')).toBe('QR code of the link')
    const side = Number(svg.getAttribute('viewBox')!.split(' ')[2])
    // A link of about 200 characters: a code of at most version 10 (57 modules), and 4 modules of margin on each side.
    expect(side - 8).toBeLessThanOrEqual(57)
    expect(svg.querySelector('rect')!.getAttribute('fill')).toBe('#fff')
    expect(svg.querySelector('path')!.getAttribute('fill')).toBe('#000')
  })

  it('is left out when too dense for a phone to read at arm’s length', () => {
    expect(qrCode('https://news.example/#candor-import=' + 'a'.repeat(2000), 'QR code of the link')).toBeUndefined()
    expect(MAX_QR_MODULES).toBe(77)
  })
})

describe('the transfer fragment', () => {
  it('is taken out of the address, query kept; anything else is left alone', () => {
    history.replaceState(null, '', '/front?page=2#candor-import=abc')
    expect(takeTransfer()).toBe('#candor-import=abc')
    expect(location.pathname + location.search + location.hash).toBe('/front?page=2')
    history.replaceState(null, '', '/front#candor=shared')
    expect(takeTransfer()).toBeUndefined()
    expect(location.hash).toBe('#candor=shared')
  })
})

describe('what a link carries', () => {
  it('is a value kept for good: not one turned off or set for one view', () => {
    expect(isCarried({ value: true })).toBe(true)
    expect(isCarried({ value: ['science'], off: true })).toBe(false)
    expect(isCarried({ value: 'eu', oneOff: true })).toBe(false)
    expect(isCarried({})).toBe(false)
  })
})

describe('the dialogs’ words', () => {
  it('come in the panel’s language once it is loaded; none (the dialogs’ English) for one Candor doesn’t ship', async () => {
    await Promise.all(['de-AT', 'fr', 'fi'].map(loadLocale))
    expect(transferWordsOf('de-AT')?.use).toBe('Verwenden')
    expect(transferWordsOf('fr')?.no).toBe('Non merci')
    expect(transferWordsOf('fi')).toBeUndefined()
  })
})
