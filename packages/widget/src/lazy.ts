// The launcher alone, for pages that need only the core at startup: the panel's code (Preact,
// signals, the widget) loads when the visitor shows intent — a pointer over the launcher, focus on
// it, a touch — or on the first open, whichever comes first.
import type { AnyCandor } from '@candor/core'
import { loadOnce } from '@candor/core/internal'
import { keepAttached, NOTHING, onServer } from './attach.js'
import { idle } from './idle.js'
import { baseOf, dirOf, pageLang } from './lang.js'
import { addLauncher } from './launcher.js'
import { launcherEn } from './locales/launcher-en.js'
import { takeTransfer } from './transfer-fragment.js'
import type { MountOptions, Mounted } from './mount.js'

export type { MountOptions, Mounted }

/** What `mountCandorLazy` returns: a mounted widget whose panel code loads on demand. */
export interface MountedLazy extends Mounted {
  /** Loads the panel's code and mounts it (once); resolves to the mounted panel. */
  load(): Promise<Mounted>
}

/**
 * Like `mountCandor`, but the panel's code is fetched when the visitor shows intent or opens it.
 * `preload: true` fetches it at idle time instead; a failed load is tried again on the next intent.
 * Safe at a module's top level in server-rendered apps: on a server it returns a handle whose `open`,
 * `close`, `destroy` and `load` do nothing (`host` is `null`), and touches no DOM.
 */
export const mountCandorLazy = (candor: AnyCandor, options: MountOptions & { preload?: boolean } = {}): MountedLazy => {
  if (onServer()) return { ...NOTHING, load: () => Promise.resolve(NOTHING) }
  // A link from the visitor's other device leaves the address bar before anything else.
  const transfer = takeTransfer()
  const host = options.host ?? document.createElement('candor-widget')
  if (!host.isConnected) (options.container ?? document.body).append(host)
  // The launcher stays on the page across body swaps; mountCandor keeps the host there once the panel is in.
  const stop = keepAttached(host, options.container)
  let mounted: Mounted | undefined
  const load = loadOnce(() =>
    candor
      .load()
      .then(() => import('./mount.js'))
      .then((m) => (mounted = m.mountCandor(candor, { ...options, host, launcher: false, transfer }))),
  )
  const open = (signalId?: string) =>
    void load().then(
      (m) => m.open(signalId),
      () => {},
    )
  if (options.launcher !== false) {
    const lang = pageLang(options.lang)
    const base = baseOf(lang)
    const root = options.shadow === false ? host : (host.shadowRoot ?? host.attachShadow({ mode: 'open' }))
    const show = (label: string) =>
      host.isConnected &&
      addLauncher(root, {
        label,
        lang,
        dir: dirOf(lang),
        theme: options.theme == 'light' || options.theme == 'dark' ? options.theme : undefined,
        onIntent: () => void load().catch(() => {}),
        onOpen: () => open(),
      })
    const given = options.strings?.launcher ?? (base == 'en' ? launcherEn : undefined)
    // On a page in another language, the launcher waits for its name (a small file of them all), as candor.js's buttons do.
    if (given) show(given)
    else
      import('./locales/launcher.js').then(
        (m) => show(m.launcherLabels[base] ?? launcherEn),
        () => show(launcherEn),
      )
  }
  // The panel loads now to ask about a link from the visitor's other device.
  if (transfer) void load().catch(() => {})
  else if (options.preload) idle(() => void load().catch(() => {}))
  return {
    host,
    open,
    close: () => mounted?.close(),
    destroy: () => {
      stop()
      mounted?.destroy()
      host.remove()
    },
    load,
  }
}
