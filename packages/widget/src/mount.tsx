import type { AnyCandor, Candor } from '@candor/core'
import { signal, type Signal } from '@preact/signals'
import { render, type VNode } from 'preact'
import { useLayoutEffect } from 'preact/hooks'
import { attach, keepAttached, NOTHING, onServer } from './attach.js'
import { createI18n, loadLocale, type I18n, type Strings } from './i18n.js'
import { idle } from './idle.js'
import { pageLang } from './lang.js'
import { addLauncher } from './launcher.js'
import { watchPreview } from './preview-bar.js'
import { createOutline, type Outline } from './outline.js'
import { Panel, type PageChanges } from './Panel.js'
import { adopt } from './sheet.js'
import { dialogs } from './transfer.js'
import { takeTransfer } from './transfer-fragment.js'

/** Options of `mountCandor` and `<candor-preferences>`. */
export interface WidgetOptions {
  /** Language of the panel; default: the page's `lang`, then the browser's. Twenty languages are shipped (`LANGUAGES`). */
  lang?: string
  /** Replaces any string, e.g. `{ title: 'Your choices' }`. */
  strings?: Partial<Strings>
  /** `'auto'` (default) follows `prefers-color-scheme`. */
  theme?: 'auto' | 'light' | 'dark'
  /** `false` renders without Shadow DOM, for assistive tools that need it. Default `true`. */
  shadow?: boolean
}

/** Options of `mountCandor`. */
export interface MountOptions extends WidgetOptions {
  /** Show a bar at the top of the page while it shows what everyone sees (the preview). Default `true`; candor.js shows its own. */
  previewBar?: boolean
  /** Show the floating launcher button. Default `true`. */
  launcher?: boolean
  /** Where the widget's host element goes. Default `document.body`. */
  container?: Element
  /** A `<candor-widget>` element already on the page (candor.js shows its launcher there before the panel loads). */
  host?: HTMLElement
  /** What tailoring changed on this page, said at the top of the panel (candor.js counts its attributes). */
  pageChanges?: () => PageChanges
  /** A transfer link's fragment (`#candor-import=…`) taken out of the address already (candor.js does); else it is looked for. */
  transfer?: string
  /** Render the closed panel at idle time, so the first open only shows it. Default `true`. */
  prerender?: boolean
}

/** A mounted widget. */
export interface Mounted {
  /** Opens the panel, scrolled to `signalId` with focus on its switch when given; never throws (a detached widget is put back first). */
  open(signalId?: string): void
  close(): void
  /** Removes the widget and its outlines from the page. */
  destroy(): void
  /** The element that holds the widget (its shadow root holds the panel); `null` on a server. */
  readonly host: HTMLElement
}

/** Dates and lists are warmed up this long after the first render, in a task of their own. */
const WARM_UP_AFTER_MS = 50
/** The closed panel renders at idle time, or after this long at the latest. */
const RENDER_WITHIN_MS = 2000

let uids = 0
/** A prefix for ids, unique per panel on the page. */
export const nextUid = () => 'candor' + ++uids

export { pageLang }

/** `light` or `dark` when forced, else `undefined`: the visitor's `prefers-color-scheme` decides. */
export const forcedTheme = (theme?: string | null) => (theme == 'light' || theme == 'dark' ? theme : undefined)

/**
 * Renders `view(i18n)` into `root` once the language's strings are in (at once for English), so no
 * English flashes first, then warms up dates and lists in a task of their own. Returns the remover.
 */
export const renderInLanguage = (root: Element | ShadowRoot, lang: string, strings: Partial<Strings> | undefined, view: (i18n: I18n) => VNode) => {
  let live = true
  loadLocale(lang).then(() => {
    if (!live) return
    const i18n = createI18n(lang, strings)
    render(view(i18n), root)
    setTimeout(() => i18n.list([i18n.date(0), i18n.relative(0)]), WARM_UP_AFTER_MS)
  })
  return () => {
    live = false
    render(null, root)
  }
}

/** Creates the host element with its shadow root (or none), styled and themed. */
export const createRoot = (host: HTMLElement, o: WidgetOptions): ShadowRoot | HTMLElement => {
  const root = o.shadow === false ? host : (host.shadowRoot ?? host.attachShadow({ mode: 'open' }))
  adopt(root instanceof ShadowRoot ? root : document)
  return root
}

/** Opens and closes the dialog directly: once the panel is rendered, opening re-renders nothing. */
interface Control {
  uid: string
  /** Puts the host back on the page if a navigation took it off: showModal() throws for a dialog outside a document. */
  attach(): void
  dialog?: HTMLDialogElement | null
  opener?: HTMLElement | null
  /** Whether the panel has been rendered (at idle time or on the first open, then kept). */
  rendered: Signal<boolean>
  /** The signal the panel was last opened at; changing it lets the panel render that far. */
  target: Signal<{ id?: string; key: number }>
  /** An open asked for before the first render finished. */
  pending?: string | null
}

