import type { Candor, Explanation, SignalDefinition, Value } from '@candor/core'
import type { I18n } from './i18n.js'
import { Say } from './Say.js'

/** A value in words: option labels, a list, or on/off. */
export const valueText = (s: SignalDefinition, v: Value | undefined, i18n: I18n): string => {
  if (v === undefined) return i18n.t('unset')
  if (typeof v == 'boolean') return i18n.t(v ? 'on' : 'off')
  const label = (x: string) => s.options?.find((o) => o.value == x)?.label ?? x
  // In the catalog's order, whatever order they were ticked in.
  if (Array.isArray(v)) return v.length ? i18n.list((s.options ?? []).filter((o) => v.includes(o.value)).map((o) => o.label)) : i18n.t('nothing')
  return label(v)
}

export interface SignalCardProps {
  candor: Candor
  e: Explanation
  i18n: I18n
  /** Prefix for ids, unique per panel. */
  uid: string
  run: (p: Promise<unknown>) => void
  /** Moves focus to a signal's editor. */
  focus: (signalId: string) => void
}

/** One signal: a group named by its label, with its purpose, value, origin, lifetime, use, one switch and its editor. */
export const SignalCard = ({ candor, e, i18n, uid, run, focus }: SignalCardProps) => {
  const { t } = i18n
  const s = e.signal
  const id = `${uid}-${s.id}`
  // One meaning per switch: a boolean's switch is its value (on or off); another signal's is whether a value
  // it holds may be used, shown only once it holds one (nothing to allow while nothing is set).
  const bool = s.type == 'boolean'
  const on = bool ? e.value === true && e.state != 'off' && e.state != 'expired' : e.state != 'off'
  const hasSwitch = bool || e.value !== undefined
  const usage = candor.usage[s.id]
  const toggle = () => run(bool ? candor.set(s.id, !on) : on ? candor.turnOff(s.id) : candor.turnOn(s.id))
  const current = Array.isArray(e.value) ? e.value : []
  const pick = (v: string, checked: boolean) => run(candor.set(s.id, s.type == 'multi' ? (checked ? current.concat(v) : current.filter((x) => x != v)) : v))

  // Declared in context (data-candor-declare): the page of the last declaration of this signal, if it has one.
  const page = [...candor.history].reverse().find((h) => h.id == e.signal.id && h.action == 'set')?.page
  return (
    // biome-ignore lint/a11y/useSemanticElements: the card holds a fieldset of its own (the editor); a group names the whole card by its label
    <div role="group" aria-labelledby={id} class={'signal state-' + e.state} id={id + '-card'}>
      <div class="signal-head">
        <h4 id={id}>
          <bdi>{s.label}</bdi>
          {s.sensitive && <span class="badge">{t('sensitive')}</span>}
        </h4>
        {hasSwitch && (
          <button
            type="button"
            role="switch"
            aria-checked={on}
            class="switch"
            id={id + '-switch'}
            aria-label={bool ? s.label : `${t('use')}: ${s.label}`}
            onClick={toggle}
          >
            <span class="track" aria-hidden="true" />
            {bool ? t(on ? 'on' : 'off') : t('use')}
          </button>
        )}
      </div>
      {s.description && (
        <p class="muted">
          <bdi>{s.description}</bdi>
        </p>
      )}
      <p>
        <Say i18n={i18n} k="purpose" purpose={s.purpose} />
      </p>
      {s.type != 'boolean' && (
        <ul class="options">
          {s.options!.map((o) => {
            const checked = Array.isArray(e.value) ? e.value.includes(o.value) : e.value === o.value
            return (
              <li key={o.value}>
                <label>
                  <input
                    type={s.type == 'multi' ? 'checkbox' : 'radio'}
                    name={id + '-value'}
                    value={o.value}
                    checked={checked}
                    onChange={(ev) => pick(o.value, (ev.currentTarget as HTMLInputElement).checked)}
                  />
                  <bdi>{o.label}</bdi>
                </label>
              </li>
            )
          })}
        </ul>
      )}
      <p class="value">
        {/* Not inferred on this page (a settings page) but maybe on others, as a reader app guesses a region: not "not set". */}
        {e.state == 'unset' && s.source == 'inferred' ? t('mayGuess') : <Say i18n={i18n} k="value" value={valueText(s, e.value, i18n)} />}
      </p>
      {/* Where it came from and when it fades; nothing (no empty line) for a signal never set. */}
      {(e.source == 'inferred' || e.value !== undefined || e.expiresAt !== undefined) && (
        <p class="muted">
          {e.source == 'inferred' ? (
            <Say i18n={i18n} k="inferred" basis={e.basis!} />
          ) : e.setAt !== undefined && e.value !== undefined ? (
            page ? (
              <Say i18n={i18n} k="declaredOnPage" date={i18n.date(e.setAt)} page={page} />
            ) : (
              t('declaredOn', { date: i18n.date(e.setAt) })
            )
          ) : (
            ''
          )}{' '}
          {e.expiresAt !== undefined &&
            (e.state == 'expired'
              ? t('faded', { date: i18n.date(e.expiresAt) })
              : t('fades', { when: i18n.relative(e.expiresAt, candor.now()), date: i18n.date(e.expiresAt) }))}
        </p>
      )}
      {e.state != 'active' && e.state != 'unset' && e.state != 'expired' && <p class="note">{e.paused ? t(`paused.${e.paused}`) : t(`state.${e.state}`)}</p>}
      {usage && <p class="used">{usage.reasons.length ? <Say i18n={i18n} k="used" reasons={i18n.list(usage.reasons)} /> : t('usedHere')}</p>}
      <div class="actions">
        {e.source == 'inferred' && e.value !== undefined && (
          <>
            <button type="button" onClick={() => run(candor.confirm(s.id))}>
              {t('confirm')}
            </button>
            <button type="button" onClick={() => focus(s.id)}>
              {t('correct')}
            </button>
          </>
        )}
        {(e.setAt !== undefined || e.source == 'inferred') && (
          <button type="button" onClick={() => run(candor.forget(s.id))}>
            {t('forget')}
          </button>
        )}
      </div>
    </div>
  )
}
