import type { ReadonlySignal } from '@preact/signals-core'
import type { Verdict } from './measure/verdict.js'

/** Options of `createCandor`. `C`: the catalog's own type, so ids and options are checked where they are used. */
export interface CandorOptions<C extends Catalog = Catalog> {
  /** The site's signals, each with its purpose. Checked at once: a bad catalog throws a `CandorError` listing every problem. */
  catalog: C
  /** `'memory'` keeps everything for this page only and touches no persistent storage (tests, previews, server rendering). Default `'indexeddb'`. */
  storage?: 'indexeddb' | 'memory'
  /** How long to wait for IndexedDB, in ms, before working in memory. Default 2000. */
  timeout?: number
  /** Overrides `navigator.globalPrivacyControl`. */
  gpc?: boolean
  /** The clock, in ms since epoch. Default `Date.now`. */
  now?: () => number
  /**
   * Keep a synchronous copy of the declared values in use in localStorage (see `readSnapshot`),
   * for pages that must tailor before IndexedDB opens. Default `true`: every page of the site
   * keeps it current, whichever way it uses Candor.
   */
  snapshot?: boolean
  /**
   * `true`: a signal (or `intro`, `measure`) with a problem is left out and reported in `problems` (code `'left-out'`), and the
   * rest is used, instead of throwing. For catalogs edited by hand (the drop-in); the site's code is better served strict.
   */
  lenient?: boolean
  /** This view opens as the page everyone sees (a shared link's arrival): a preview from the start, never measured. */
  shared?: boolean
  /** This view's draw for holdouts, in [0, 1); default a fresh `crypto.getRandomValues` number. For tests and for candor.js, which draws before the catalog is in. */
  draw?: number
  /** Numbers in [0, 1) for randomized response; default `crypto.getRandomValues`. For seeded tests only. */
  random?: () => number
}

/** What a signal holds: on/off, one option, or several options. */
export type SignalType = 'boolean' | 'choice' | 'multi'

/** A value a visitor can declare: `true`/`false`, one option's value, or a list of them. */
export type Value = boolean | string | string[]

/** One option of a `choice` or `multi` signal. */
export interface SignalOption {
  /**
   * Stable machine value, e.g. `'sports'`. Changing it asks visitors to review.
   * @pattern ^[\w.-]{1,64}$
   */
  value: string
  /**
   * What the visitor reads, e.g. `'Sports'`. Rewording it asks nothing of anyone.
   * @minLength 1
   * @maxLength 200
   * @pattern \S
   */
  label: string
}

/** What every signal declares, whatever it holds. */
export interface SignalBase {
  /**
   * Slug: lowercase letters, digits and `-`, starting with a letter. Unique in the catalog.
   * @pattern ^[a-z][a-z0-9-]{0,63}$
   */
  id: string
  /**
   * Short name the visitor sees.
   * @minLength 1
   * @maxLength 200
   * @pattern \S
   */
  label: string
  /**
   * Why the site reads it. Required: an undeclared purpose is refused.
   * @minLength 1
   * @maxLength 2000
   * @pattern \S
   */
  purpose: string
  /** `declared` (the default): only the visitor sets it. `inferred`: the site may guess it with `infer()`. */
  source?: 'declared' | 'inferred'
  /**
   * How long a value lasts after it was set, as `<n>h`, `<n>d` or `<n>w` (e.g. `'90d'`). None: it lasts until changed.
   * @pattern ^[1-9]\d{0,4}[hdw]$
   */
  lifetime?: string
  /**
   * Heading the widget files the signal under.
   * @minLength 1
   * @maxLength 100
   * @pattern \S
   */
  group?: string
  /**
   * Longer explanation shown under the label.
   * @minLength 1
   * @maxLength 2000
   * @pattern \S
   */
  description?: string
  /** Marks a signal the widget should treat with extra care (e.g. health, politics). */
  sensitive?: boolean
}

