// The instance's state as @preact/signals-core signals, for code that tracks it reactively (effects,
// computeds, the widget). An adapter over the store: the core itself needs no signals library.
import { batch, signal } from '@preact/signals-core'
import type { Context } from './context.js'
import { effectiveLevel } from './rules.js'
import type { CandorSignals } from './types.js'

export const toSignals = ({ store, ledger, gpc }: Context): CandorSignals => {
  const s = () => store.state
  const level = signal(effectiveLevel(s().storedLevel, gpc))
  const storage = signal(s().storage)
  const history = signal(s().history)
  const problems = signal(s().problems)
  const preview = signal(s().previewing)
  const version = signal(0)
  const usage = signal(ledger.usage())
  store.listen(() =>
    batch(() => {
      const x = s()
      level.value = effectiveLevel(x.storedLevel, gpc)
      storage.value = x.storage
      history.value = x.history
      problems.value = x.problems
      preview.value = x.previewing
      version.value++
    }),
  )
  ledger.watch(() => (usage.value = ledger.usage()))
  return { level, storage, usage, history, problems, version, preview }
}
