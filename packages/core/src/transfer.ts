// Preferences carried to another device in a link, with no account and no server: the declared values in use and the
// level, compressed into the fragment (`#candor-import=…`, never sent to the server) with the site, the format's
// version, a stamp of the catalog they were declared against and when the link was made. A link only proposes: what it
// carries is checked whole against this catalog (`read`) and stored only when the visitor accepts (`accept`).
// Loaded when a visitor makes or opens one.
import type { Context } from './context.js'
import { CandorError, fail, invalid } from './errors.js'
import { isObject, isTime, isValue } from './guards.js'
import { appendStored, appended } from './history.js'
import { fnv } from './hash.js'
import { TRANSFER_MINUTES, TRANSFER_PREFIX } from './names.js'
import { LEVELS, guardNewer, signalKey, SCHEMA, type SignalRecord } from './record.js'
import { effectiveLevel, isCarried, isFaded, newRecord } from './rules.js'
import type { HistoryEntry, Level, TransferProposal, Value } from './types.js'
import type { WriterParts } from './writes.js'
import { checkValue } from './value.js'

/** The payload's format, raised when its meaning changes: a newer one is refused, not guessed at. */
const VERSION = 1
/** Two devices' clocks disagree a little: a link made up to this far in the future is taken. */
const SKEW_MS = 5 * 60_000
/** The largest fragment read (base64url characters) and what it may inflate to: a real one is a few hundred. */
const MAX_CHARS = 32_768
const MAX_BYTES = 262_144
/** The most values a link may carry: as many as a catalog may declare. */
const MAX_VALUES = 2000
/** What `pipe` throws past its limit (a parse that fails for another reason is damage, not size). */
const TOO_LARGE = new Error('too large')

/** One value carried: [signal id, value, the signal's fingerprint on the device that made it]. */
type Carried = [string, Value, string]

/** A stamp of the catalog's signals and their meanings: equal stamps, the same catalog. */
const stamp = (fps: ReadonlyMap<string, string>) => fnv([...fps].sort().join())

/** Runs `bytes` through a compression stream; more than `max` bytes out is refused (a small link can inflate hugely). */
const pipe = async (bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, max = Infinity) => {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader()
  const parts: Uint8Array<ArrayBuffer>[] = []
  let n = 0
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if ((n += r.value.length) > max) throw (void reader.cancel(), TOO_LARGE)
    parts.push(r.value)
  }
  return new Uint8Array(await new Blob(parts).arrayBuffer())
}

const toText = (b: Uint8Array) => {
  let s = ''
  for (const c of b) s += String.fromCharCode(c)
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

const fromText = (s: string) => Uint8Array.from(atob(s.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0))

/**
 * The values a link carries: the declared signals' values the visitor keeps (`isCarried`), each with the meaning it was
 * declared under (a value waiting for review here is skipped there too, unless that device's catalog still means it).
 */
const carried = ({ catalog, store }: Context, t: number): Carried[] =>
  // In the catalog's order, as the other device lists them.
  catalog.signals.flatMap(({ id }) => {
    const r = store.state.records.get(id)
    return r && isCarried(r) && !isFaded(r, t) ? [[id, r.value!, r.fp] as Carried] : []
  })

/** Whether two values are the same choice (a list's order aside). */
const same = (a: Value | undefined, b: Value) => JSON.stringify(Array.isArray(a) ? [...a].sort() : a) == JSON.stringify(Array.isArray(b) ? [...b].sort() : b)

/** The link to `href` (this page by default) that proposes this device's declared values and level to another. */
export const link = async ([ctx]: WriterParts, href = location.href): Promise<string> => {
  const t = ctx.now()
  const level = ctx.store.state.storedLevel
  const doc = { v: VERSION, s: ctx.site, t, k: stamp(ctx.fps), ...(level ? { l: level } : {}), p: carried(ctx, t) }
  const u = new URL(href, globalThis.location?.href)
  u.hash = ''
  return u.href + TRANSFER_PREFIX + toText(await pipe(new TextEncoder().encode(JSON.stringify(doc)), new CompressionStream('deflate-raw')))
}

const refuse = (why: string): never => {
  throw new CandorError('transfer-invalid', "This link can't be used: " + why, [why])
}

/** The payload of `fragment`, inflated and parsed; refused when it isn't one, is too large or is damaged. */
const unpack = async (fragment: unknown): Promise<Record<string, unknown>> => {
  if (typeof fragment != 'string' || !fragment.startsWith(TRANSFER_PREFIX)) return refuse('fragment: not a Candor transfer link')
  const text = fragment.slice(TRANSFER_PREFIX.length)
  if (text.length > MAX_CHARS) refuse(`fragment: too large (${text.length} characters; at most ${MAX_CHARS})`)
  if (!/^[\w-]+$/.test(text)) refuse('fragment: not a Candor transfer link')
  // A browser that can't unpack one says so as a failure, not as a damaged link.
  if (typeof DecompressionStream == 'undefined') throw new Error('Candor: this browser has no DecompressionStream')
  let doc: unknown
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(await pipe(fromText(text), new DecompressionStream('deflate-raw'), MAX_BYTES)))
  } catch (e) {
    refuse(e == TOO_LARGE ? `fragment: too large once unpacked (at most ${MAX_BYTES} bytes)` : 'fragment: damaged or cut short')
  }
  return isObject(doc) ? doc : refuse('fragment: damaged or cut short')
}

