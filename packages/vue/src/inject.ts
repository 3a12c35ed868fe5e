import type { AnyCandor, Candor } from '@candor/core'
import { type App, type InjectionKey, inject, provide } from 'vue'

const CANDOR: InjectionKey<Candor> = Symbol('candor')

/**
 * Gives `useCandor` and `usePreference` their instance in this component and those below it.
 * @example setup() { provideCandor(candor) }
 */
export const provideCandor = (candor: Candor): void => provide(CANDOR, candor)

/**
 * The plugin form, for the whole app.
 * @example createApp(App).use(candorPlugin(candor)).mount('#app')
 */
export const candorPlugin = (candor: Candor) => ({
  install(app: App) {
    app.provide(CANDOR, candor)
  },
})

/** The provided instance; throws, naming the fix, without one. */
export const injectCandor = <C extends AnyCandor>(composable: string): C => {
  const candor = inject(CANDOR, undefined)
  if (!candor) throw new Error(`${composable}: no Candor instance provided; call provideCandor(candor) or app.use(candorPlugin(candor))`)
  return candor as C
}
