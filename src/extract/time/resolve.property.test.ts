import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { TimeExpr, UNKNOWN_DATE, type Published } from '../../core/index.js'
import { addMonths, dayNumber, daysInMonth, fromDayNumber, isoDay, isoMonth, mondayOf, weekday } from './calendar.js'
import { findTimes } from './index.js'

const FIRST = dayNumber(2000, 1, 1)
const LAST = dayNumber(2030, 12, 31)
const refDay = fc.integer({ min: FIRST, max: LAST })
const published = (n: number): Published => ({ at: isoDay(n), precision: 'day', source: 'user', raw: null })
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']
const dayOf = (iso: string): number => {
  const [y, m, d] = iso.split('-').map(Number)
  return dayNumber(y!, m!, d!)
}

function only(text: string, p: Published): TimeExpr {
  const out = findTimes(text, { published: p })
  assert.equal(out.length, 1, `${text}: ${JSON.stringify(out)}`)
  return out[0]!
}

test('a past day of month is never after the reference and at most 31 days before it', () => {
  fc.assert(
    fc.property(refDay, fc.integer({ min: 1, max: 31 }), (n, d) => {
      const t = only(`代表们${d}日举行了会谈`, published(n))
      assert.ok(t.value)
      const v = dayOf(t.value)
      assert.equal(fromDayNumber(v).d, d)
      assert.ok(v <= n, `${t.value} after ${isoDay(n)}`)
      // A 29th-31st the month before lacks is taken from the month before that.
      const prev = addMonths(fromDayNumber(n).y, fromDayNumber(n).m, -1)
      const limit = d <= fromDayNumber(n).d || d <= daysInMonth(prev.y, prev.m) ? 31 : 62
      assert.ok(n - v <= limit, `${t.value} too far before ${isoDay(n)}`)
    }),
    { numRuns: 500 },
  )
})

test('a future day of month is never before the reference and has that day', () => {
  fc.assert(
    fc.property(refDay, fc.integer({ min: 1, max: 28 }), (n, d) => {
      const t = only(`代表们将于${d}日举行会谈`, published(n))
      const v = dayOf(t.value!)
      assert.equal(fromDayNumber(v).d, d)
      assert.ok(v >= n && v - n <= 31)
    }),
    { numRuns: 300 },
  )
})

test('a past bare weekday is 0-6 days before the reference; a future one 0-6 days after; both on that weekday', () => {
  fc.assert(
    fc.property(refDay, fc.integer({ min: 0, max: 6 }), fc.constantFrom('星期', '周', '礼拜'), (n, wd, w) => {
      const past = dayOf(only(`外长${w}${WEEKDAYS[wd]}会见了记者`, published(n)).value!)
      assert.equal(weekday(past), wd)
      assert.ok(n - past >= 0 && n - past <= 6)
      const future = dayOf(only(`外长将于${w}${WEEKDAYS[wd]}会见记者`, published(n)).value!)
      assert.equal(weekday(future), wd)
      assert.ok(future - n >= 0 && future - n <= 6)
    }),
    { numRuns: 300 },
  )
})

test('上个月 is exactly one calendar month before the reference, across year ends', () => {
  fc.assert(
    fc.property(refDay, (n) => {
      const { y, m } = fromDayNumber(n)
      const prev = addMonths(y, m, -1)
      assert.equal(only('他上个月表示', published(n)).value, isoMonth(prev.y, prev.m))
    }),
    { numRuns: 300 },
  )
})

test('上周 is the Monday-to-Sunday week ending the day before this week\'s Monday', () => {
  fc.assert(
    fc.property(refDay, (n) => {
      const r = only('部长上周表示', published(n)).range!
      const [a, b] = [dayOf(r.start), dayOf(r.end)]
      assert.equal(b - a, 6)
      assert.equal(weekday(a), 0)
      assert.equal(weekday(b), 6)
      assert.equal(b + 1, mondayOf(n))
    }),
    { numRuns: 300 },
  )
})

test('a month and day without a year resolve to the nearest such date, within half a year', () => {
  fc.assert(
    fc.property(refDay, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (n, m, d) => {
      const v = dayOf(only(`双方${m}月${d}日签署协议`, published(n)).value!)
      assert.ok(Math.abs(v - n) <= 184)
    }),
    { numRuns: 300 },
  )
})

test('dates with a year ignore the reference, known or not', () => {
  const anyRef = fc.oneof(
    refDay.map(published),
    fc.constant(UNKNOWN_DATE),
    refDay.map((n): Published => ({ at: isoDay(n).slice(0, 7), precision: 'month', source: 'user', raw: null })),
  )
  fc.assert(
    fc.property(fc.integer({ min: dayNumber(1900, 1, 1), max: dayNumber(2099, 12, 31) }), anyRef, anyRef, (x, p, q) => {
      const { y, m, d } = fromDayNumber(x)
      const text = `协议于${y}年${m}月${d}日签署`
      const a = only(text, p)
      assert.equal(a.value, isoDay(x))
      assert.equal(a.unresolved, false)
      assert.equal(only(text, q).value, a.value)
    }),
    { numRuns: 300 },
  )
})

test('nothing throws on random strings of date characters, and every result is well-formed', () => {
  const pool = [...'0123456789〇零一二两三四五六七八九十年月日号周週星期礼拜天上下本这个去今明前后将于在计划预计当地时间同次初底旬早晚些候几数多未来近过内元%()-/,。“”'] as const
  const text = fc.array(fc.constantFrom(...pool), { maxLength: 40 }).map((a) => a.join(''))
  const ref = fc.oneof(
    refDay.map(published),
    fc.constant(UNKNOWN_DATE),
    refDay.map((n): Published => ({ at: isoDay(n).slice(0, 7), precision: 'month', source: 'user', raw: null })),
    refDay.map((n): Published => ({ at: isoDay(n).slice(0, 4), precision: 'year', source: 'user', raw: null })),
  )
  fc.assert(
    fc.property(text, ref, (s, p) => {
      let last = -1
      for (const t of findTimes(s, { published: p })) {
        TimeExpr.parse(t)
        assert.ok(t.start < t.end && t.end <= s.length && t.start >= last)
        assert.equal(t.surface, s.slice(t.start, t.end))
        if (t.unresolved) assert.equal(t.value, null)
        last = t.end
      }
    }),
    { numRuns: 2000 },
  )
})
