// A short hash, for telling meanings apart (a signal's fingerprint, a catalog's stamp): not a security boundary.

/** FNV-1a of `text`, 32 bits, in base 36. */
export const fnv = (text: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x1000193)
  return (h >>> 0).toString(36)
}