/**
 * A signal that is on or off; it has no options.
 * @example { id: 'compact', type: 'boolean', label: 'Compact layout', purpose: 'Shows more headlines per screen' }
 */
export interface BooleanSignal extends SignalBase {
  type: 'boolean'
  /** Not allowed: a boolean has no options. */
  options?: undefined
}

/**
 * A signal that holds one option (`choice`) or several (`multi`) from its list.
 * @example { id: 'topics', type: 'multi', label: 'Topics', purpose: 'Orders the stories', options: [{ value: 'science', label: 'Science' }] }
 */
export interface ListedSignal extends SignalBase {
  type: 'choice' | 'multi'
  /**
   * The values it may hold, each with the words the visitor reads; values unique in the signal.
   * @minItems 1
   * @maxItems 500
   */
  options: readonly SignalOption[]
}

/** One preference a site may read, declared with the purpose it serves: a boolean, or a signal with options. */
export type SignalDefinition = BooleanSignal | ListedSignal

/**
 * A site's declaration of every signal it may read. Ids, and option values within a signal, must be unique: Candor
 * refuses a catalog that repeats one, which this schema can't check.
 * @example const catalog: Catalog = { site: 'daily-planet', signals: [ ... ] }
 */
export interface Catalog {
  /** Where an editor finds this schema, e.g. `"./candor.schema.json"`; ignored by Candor. */
  $schema?: string
  /**
   * Slug naming the site; the visitor's choices are stored under it.
   * @pattern ^[a-z][a-z0-9-]{0,63}$
   */
  site: string
  /**
   * Every signal the site may read; ids unique in the catalog.
   * @maxItems 2000
   */
  signals: readonly SignalDefinition[]
  /**
   * A sentence in the site's own words that the panel shows at its top, e.g. why the site tailors at all.
   * @minLength 1
   * @maxLength 2000
   * @pattern \S
   */
  intro?: string
  /** Measuring whether tailoring helps, against views that show the page as everyone sees it. Left out: nothing is measured. */
  measure?: MeasureSettings
}

/** A goal's name, e.g. `'read'`. @pattern ^[\w.-]{1,64}$ */
export type GoalName = string

/**
 * A goal with the words the panel says it in ("Does tailoring help you?"), in the site's language.
 * @example { name: 'read', label: 'Read a story to the end' }
 */
export interface GoalDefinition {
  name: GoalName
  /**
   * @minLength 1
   * @maxLength 200
   * @pattern \S
   */
  label: string
}

/**
 * How a site measures whether tailoring helps: a share of page views shows the page as everyone sees it
 * (holdouts), goals are counted on the device, and each measured view ends with a noisy report.
 * @example { holdout: 0.05, epsilon: 1, goals: ['read'] }
 */
export interface MeasureSettings {
  /**
   * The share of page views that show the page as everyone sees it, from 0 to 0.5. Default 0: nothing is measured.
   * @minimum 0
   * @maximum 0.5
   */
  holdout?: number
  /**
   * The privacy parameter ε of the reports, from 0.1 (most private, noisiest) to 10. Default 1: each goal is told truly 73% of the time.
   * @minimum 0.1
   * @maximum 10
   */
  epsilon?: number
  /**
   * Goals every report carries, reached or not, so which goals a report holds says nothing of what the visitor did.
   * Goals marked with `data-candor-goal` on the page are added. A goal is its name, or `{ name, label }` to give the panel its words.
   * @maxItems 20
   */
  goals?: readonly (GoalName | GoalDefinition)[]
}

/** The ids a catalog declares: literal when the catalog is `as const` or made with `defineCatalog`, else `string`. */
export type SignalId<C extends Catalog = Catalog> = C['signals'][number]['id']

/** The declaration of signal `K` in catalog `C` (any of them when the ids aren't known literally). */
export type SignalOf<C extends Catalog, K extends SignalId<C>> = string extends SignalId<C> ? C['signals'][number] : Extract<C['signals'][number], { id: K }>

