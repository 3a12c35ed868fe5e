// The editor's seam: writes, durability and recovery, import and the signals adapter, attached now (`createCandor`)
// or loaded once on the first write or `load()` (`startCandor`, candor.js); a failed load is tried again next time.
import type { Context } from './context.js'
import type { Candor } from './types.js'
import type { Editing, edit } from './editing.js'
import { loadOnce } from './loader.js'

/** The editing part, now (`createCandor`) or loaded when first needed (`startCandor`). */
export type EditingPart = { edit: typeof edit } | { load: () => Promise<typeof edit> }

type Writer = Editing['writer']

/** The methods of `Candor` that change what is stored: each is the editing part's, loaded on first use. */
export const WRITES = [
  'set',
  'toggle',
  'turnOff',
  'turnOn',
  'forget',
  'renew',
  'confirm',
  'setLevel',
  'forgetOrphan',
  'setHoldouts',
  'setReports',
  'import',
  'clear',
  'transferLink',
  'readTransfer',
  'acceptTransfer',
] as const satisfies ReadonlyArray<keyof Candor>

/** The part, once it is in. */
export type Editor = () => Editing | undefined

/**
 * The editor of `ctx`: the part once it is in; `load`, which loads it (once); and `write`, which makes a write that
 * runs at once when the part is in (memory changes before the call returns), else after it loads.
 */
export const createEditor = (ctx: Context, part: EditingPart) => {
  let editing: Editing | undefined
  const attach = (e: typeof edit) => (editing ||= e(ctx))
  if ('edit' in part) attach(part.edit)
  const load = loadOnce(async (): Promise<Editing> => editing ?? attach(await (part as { load: () => Promise<typeof edit> }).load()))
  const write = <K extends keyof Writer>(k: K) =>
    ((...a: unknown[]) => {
      const run = (w: Writer) => (w[k] as (...x: unknown[]) => Promise<unknown>)(...a)
      return editing ? run(editing.writer) : load().then((e) => run(e.writer))
    }) as Writer[K]
  return [(() => editing) as Editor, load, write] as const
}