/** Reads `fragment` and checks it whole against this catalog: the proposal, or a `CandorError` saying why not. */
export const read = async ([ctx]: WriterParts, fragment: unknown): Promise<TransferProposal> => {
  const doc = await unpack(fragment)
  const { v, s, t, k, l, p } = doc
  if (typeof v == 'number' && v > VERSION) refuse(`version: made by a newer Candor (format ${v}; this one reads ${VERSION})`)
  if (v !== VERSION || typeof s != 'string' || !isTime(t) || typeof k != 'string' || !Array.isArray(p)) refuse('fragment: damaged or cut short')
  if ((p as unknown[]).length > MAX_VALUES) refuse(`fragment: too large (more than ${MAX_VALUES} values)`)
  if (s != ctx.site) refuse(`site: made for ${JSON.stringify(s)}, not "${ctx.site}"`)
  const age = ctx.now() - (t as number)
  if (age > TRANSFER_MINUTES * 60_000) refuse(`madeAt: made ${Math.floor(age / 60_000)} minutes ago; a link works for ${TRANSFER_MINUTES}`)
  if (age < -SKEW_MS) refuse("clock: made later than this device's clock says it is now; check its date and time")
  if (l !== undefined && !LEVELS.includes(l as Level)) refuse('level: must be "off", "declared" or "all"')
  // The same catalog can't name what it doesn't declare: such a link was altered. Another version of it may have.
  const sameCatalog = k == stamp(ctx.fps)
  const proposal: TransferProposal = { madeAt: t as number, changes: [], skipped: [] }
  const problems: string[] = []
  const records = ctx.store.state.records
  const seen = new Set<string>()
  for (const e of p as unknown[]) {
    if (!Array.isArray(e) || e.length != 3 || typeof e[0] != 'string' || !isValue(e[1]) || typeof e[2] != 'string' || seen.has(e[0]))
      refuse('fragment: damaged or cut short')
    const [id, value, fp] = e as Carried
    seen.add(id)
    const d = ctx.defs.get(id)
    if (!d) sameCatalog ? problems.push(`values.${id}: this site declares no such signal`) : proposal.skipped.push({ id, why: 'removed' })
    else if (fp != ctx.fps.get(id)) proposal.skipped.push({ id, why: 'changed' })
    else {
      const why = checkValue(d, value)
      if (why) problems.push(`values.${id}: ${why}`)
      // What it replaces is a value this device keeps, in its meaning here: not one turned off, set for one view,
      // faded or waiting for review.
      const mine = records.get(id)
      const replaces = mine && isCarried(mine) && mine.fp == ctx.fps.get(id) && !isFaded(mine, ctx.now()) ? mine.value : undefined
      if (!same(replaces, value)) proposal.changes.push(replaces === undefined ? { id, value } : { id, value, replaces })
    }
  }
  fail('transfer-invalid', "This link can't be used", problems)
  const here = effectiveLevel(ctx.store.state.storedLevel, ctx.gpc)
  // Global Privacy Control is this browser's: a link doesn't turn on what it forbids.
  if (l == 'all' && ctx.gpc && !ctx.store.state.storedLevel) proposal.levelKept = 'gpc'
  else if (l && l != here) proposal.level = { value: l as Level, replaces: here }
  return proposal
}

/**
 * Stores what `p` proposes, in memory at once and in storage in one transaction, with a history entry that says it
 * came from another device; each value is checked again (a proposal is plain data an app could change).
 */
export const accept = async ([ctx, durable, latest]: WriterParts, p: TransferProposal): Promise<void> => {
  const t = ctx.now()
  const put = new Map<string, SignalRecord>()
  for (const { id, value } of isObject(p) && Array.isArray(p.changes) ? p.changes : refuse('changes: pass what readTransfer() returned')) {
    const d = ctx.defs.get(id)
    if (!d) refuse(`values.${id}: this site declares no such signal`)
    const why = checkValue(d!, value)
    if (why) throw invalid('acceptTransfer', id, why)
    put.set(id, newRecord(d!, ctx.fps.get(id)!, value, t))
  }
  const level = p.level?.value
  if (level !== undefined && !LEVELS.includes(level)) refuse('level: must be "off", "declared" or "all"')
  const entry: HistoryEntry = { at: t, action: 'transfer' }
  const keys = [...put.keys()].map(signalKey)
  // A write made before is older than this: what it stored isn't put back in memory when it ends.
  for (const id of put.keys()) latest.delete(id)
  ctx.edits++
  // Memory at once, as every write does: a change made while the transaction runs comes after this one.
  const records = new Map(ctx.store.state.records)
  put.forEach((r, id) => records.set(id, r))
  ctx.store.update({ records, history: appended(ctx.store.state.history, entry), ...(level ? { storedLevel: level } : {}) })
  await durable.persist(
    [...keys, 'history', ...(level ? ['meta'] : [])],
    (cur) => {
      keys.forEach((k) => guardNewer(cur, k))
      if (level) guardNewer(cur, 'meta')
      const rows: Array<[string, unknown]> = [...put].map(([id, r]) => [signalKey(id), r])
      if (level) rows.push(['meta', { v: SCHEMA, level }])
      return { put: [...rows, ['history', appendStored(cur.get('history'), entry)]] }
    },
    [entry],
  )
}
