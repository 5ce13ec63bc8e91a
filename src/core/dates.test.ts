import { test } from 'node:test'
import assert from 'node:assert/strict'
import { parseStatedDate, isoMinuteUtc, isRealDay } from './dates.js'

test('stated dates keep their precision', () => {
  assert.deepEqual(parseStatedDate('2025-02-13', 'user'), { at: '2025-02-13', precision: 'day', source: 'user', raw: '2025-02-13' })
  assert.equal(parseStatedDate('2025-2-3', 'sidecar')?.at, '2025-02-03')
  assert.equal(parseStatedDate('2025-02', 'user')?.precision, 'month')
  assert.equal(parseStatedDate('2025', 'user')?.precision, 'year')
})

test('a time with a zone becomes UTC; a time without one stays local', () => {
  assert.equal(parseStatedDate('2025-02-18T21:05+08:00', 'user')?.at, '2025-02-18T13:05Z')
  assert.equal(parseStatedDate('2025-02-18 21:05', 'user')?.at, '2025-02-18T21:05')
  assert.equal(parseStatedDate('2025-02-18T07:27:23Z', 'user')?.at, '2025-02-18T07:27Z')
})

test('impossible dates are refused', () => {
  assert.equal(parseStatedDate('2025-02-30', 'user'), null)
  assert.equal(parseStatedDate('2025-13', 'user'), null)
  assert.equal(parseStatedDate('next tuesday', 'user'), null)
  assert.equal(isRealDay(2024, 2, 29), true)
  assert.equal(isRealDay(2025, 2, 29), false)
})

test('epoch milliseconds print as a UTC minute', () => {
  assert.equal(isoMinuteUtc(new Date(1706208301000)), '2024-01-25T18:45Z')
})
