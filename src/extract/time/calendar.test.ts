import { test } from 'node:test'
import assert from 'node:assert/strict'
import { addMonths, dayNumber, daysInMonth, fromDayNumber, isoDay, mondayOf, monthDiff, weekday } from './calendar.js'

test('day numbers agree with Date.UTC and round-trip, 1899-2101', () => {
  for (let n = dayNumber(1899, 1, 1); n <= dayNumber(2101, 12, 31); n += 17) {
    const { y, m, d } = fromDayNumber(n)
    assert.equal(Date.UTC(y, m - 1, d) / 86_400_000, n)
    assert.equal(dayNumber(y, m, d), n)
    // 0 = Monday: Date's 0 = Sunday.
    assert.equal(weekday(n), (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7)
  }
})

test('leap years, month arithmetic across year ends, Mondays', () => {
  assert.equal(daysInMonth(2024, 2), 29)
  assert.equal(daysInMonth(2100, 2), 28)
  assert.equal(daysInMonth(2000, 2), 29)
  assert.deepEqual(addMonths(2025, 1, -1), { y: 2024, m: 12 })
  assert.deepEqual(addMonths(2024, 12, 1), { y: 2025, m: 1 })
  assert.deepEqual(addMonths(2024, 3, -27), { y: 2021, m: 12 })
  assert.equal(monthDiff(2024, 11, 2025, 2), 3)
  assert.equal(isoDay(mondayOf(dayNumber(2025, 2, 16))), '2025-02-10') // a Sunday belongs to the week before
  assert.equal(isoDay(mondayOf(dayNumber(2025, 2, 17))), '2025-02-17')
})
