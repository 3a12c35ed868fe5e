import type { Candor, CandorError, Explanation, HistoryEntry, Level } from '@candor/core'
import { levelShown, levelsOffered } from '@candor/core/internal'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { I18n } from './i18n.js'
import type { Outline } from './outline.js'
import { sharedLink } from './share.js'
import { loadMeasure } from './measure-loader.js'
import { shareText } from './share-text.js'
import { SignalCard, valueText } from './SignalCard.js'
import { Say } from './Say.js'
import { dialogs } from './transfer.js'

export interface PanelProps {
  candor: Candor
  i18n: I18n
  outline: Outline
  /** Shown as a close button in the header when given (the modal). */
  onClose?: () => void
  /** Unique per panel: prefixes every id, since a page may show two panels. */
  uid: string
  /** A signal to scroll to and focus; `focusKey` changes to ask again. */
  focusId?: string
  focusKey?: number
  /** Forces light or dark; default: the visitor's `prefers-color-scheme`. */
  theme?: string
  /** What tailoring changed on this page (the drop-in counts its attributes), said at the top. */
  pageChanges?: () => PageChanges
  /** On a settings page (`<candor-preferences>`): titled for it, without the tools for the page in view (preview, outline, share). */
  inline?: boolean
}

/** What tailoring changed on a page: parts shown for the visitor, lists reordered, parts of the shared page hidden. */
export interface PageChanges {
  shown: number
  reordered: number
  hidden: number
}

const SOON_DAYS = 14
/** Changes of the last day are said in minutes and hours ("2 minutes ago"), older ones by their date. */
const DAY_MS = 864e5
const FIRST = 40
const MORE = 200
/** One frame: the next cards render after the first ones are painted. */
const FRAME_MS = 16
/** The download's object URL lives long enough for the browser to start the download. */
const REVOKE_AFTER_MS = 1000

