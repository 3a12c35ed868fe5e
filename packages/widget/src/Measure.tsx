import type { Candor, GoalResult } from '@candor/core'
import type { I18n } from './i18n.js'
import { Say } from './Say.js'
import { shareText } from './share-text.js'

const pct = (x: number) => Math.round(x * 100)

/** "Does tailoring help you?": what this browser counted, per goal, and the visitor's say on holdouts and reports. */
export const Measure = ({ candor, i18n, uid, run }: { candor: Candor; i18n: I18n; uid: string; run: (p: Promise<unknown>) => void }) => {
  const { t } = i18n
  const m = candor.measurement
  if (!m?.holdout) return null
  const share = shareText(m.holdout, i18n)
  const row = (g: GoalResult, arm: 'tailored' | 'holdout') => {
    const r = g[arm]
    return (
      <tr key={arm}>
        <th scope="row">{t(`arm.${arm}`)}</th>
        <td>{r.views}</td>
        <td>{r.views ? t('measureShare', { share: pct(r.share), low: pct(r.low), high: pct(r.high) }) : t('measureNone')}</td>
      </tr>
    )
  }
  return (
    <section class="measure" aria-labelledby={uid + '-measure'}>
      <h3 id={uid + '-measure'}>{t('measure')}</h3>
      <p class="muted">{t('measureIntro', { share: share[0]!.toUpperCase() + share.slice(1) })}</p>
      {m.goals.length ? (
        m.goals.map((g) => (
          <div class="goal" key={g.goal}>
            <table class="candor-table">
              <caption>
                <Say i18n={i18n} k="measureGoal" goal={g.label ?? g.goal} />
              </caption>
              <thead>
                <tr>
                  <td />
                  <th scope="col">{t('measureViews')}</th>
                  <th scope="col">{t('measureReached')}</th>
                </tr>
              </thead>
              <tbody>
                {row(g, 'tailored')}
                {row(g, 'holdout')}
              </tbody>
            </table>
            <p class={'verdict verdict-' + g.verdict}>{t(`verdict.${g.verdict}`)}</p>
          </div>
        ))
      ) : (
        <p class="muted">{t('measureNoGoals')}</p>
      )}
      <label>
        <input type="checkbox" checked={m.holdouts} onChange={(e) => run(candor.setHoldouts((e.currentTarget as HTMLInputElement).checked))} />
        <span>{t('measureTakePart', { share })}</span>
      </label>
      <label>
        <input
          type="checkbox"
          checked={m.reports}
          disabled={candor.level == 'off'}
          onChange={(e) => run(candor.setReports((e.currentTarget as HTMLInputElement).checked))}
        />
        <span>{t('measureReports')}</span>
      </label>
      {candor.gpc && !m.reports && <p class="muted">{t('measureGpc')}</p>}
      <p class="muted">
        {t('measureWeek', { count: m.reportsThisWeek })} {t('measureHolds', { pct: pct(m.truthful) })}
      </p>
    </section>
  )
}
