import { describe, expect, it } from 'vitest'
import { addReport, addView } from '../src/measure/counting'
import { WEEKS_KEPT } from '../src/measure/tally'
import { isoWeek, weekStart, WEEK } from '../src/measure/week'

const mondayW19 = Date.UTC(2026, 4, 4, 9)
const saturdayW18 = Date.UTC(2026, 4, 2, 22)

describe('the counts kept on the device', () => {
  it('a report staged before the week turned, added after another tab counted the new week, keeps that week', () => {
    expect([isoWeek(saturdayW18), isoWeek(mondayW19)]).toEqual(['2026-W18', '2026-W19'])
    const t = addReport(addView({}, mondayW19, 'tailored'), weekStart(saturdayW18))
    expect(Object.keys(t).sort()).toEqual(['2026-W18', '2026-W19'])
    expect(t['2026-W19']!.tailored.views).toBe(1)
    expect(t['2026-W18']!.reports).toBe(1)
  })

  it(`keeps the last ${WEEKS_KEPT} weeks, counted back from the newest`, () => {
    let t = {}
    for (let i = 0; i < WEEKS_KEPT + 3; i++) t = addView(t, mondayW19 + i * WEEK, 'holdout')
    const weeks = Object.keys(t).sort()
    expect(weeks).toHaveLength(WEEKS_KEPT)
    expect(weeks.at(-1)).toBe(isoWeek(mondayW19 + (WEEKS_KEPT + 2) * WEEK))
  })
})