/** The option values a signal declares (`string` when they aren't known literally; `never` for a boolean). */
export type OptionOf<S> = S extends { options: readonly (infer O)[] } ? (O extends { value: infer V extends string } ? V : string) : never

/** What a signal holds, from its declaration: `boolean`, one option's value, or a list of them. */
export type ValueOf<S> = S extends { type: 'boolean' }
  ? boolean
  : S extends { type: 'choice' }
    ? OptionOf<S>
    : S extends { type: 'multi' }
      ? OptionOf<S>[]
      : Value

/**
 * The value of signal `K` in catalog `C`.
 * @example type Topics = SignalValue<typeof catalog, 'topics'> // ('science' | 'sports')[]
 */
export type SignalValue<C extends Catalog = Catalog, K extends SignalId<C> = SignalId<C>> = ValueOf<SignalOf<C, K>>

/** Which page everyone sees in this view: `holdout` (the shared page, to measure against), `tailored` (at least one preference in use), `untailored` (nothing is). */
export type Arm = 'tailored' | 'holdout' | 'untailored'

/** One arm's views and goal reaches over the last four weeks, with the 95% interval of the share. */
export interface ArmResult {
  views: number
  reached: number
  share: number
  low: number
  high: number
}

/** Does tailoring help this visitor reach one goal? */
export interface GoalResult {
  goal: string
  /** The goal's label in the catalog, when it gives one. */
  label?: string
  tailored: ArmResult
  holdout: ArmResult
  verdict: Verdict
}

/** What this browser measured, and what it tells the site. */
export interface Measurement {
  /** The share of views held out (the catalog's `measure.holdout`); 0: nothing is measured. */
  holdout: number
  /** The reports' privacy parameter. */
  epsilon: number
  /** The probability a report tells a goal truly: e^ε / (1 + e^ε). */
  truthful: number
  /** Whether this browser takes part in holdouts; the visitor can turn them off for good. */
  holdouts: boolean
  /** Whether measured views end with a report to the site: not at level `off`; under GPC only if the visitor turned them on. */
  reports: boolean
  /** Reports this browser gave the site this week. */
  reportsThisWeek: number
  /** Per goal, over the last four weeks. */
  goals: GoalResult[]
}

/** How much tailoring the visitor allows: none, only what they declared, or inferred values too. */
export type Level = 'off' | 'declared' | 'all'

/** Why a signal is or is not used for tailoring right now. */
export type SignalState = 'active' | 'off' | 'expired' | 'unset' | 'one-off' | 'needs-review' | 'forbidden-by-level'

/** Reads of one signal on this page. */
export interface UsageEntry {
  count: number
  /** Distinct reasons given with `get(id, { reason })`, in first-seen order (at most 20). */
  reasons: string[]
  /** Elements tailored by this signal (given as `get(id, { element })`), e.g. by the drop-in's attributes. */
  elements: Element[]
  /** Time of the last read (ms since epoch). */
  lastAt: number
}

/** The per-page usage ledger: which signals the page read, keyed by signal id. */
export type UsageLedger = Readonly<Record<string, UsageEntry>>

/** Everything the widget shows about one signal. */
export interface Explanation {
  signal: SignalDefinition
  /** The stored or inferred value, even when it is not in use; `undefined` when there is none. */
  value: Value | undefined
  /** `declared`: the visitor set it. `inferred`: the site guessed it this page view. */
  source: 'declared' | 'inferred'
  /** What an inferred value was inferred from, e.g. `'your IP address suggests Europe'`. */
  basis?: string
  state: SignalState
  /** When the visitor declared it (ms since epoch). */
  setAt?: number
  /** When it fades (ms since epoch). */
  expiresAt?: number
  /** Reads on this page. */
  reads: number
  /** Would be in use, but this view shows the page as everyone sees it: a preview, or a holdout view. */
  paused?: 'preview' | 'holdout'
}

/** Where the visitor's choices are kept, and if only in memory, why. */
export type StorageStatus = { kind: 'indexeddb' } | { kind: 'memory'; reason: StorageReason; detail?: string }

