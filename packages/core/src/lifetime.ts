const UNIT = { h: 36e5, d: 864e5, w: 6048e5 } as const

/**
 * A lifetime such as `'90d'`, `'12h'` or `'2w'` in milliseconds; `undefined` when malformed.
 * @example parseLifetime('90d') // 7776000000
 */
export const parseLifetime = (text: string): number | undefined => {
  const m = typeof text == 'string' ? /^([1-9]\d{0,4})([hdw])$/.exec(text) : null
  return m ? +m[1]! * UNIT[m[2] as keyof typeof UNIT] : undefined
}