/** Everything the visitor can see and do: the content of the modal and of `<candor-preferences>`. */
export const Panel = ({ candor, i18n, outline, onClose, uid, focusId, focusKey, theme, pageChanges, inline }: PanelProps) => {
  const { t } = i18n
  const c = pageChanges?.()
  const changed = c
    ? [
        c.shown && t('changesShown', { n: c.shown }),
        c.reordered && t('changesReordered', { n: c.reordered }),
        c.hidden && t('changesHidden', { n: c.hidden }),
      ].filter((x): x is string => !!x)
    : []
  const ref = useRef<HTMLDivElement>(null)
  const [message, setMessage] = useState('')
  const [erasing, setErasing] = useState(false)
  const [sharing, setSharing] = useState<{ link: string; copied: boolean }>()
  // "Does tailoring help you?" loads on a site that measures only (most don't).
  const [measuring, setMeasuring] = useState<Awaited<ReturnType<typeof loadMeasure>>>()
  useEffect(() => void (candor.catalog.measure && loadMeasure().then(setMeasuring)), [])
  // The page as everyone sees it, for a friend; where copying is refused, the link is shown selected.
  const share = () => {
    const link = sharedLink(location.href)
    const shown = (copied: boolean) => setSharing({ link, copied })
    try {
      navigator.clipboard.writeText(link).then(
        () => shown(true),
        () => shown(false),
      )
    } catch {
      shown(false)
    }
  }
  // On a narrow screen the panel covers the page: what the preview and the outline change is seen with it closed.
  const glance = (f: () => void) => {
    f()
    if (onClose && globalThis.matchMedia?.('(max-width: 640px)').matches) onClose()
  }
  // Asked to erase, the keyboard lands on Cancel: Enter pressed twice never erases.
  const eraseNo = useRef<HTMLButtonElement>(null)
  useEffect(() => void (erasing && eraseNo.current?.focus()), [erasing])
  const catalog = candor.catalog
  const site = catalog.site

  // Reading these getters subscribes this component to the core's signals.
  const storage = candor.storage
  // As a level the site offers: on a site that infers nothing, the default `all` is shown as the `declared` it acts as.
  const level = levelShown(catalog, candor.level)
  candor.signals.version.value
  const all: Explanation[] = catalog.signals.map((s) => candor.explain(s.id))
  // Parts of the site's catalog with mistakes in them, left out (the drop-in is lenient; the console says which).
  const leftOut = candor.problems.filter((p) => p.code == 'left-out').length
  const label = (id?: string) => catalog.signals.find((s) => s.id == id)?.label ?? id ?? ''

  const run = (p: Promise<unknown>, done?: string) => {
    setMessage('')
    p.then(
      () => done && setMessage(done),
      (e: CandorError) => setMessage(t('error', { message: e?.problems?.join('; ') ?? String(e) })),
    )
  }
  const root = () => ref.current?.getRootNode() as Document | ShadowRoot | undefined
  /** Scrolls a signal's card into view and focuses `first` in it, else its switch. */
  const focusCard = (id: string, first: string) => {
    const card = root()?.getElementById(`${uid}-${id}-card`)
    card?.scrollIntoView?.({ block: 'center' })
    // A signal holding nothing has no switch: its first option, then.
    ;(card?.querySelector<HTMLElement>(first) ?? card?.querySelector<HTMLElement>('[role=switch]') ?? card?.querySelector<HTMLElement>('input,button'))?.focus()
  }
  // "Change" and "Correct" go to the editor; opening at a signal goes to its switch.
  const focus = (id: string) => focusCard(id, 'input')
  useEffect(() => void (focusId && focusCard(focusId, '[role=switch]')), [focusId, focusKey])

  // A large catalog renders its first signals at once and the rest right after the first paint,
  // so the panel shows within a frame or two whatever the size (the one asked for is always in).
  const [shown, setShown] = useState(FIRST)
  const wanted = focusId ? all.findIndex((e) => e.signal.id == focusId) + 1 : 0
  const limit = Math.max(shown, wanted)
  useEffect(() => {
    if (limit < all.length) {
      const t = setTimeout(() => setShown(limit + MORE), FRAME_MS)
      return () => clearTimeout(t)
    }
  }, [limit, all.length])

  // Groups in the catalog's order; signals without a group are filed under "Other" beside named groups, else
  // under no heading at all (the panel's intro already says what they are).
  const groups = new Map<string, Explanation[]>()
  for (const e of all.slice(0, limit)) {
    const g = e.signal.group ?? ''
    groups.set(g, (groups.get(g) ?? []).concat(e))
  }
  const named = [...groups.keys()].some(Boolean)

  const review = candor.needsReview.map((id) => all.find((e) => e.signal.id == id)!)
  const soon = candor.expiringSoon(SOON_DAYS).filter((e) => e.state != 'needs-review')
  const orphans = candor.orphans
  const history: HistoryEntry[] = candor.history.slice().reverse()

  const download = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(candor.export(), null, 2)], { type: 'application/json' }))
    const a = document.createElement('a')
    a.href = url
    a.download = `${site}-preferences.json`
    a.click()
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS)
    setMessage(t('downloaded', { file: a.download }))
  }
  const upload = async (input: HTMLInputElement) => {
    const file = input.files?.[0]
    input.value = ''
    if (!file) return
    setMessage('')
    try {
      await candor.import(await file.text())
      setMessage(t('imported'))
    } catch (e) {
      // Said in a visitor's words where the file isn't one of ours; the details otherwise.
      const problems = (e as CandorError).problems ?? [String(e)]
      const first = problems[0] ?? ''
      setMessage(
        /^(file|format):/.test(first)
          ? t('importNotOurs')
          : /^site:/.test(first)
            ? t('importOtherSite')
            : /^version:/.test(first)
              ? t('importNewer')
              : t('importFailed', { problems: problems.join('; ') }),
      )
    }
  }
  const historyText = (h: HistoryEntry) => {
    const def = catalog.signals.find((s) => s.id == h.id)
    const value = h.action == 'level' ? t(`level.${h.value as Level}`) : def && h.value !== undefined ? valueText(def, h.value as never, i18n) : ''
    return (
      <>
        <Say i18n={i18n} k={`action.${h.action}`} label={label(h.id)} value={value} />
        {/* A declaration in context keeps its page: the history says where, as the card does. */}
        {h.page !== undefined && (
          <>
            {' '}
            <Say i18n={i18n} k="historyOnPage" page={h.page} />
          </>
        )}
      </>
    )
  }

  return (
    <div class="candor" ref={ref} dir={i18n.dir} lang={i18n.lang} data-theme={theme}>
      <header class="head">
        <h2 id={uid + '-title'}>{t(inline ? 'titleInline' : 'title')}</h2>
        {onClose && (
          <button type="button" class="close" onClick={onClose}>
            {t('close')}
          </button>
        )}
      </header>
      {storage.kind == 'memory' && <p class="warn">{t('unsaved', { reason: t(`reason.${storage.reason}`) })}</p>}
      {leftOut > 0 && <p class="warn">{t('leftOut')}</p>}
      {candor.previewing && (
        <div class="preview">
          <p>{t('previewing')}</p>
          <button type="button" class="primary" onClick={() => candor.preview(false)}>
            {t('previewBack')}
          </button>
        </div>
      )}
      {candor.arm == 'holdout' && (
        <div class="preview">
          <p>{t('holdoutView', { share: shareText(candor.measurement.holdout, i18n) })}</p>
          <button type="button" onClick={() => run(candor.setHoldouts(false))}>
            {t('holdoutStop')}
          </button>
        </div>
      )}
      {changed.length > 0 && !candor.previewing && !inline && (
        <div class="changes">
          <p>{t('changes', { list: i18n.list(changed) })}</p>
          <button type="button" onClick={() => glance(() => candor.preview(true))}>
            {t('preview')}
          </button>
        </div>
      )}
      {catalog.intro && (
        <p class="site-intro">
          <bdi>{catalog.intro}</bdi>
        </p>
      )}
      <p class="muted">{t('intro')}</p>

      <fieldset class="level">
        <legend>{t('level')}</legend>
        {levelsOffered(catalog).map((l) => (
          <label key={l}>
            <input type="radio" name={uid + '-level'} value={l} checked={level == l} onChange={() => run(candor.setLevel(l))} />
            <span>
              {t(`level.${l}`)}
              <small>{t(`level.${l}.hint`)}</small>
            </span>
          </label>
        ))}
        {candor.gpc && <p class="muted">{t('gpc', { level: t('level.declared') })}</p>}
      </fieldset>

      {!inline && (
        <div class="tools">
          {/* Said with what changed when there is a summary: one button, where it is explained. */}
          {!candor.previewing && !changed.length && (
            <button type="button" onClick={() => glance(() => candor.preview(true))}>
              {t('preview')}
            </button>
          )}
          <button type="button" aria-pressed={outline.on.value} onClick={() => (outline.on.value ? outline.toggle() : glance(() => outline.toggle()))}>
            {t('outline')}
          </button>
          {outline.on.value && <p class="muted">{outline.count.value ? t('outlined', { count: outline.count.value }) : t('outlinedNone')}</p>}
          <button type="button" onClick={share}>
            {t('share')}
          </button>
          {sharing && (
            <p class="muted" role="status">
              {sharing.copied ? (
                t('shareCopied')
              ) : (
                <label>
                  {t('shareManual')}
                  <input type="text" readOnly value={sharing.link} ref={(i) => i?.select()} />
                </label>
              )}
            </p>
          )}
        </div>
      )}

      {(review.length > 0 || soon.length > 0) && (
        <section class="still" aria-labelledby={uid + '-still'}>
          <h3 id={uid + '-still'}>{t('stillTrue')}</h3>
          <p class="muted">{t('stillTrueIntro')}</p>
          <ul>
            {review.concat(soon).map((e) => (
              <li key={e.signal.id}>
                <p>
                  {e.state == 'needs-review' ? (
                    <Say i18n={i18n} k="needsReview" label={e.signal.label} />
                  ) : (
                    <Say i18n={i18n} k="fadesSoon" label={e.signal.label} when={i18n.relative(e.expiresAt!, candor.now())} />
                  )}{' '}
                  <Say i18n={i18n} k="value" value={valueText(e.signal, e.value, i18n)} />
                </p>
                <div class="actions">
                  <button type="button" onClick={() => run(candor.renew(e.signal.id))}>
                    {t('keep')}
                  </button>
                  <button type="button" onClick={() => focus(e.signal.id)}>
                    {t('change')}
                  </button>
                  <button type="button" onClick={() => run(candor.forget(e.signal.id))}>
                    {t('forget')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      {!all.length && <p class="muted">{t('noSignals')}</p>}
      {[...groups].map(([group, list], i) => (
        <section key={group} class="group" aria-labelledby={named ? `${uid}-g${i}` : undefined}>
          {named && (
            <h3 id={`${uid}-g${i}`}>
              <bdi>{group || t('other')}</bdi>
            </h3>
          )}
          {list.map((e) => (
            <SignalCard key={e.signal.id} candor={candor} e={e} i18n={i18n} uid={uid} run={run} focus={focus} />
          ))}
        </section>
      ))}

      {orphans.length > 0 && (
        <section aria-labelledby={uid + '-orphans'}>
          <h3 id={uid + '-orphans'}>{t('orphans')}</h3>
          <ul>
            {orphans.map((o) => (
              <li key={o.id}>
                <bdi>{o.id}</bdi>{' '}
                <button type="button" onClick={() => run(candor.forgetOrphan(o.id))}>
                  {t('forget')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {measuring && <measuring.Measure candor={candor} i18n={i18n} uid={uid} run={run} />}

      <section class="data" aria-labelledby={uid + '-data'}>
        <h3 id={uid + '-data'}>{t('data')}</h3>
        <div class="actions">
          <button type="button" onClick={download}>
            {t('download')}
          </button>
          <label class="file">
            <input type="file" accept="application/json,.json" onChange={(ev) => upload(ev.currentTarget as HTMLInputElement)} />
            <span>{t('import')}</span>
          </label>
          <button type="button" onClick={() => run(dialogs(i18n, theme as 'dark').then(([m, o]) => m.showTransferLink(candor, o)))}>
            {t('transfer')}
          </button>
          {!erasing && (
            <button type="button" class="danger" onClick={() => setErasing(true)}>
              {t('erase')}
            </button>
          )}
        </div>
        {/* Next to the buttons it answers: download, import, erase (and a failed change, said here too). */}
        <p class="status" role="status">
          {message}
        </p>
        {erasing && (
          // biome-ignore lint/a11y/useSemanticElements: a fieldset would frame the question as a form section; it is a group of two buttons
          <div class="confirm" role="group" aria-labelledby={uid + '-erase'}>
            <p id={uid + '-erase'}>{t('eraseConfirm')}</p>
            <div class="actions">
              <button
                type="button"
                class="danger"
                onClick={() => {
                  setErasing(false)
                  outline.toggle(false)
                  run(candor.clear(), t('erased'))
                }}
              >
                {t('eraseYes')}
              </button>
              <button type="button" ref={eraseNo} onClick={() => setErasing(false)}>
                {t('cancel')}
              </button>
            </div>
          </div>
        )}
        <details>
          <summary>{t('history', { count: history.length })}</summary>
          {history.length ? (
            <ol class="history">
              {history.map((h, i) => (
                <li key={i}>
                  <time dateTime={new Date(h.at).toISOString()}>{candor.now() - h.at < DAY_MS ? i18n.relative(h.at, candor.now()) : i18n.date(h.at)}</time>{' '}
                  {historyText(h)}
                </li>
              ))}
            </ol>
          ) : (
            <p class="muted">{t('historyEmpty')}</p>
          )}
        </details>
      </section>
    </div>
  )
}