/**
 * Why preferences can't be saved: no IndexedDB, blocked (private modes, site data blocked), too slow,
 * failed, full, or the site chose to keep them for this page only (`storage: 'memory'`).
 */
export type StorageReason = 'unavailable' | 'blocked' | 'timeout' | 'failed' | 'quota' | 'page-only'

/** One change the visitor made, kept in the local history (the last 200). */
export interface HistoryEntry {
  /** ms since epoch */
  at: number
  /** `transfer`: the preferences from another device were accepted (`acceptTransfer`). */
  action: 'set' | 'off' | 'on' | 'forget' | 'renew' | 'confirm' | 'level' | 'import' | 'expired' | 'transfer'
  id?: string
  value?: Value | Level
  /** Where on the site the visitor declared it in context (`data-candor-declare`): the path, no query or fragment. */
  page?: string
}

/** A stored value whose signal the catalog no longer declares: kept out of use until forgotten. */
export interface Orphan {
  id: string
  value: Value | undefined
  setAt?: number
}

/** Something Candor noticed but could carry on from: a corrupt record, newer data, a failed write, a catalog field it doesn't know, a part of the catalog left out (`lenient`). */
export interface Problem {
  code: 'corrupt-record' | 'newer-data' | 'storage' | 'unknown-field' | 'left-out'
  message: string
  key?: string
}

/** Options of `get()`. */
export interface ReadOptions {
  /** Why the page reads it, shown to the visitor ("Orders the front page"). */
  reason?: string
  /** The element tailored by this read, so the widget can outline it. */
  element?: Element
}

/** Options of `set()`. */
export interface SetOptions {
  /** "I looked at this once, don't build on it": kept visible, never used for tailoring. */
  oneOff?: boolean
}

/** The versioned file `export()` returns and `import()` takes. */
export interface PreferencesExport {
  format: 'candor/preferences'
  version: 1
  site: string
  /** ISO 8601 */
  exportedAt: string
  /** The level the visitor chose, or `null` for the default. */
  level: Level | null
  values: Record<string, ExportedValue>
  /** Values for signals the catalog no longer declares (never imported). */
  orphans?: Record<string, ExportedValue>
  history: Array<Omit<HistoryEntry, 'at'> & { at: string }>
  /** What this browser measured: the visitor's choices on holdouts and reports, and the weekly counts. */
  measure?: ExportedMeasure
}

/** The measurement part of an export. */
export interface ExportedMeasure {
  /** `false`: the visitor turned holdouts off. */
  holdouts: boolean
  /** The visitor's choice on reports, or `null` for the default. */
  reports: boolean | null
  /** Counts by ISO week: per arm, views and views that reached each goal; reports given. */
  weeks: Record<
    string,
    { tailored: { views: number; goals: Record<string, number> }; holdout: { views: number; goals: Record<string, number> }; reports: number }
  >
}

/** What a transfer link from another device would change here (`readTransfer`). */
export interface TransferProposal {
  /** When the other device made the link, ms since epoch. */
  madeAt: number
  /** Each value it would set, and the value in use here it would replace, if any. Values already the same are left out. */
  changes: Array<{ id: string; value: Value; replaces?: Value }>
  /** The level it would set, and the level in force here; absent when they are the same or the link carries none. */
  level?: { value: Level; replaces: Level }
  /** `gpc`: the link's level would use inferred values, which this browser's Global Privacy Control declines. */
  levelKept?: 'gpc'
  /** What it carries for a signal this site no longer declares (`removed`) or whose meaning changed since (`changed`). */
  skipped: Array<{ id: string; why: 'removed' | 'changed' }>
}

/** One value in an export. Dates are ISO 8601. */
export interface ExportedValue {
  /** Absent when the visitor turned off an inferred signal without ever declaring it. */
  value?: Value
  setAt: string
  expiresAt?: string
  off?: boolean
  oneOff?: boolean
}

