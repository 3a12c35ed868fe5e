// A language's file that can't load (offline, blocked, not served beside candor.js) leaves the panel in English; loading
// it never rejects, so the panel still renders, and the next call tries again.
import { describe, expect, it, vi } from 'vitest'

let fail = true
vi.mock('../src/locale-files', async () => {
  const real = await import('../src/locales/de')
  return { localeOf: (base: string) => (base != 'de' ? undefined : fail ? Promise.reject(new Error('offline')) : Promise.resolve(real)) }
})
const { createI18n, loadLocale } = await import('../src/i18n')

describe('a language whose file can’t load', () => {
  it('leaves English, and is tried again the next time', async () => {
    await expect(loadLocale('de')).resolves.toBeUndefined()
    expect(createI18n('de').t('close')).toBe('Close')
    fail = false
    await loadLocale('de')
    expect(createI18n('de').t('close')).toBe('Schließen')
  })
})
