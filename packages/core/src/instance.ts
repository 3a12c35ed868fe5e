// One instance, wired from its three parts: the reader (reading.ts: state, rules, get/explain), the editor (editor.ts:
// writes and recovery, attached now by `createCandor` or loaded on first use) and the measurer (measurer.ts: holdout
// views and their counts, loaded only when the catalog measures). Storage, other tabs, fades and the snapshot are kept here.
import { createContext, type TakenCatalog } from './context.js'
import { WRITES, createEditor, type EditingPart } from './editor.js'
import { watchFades } from './fades.js'
import { load, mayPass, reconnect } from './load.js'
import { createMeasurer, type MeasurePart } from './measurer.js'
import { createReading, levelOf } from './reading.js'
import { keepSnapshot } from './snapshot.js'
import { watchTabs } from './tabs.js'
import type { Candor, CandorOptions } from './types.js'

export type { EditingPart } from './editor.js'
export type { MeasurePart } from './measurer.js'

export const createInstance = (taken: TakenCatalog, options: CandorOptions, part: EditingPart, measuring?: MeasurePart): Candor => {
  // Another tab changed something, the page is shown again, or the connection was lost: read again, or
  // leave memory mode if the fault has passed (saving what the visitor did there, once editing is in).
  const reload = () => {
    if (ctx.destroyed) return
    if (ctx.store.state.storage.kind == 'indexeddb') return void load(ctx, false)
    if (ctx.recover) return void ctx.recover()
    if (mayPass(ctx)) void reconnect(ctx)
  }
  const ctx = createContext(taken, options, reload)
  const { store, memoryOnly } = ctx
  const [editor, loadEditor, write] = createEditor(ctx, part)
  const [level, inUse] = levelOf(ctx)
  const [view, measure] = createMeasurer(ctx, measuring, options, level, inUse)
  let stopSnapshot: (() => void) | undefined
  const stopFades = watchFades(store, ctx.now)
  const api = Object.assign(
    createReading(ctx, editor, view, level, () => api),
    {
      load: () => loadEditor().then(() => {}),
      destroy() {
        ctx.destroyed = true
        ctx.tabs?.close()
        stopFades()
        stopSnapshot?.()
        view().stop()
      },
    },
  ) as Candor & { ready: Promise<Candor> }
  for (const k of WRITES) (api as unknown as Record<string, unknown>)[k] = write(k)
  if (!memoryOnly) ctx.tabs = watchTabs(ctx.site, reload)
  void taken.later?.then((reword) => store.update({ problems: reword(store.state.problems) }))
  api.ready = (memoryOnly ? Promise.resolve() : load(ctx, true)).then(
    async () => {
      if (options.snapshot !== false && !memoryOnly && !ctx.destroyed) stopSnapshot = keepSnapshot(ctx)
      // Nothing in use (a first visit): this view has nothing to compare, so `ready` doesn't wait for the measuring part.
      if (measure) inUse() ? await measure(false) : void measure(true)
      return api
    },
    () => api,
  )
  return api
}