/** The reactive state behind the instance, as `@preact/signals-core` signals. */
export interface CandorSignals {
  level: ReadonlySignal<Level>
  storage: ReadonlySignal<StorageStatus>
  usage: ReadonlySignal<UsageLedger>
  history: ReadonlySignal<readonly HistoryEntry[]>
  problems: ReadonlySignal<readonly Problem[]>
  /** Bumps on every change of any value, state or level: read it to re-render on change. */
  version: ReadonlySignal<number>
  /** `true` while the page shows the baseline for this view only (see `preview`). */
  preview: ReadonlySignal<boolean>
}

/**
 * An instance of any catalog: what code over every signal takes (the widget, the framework adapters).
 * `Candor<C>` isn't assignable to `Candor` (its `set` takes fewer ids), so such code names this instead.
 */
// biome-ignore lint/suspicious/noExplicitAny: erases only the catalog's literal types, which code over every signal can't use.
export type AnyCandor = Candor<any>

/**
 * A Candor instance: created by `createCandor`, it reads and writes one site's preferences. `C` is the
 * catalog's type: with a catalog made by `defineCatalog` (or `as const`), ids and options are checked.
 */
export interface Candor<C extends Catalog = Catalog> {
  /** The validated catalog. */
  readonly catalog: C
  /** Resolves with the instance once stored choices are loaded (or storage has been given up on). Never rejects. */
  readonly ready: Promise<this>
  /** `true` when the browser sent Global Privacy Control, which lowered the default level to `declared`. */
  readonly gpc: boolean
  /** The level the visitor chose, or the default (reactive inside effects). A preview doesn't change it. */
  readonly level: Level
  /** Where choices are kept (reactive inside effects). */
  readonly storage: StorageStatus
  /** Reads on this page, by signal id (reactive, updated after the current task). */
  readonly usage: UsageLedger
  /** The visitor's changes, newest last (the last 200). */
  readonly history: readonly HistoryEntry[]
  /** Ids whose meaning the site changed since the visitor set them: kept, not used, until reviewed. */
  readonly needsReview: string[]
  /** Stored values for signals the catalog no longer declares. */
  readonly orphans: Orphan[]
  /** What went wrong but was recovered from. */
  readonly problems: readonly Problem[]
  /** `true` while previewing the page everyone sees (this page view only). */
  readonly previewing: boolean
  /** This view's arm (reactive): `holdout` shows the page as everyone sees it, to measure against. */
  readonly arm: Arm
  /** What this browser measured, and what it tells the site (reactive); on a site that doesn't measure, nothing. */
  readonly measurement: Measurement
  /** The state as `@preact/signals-core` signals. With `startCandor`, present once `load()` has resolved. */
  readonly signals: CandorSignals
  /** The clock this instance goes by (ms since epoch), so "fades in 5 days" agrees with the core. */
  now(): number