const show = (c: Control, id?: string) => {
  if (id) c.target.value = { id, key: c.target.peek().key + 1 }
  if (!c.rendered.peek()) {
    c.pending = id ?? null
    c.rendered.value = true
    return
  }
  const d = c.dialog
  if (!d) return void (c.pending = id ?? null)
  if (!d.open) {
    c.attach()
    // Remember who opened it (focus may sit inside another shadow root) to give focus back on close.
    let active = document.activeElement
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement
    c.opener = active as HTMLElement | null
    d.inert = false
    d.showModal()
  }
  // Opened at a signal, the panel focuses its switch as it renders the new target.
  if (!id) d.querySelector<HTMLElement>('.close')?.focus()
}

interface WidgetProps {
  candor: Candor
  i18n: I18n
  outline: Outline
  theme?: string
  control: Control
  pageChanges?: () => PageChanges
}

const Widget = ({ candor, i18n, outline, theme, control, pageChanges }: WidgetProps) => {
  const { uid, rendered, target } = control
  // Runs before the frame is painted: the dialog shows in the same frame the panel renders in.
  useLayoutEffect(() => {
    if (control.pending !== undefined && rendered.value) {
      const id = control.pending ?? undefined
      control.pending = undefined
      show(control, id)
    }
  })
  const close = () => control.dialog?.close()
  return (
    <>
      {/* Closed, the rendered panel is inert as well as unseen: a host page's CSS can't bring it back into reach. */}
      <dialog
        ref={(d) => {
          control.dialog = d
          if (d && !d.open) d.inert = true
        }}
        class="candor-dialog"
        data-theme={theme}
        dir={i18n.dir}
        aria-labelledby={uid + '-title'}
        onClose={(e) => {
          ;(e.currentTarget as HTMLDialogElement).inert = true
          control.opener?.focus?.()
        }}
      >
        {/* Rendered at idle time or on the first open, and kept: opening only shows it. */}
        {rendered.value && (
          <Panel
            candor={candor}
            i18n={i18n}
            outline={outline}
            onClose={close}
            uid={uid}
            focusId={target.value.id}
            focusKey={target.value.key}
            theme={theme}
            pageChanges={pageChanges}
          />
        )}
      </dialog>
    </>
  )
}

let last: Mounted | undefined

/**
 * Adds the launcher button and the modal panel to the page, and keeps them there when a client-side router
 * (Turbo, Astro's ClientRouter) replaces the body. On a server it does nothing: its methods do nothing, `host` is `null`.
 * @example const widget = mountCandor(candor, { lang: 'de' }); widget.open('topics')
 */
export const mountCandor = (candor: AnyCandor, options: MountOptions = {}): Mounted => {
  if (onServer()) return NOTHING
  const { container } = options
  const host = options.host ?? document.createElement('candor-widget')
  const root = createRoot(host, options)
  if (!host.isConnected) (container ?? document.body).append(host)
  const stopKeeping = keepAttached(host, container)
  const lang = pageLang(options.lang)
  const outline = createOutline(candor)
  const control: Control = { uid: nextUid(), attach: () => attach(host, container), rendered: signal(false), target: signal({ key: 0 }) }
  const theme = forcedTheme(options.theme)
  // Preact renders into a layer of its own, so a launcher beside it (ours, or candor.js's) is left alone.
  const layer = document.createElement('div')
  layer.className = 'candor-layer'
  root.append(layer)
  let launcher: HTMLButtonElement | undefined
  let stopBar: (() => void) | undefined
  // A link from the visitor's other device leaves the address bar first; once the words are in, the visitor is asked.
  let transfer = options.transfer ?? takeTransfer()
  const unmount = renderInLanguage(layer, lang, options.strings, (i18n) => {
    const fragment = transfer
    transfer = undefined
    if (fragment)
      dialogs(i18n, theme)
        .then(([m, o]) => m.askTransfer(candor, fragment, o))
        .catch(console.error)
    if (options.previewBar !== false && !stopBar)
      stopBar = watchPreview(candor, { text: i18n.t('previewing'), action: i18n.t('previewBack'), lang: i18n.lang, dir: i18n.dir })
    if (options.launcher !== false && !launcher)
      launcher = addLauncher(root, { label: i18n.t('launcher'), lang: i18n.lang, dir: i18n.dir, theme, onOpen: () => show(control) })
    return <Widget candor={candor} i18n={i18n} outline={outline} theme={theme} control={control} pageChanges={options.pageChanges} />
  })
  // The first open then costs what a later one does; a visitor who never opens pays it at idle time.
  if (options.prerender !== false) idle(() => void (control.rendered.value = true), RENDER_WITHIN_MS)
  const mounted: Mounted = {
    host,
    open: (target) => show(control, target),
    close: () => control.dialog?.close(),
    destroy() {
      stopKeeping()
      unmount()
      stopBar?.()
      outline.destroy()
      launcher?.remove()
      host.remove()
      if (last == mounted) last = undefined
    },
  }
  return (last = mounted)
}

/**
 * Opens the panel of the widget mounted last, at `signalId` when given.
 * @example document.querySelector('#why')!.addEventListener('click', () => open('topics'))
 */
export const open = (signalId?: string) => last?.open(signalId)
