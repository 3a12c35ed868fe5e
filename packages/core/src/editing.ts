// The editing part of an instance: writes, durability with recovery, and the signals adapter.
// `createCandor` includes it; candor.js loads it when the visitor shows intent (see `startCandor`).
import type { Context } from './context.js'
import { createDurable } from './durable.js'
import { toSignals } from './signals.js'
import type { CandorSignals } from './types.js'
import { createWriter, type Writer } from './writes.js'

export interface Editing {
  writer: Writer
  signals: CandorSignals
}

/** Adds the editing part to an instance's context (and sets its `recover`). */
export const edit = (ctx: Context): Editing => {
  const durable = createDurable(ctx)
  ctx.recover = durable.recover
  return {
    writer: createWriter(ctx, durable),
    signals: toSignals(ctx),
  }
}