  /**
   * The value to tailor by, or `undefined` when nothing may be used. Records the read.
   * @example if (candor.get('topics', { reason: 'Orders the front page' })?.includes('sports')) { ... }
   */
  get<K extends SignalId<C>>(id: K, options?: ReadOptions): SignalValue<C, K> | undefined
  /** What the widget shows about a signal; does not count as a read. */
  explain(id: SignalId<C>): Explanation
  /** Declares a value. Rejects with a `CandorError` (and stores nothing) when the value doesn't fit the signal. */
  set<K extends SignalId<C>>(id: K, value: SignalValue<C, K>, options?: SetOptions): Promise<void>
  /**
   * What a click on a declaring control does (`data-candor-declare`): adds or removes a `multi` option, sets a
   * `choice` or forgets it when it holds that option, flips a `boolean`. Resolves with the undo, which puts back
   * exactly what was there before (unset included). `page` is kept in the history entry.
   * @example const undo = await candor.toggle('topics', 'science', { page: location.pathname })
   */
  toggle<K extends SignalId<C>>(id: K, option?: OptionOf<SignalOf<C, K>>, options?: { page?: string }): Promise<() => Promise<void>>
  /** Keeps the value but stops using it; for an inferred signal, stays off on later visits. */
  turnOff(id: SignalId<C>): Promise<void>
  /** Resumes using a value turned off. */
  turnOn(id: SignalId<C>): Promise<void>
  /** Deletes the value. */
  forget(id: SignalId<C>): Promise<void>
  /** Restarts the value's lifetime; also accepts the site's changed meaning of a signal under review. */
  renew(id: SignalId<C>): Promise<void>
  /** Makes the inferred value a declared (and stored) one. */
  confirm(id: SignalId<C>): Promise<void>
  /** Uses a site-inferred value for this page only; never stored. Only for signals declared `source: 'inferred'`. */
  infer<K extends SignalId<C>>(id: K, value: SignalValue<C, K>, options: { basis: string }): void
  /** Chooses how much tailoring the visitor wants; stored. */
  setLevel(level: Level): Promise<void>
  /** Shows the page everyone sees for this page view only (`true`), or goes back (`false`). Stores nothing. */
  preview(on: boolean): void
  /** Values that fade within `days` days, soonest first. */
  expiringSoon(days: number): Explanation[]
  /** Deletes the stored value of a signal the catalog no longer declares. */
  forgetOrphan(id: string): Promise<void>
  /**
   * Calls `fn` after every change of state. Returns the function that stops it.
   * @example const stop = candor.subscribe(() => render())
   */
  subscribe(fn: (candor: this) => void): () => void
  /** The visitor's data as a versioned JSON document. */
  export(): PreferencesExport
  /** Applies an export whole, or nothing; rejects with a `CandorError` listing what was refused. */
  import(doc: unknown): Promise<void>
  /** Erases everything Candor stored for the site, history included. */
  clear(): Promise<void>
  /**
   * A link to this page (or `href`) that proposes this device's declared values in use and its level to another
   * device, in the fragment (`#candor-import=…`, never sent to a server). It works for 15 minutes; anyone with it can
   * read what it carries.
   * @example qr.value = await candor.transferLink()
   */
  transferLink(href?: string): Promise<string>
  /**
   * Reads a transfer link's fragment and checks it whole against this catalog: what it would change here, and what it
   * skips. Stores nothing. Rejects with a `CandorError` (`code: 'transfer-invalid'`) whose `problems[0]` starts with
   * the field at fault: `fragment`, `version`, `site`, `madeAt` (older than 15 minutes), `clock` (made in
   * this device's future), `level` or `values.<id>`.
   * @example if (location.hash.startsWith('#candor-import=')) ask(await candor.readTransfer(location.hash))
   */
  readTransfer(fragment: string): Promise<TransferProposal>
  /** Stores what a proposal from `readTransfer` sets, in one transaction, with a `transfer` history entry. */
  acceptTransfer(proposal: TransferProposal): Promise<void>
  /**
   * Marks a goal reached in this view (the first time counts); `{ reached: false }` only names it, so
   * reports carry it either way. Throws a `CandorError` for a name that isn't 1 to 64 letters, digits, `_`, `.` or `-`.
   * @example buy.addEventListener('click', () => candor.goal('buy'))
   */
  goal(name: string, options?: { reached?: boolean }): void
  /** Ends this view (its report goes to the site) and starts the next, for an app that changes views without a page load. */
  endView(): void
  /** Takes part in holdouts (`true`, the default) or never again (`false`); stored. */
  setHoldouts(on: boolean): Promise<void>
  /** Gives the site a noisy report at the end of each measured view (`true`) or not; stored. */
  setReports(on: boolean): Promise<void>
  /** Stops listening to other tabs and timers. */
  destroy(): void
  /**
   * Loads the part that writes, recovers and adapts to signals. `createCandor` includes it (this resolves
   * at once); an instance from `startCandor` loads it on its first write, or when this is called (on intent).
   */
  load(): Promise<void>
}
