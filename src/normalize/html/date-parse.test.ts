import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findDatesInText, parseDateValue } from './date-parse.js'

const first = (s: string): string | null => findDatesInText(s, 2025)[0]?.at ?? null

test('Chinese dates, cut to the precision they state', () => {
  assert.equal(first('2025年2月18日 07:27'), '2025-02-18T07:27')
  assert.equal(first('2025年02月18日08:05'), '2025-02-18T08:05')
  assert.equal(first('2005年5月7日 21时23分'), '2005-05-07T21:23')
  assert.equal(first('2005年5月7日 下午3:05'), '2005-05-07T15:05')
  assert.equal(first('2022年02月13日 02版'), '2022-02-13')
  assert.equal(first('1998年3月'), '1998-03')
})

test('numeric dates: y-m-d with any separator, and times with seconds', () => {
  assert.equal(first('2019-9-5 9:38:01'), '2019-09-05T09:38')
  assert.equal(first('2019/09/05'), '2019-09-05')
  assert.equal(first('来源：新华社 2022-02-06 13:48'), '2022-02-06T13:48')
  assert.equal(first('1998-3'), '1998-03')
})

test('year-last dates: the order is read from the numbers, or from the dd/mm/yyyy - HH:MM layout', () => {
  assert.equal(first('25/01/2024 - 19:26'), '2024-01-25T19:26')
  assert.equal(first('01/25/2024'), '2024-01-25')
  assert.equal(first('05/02/2024 - 10:00'), '2024-02-05T10:00')
  assert.equal(first('7/5/2005 9:23:57 PM'), '2005-07-05T21:23')
  assert.equal(first('05/06/2024'), null) // May 6 or 5 June: refused, not guessed
})

test('a stated zone gives the instant in UTC with Z; no zone gives local time without Z', () => {
  assert.equal(first('Tue, 18 Feb 2025 07:27:23 GMT'), '2025-02-18T07:27Z')
  assert.equal(parseDateValue('2025-02-18T15:27:00+08:00', 2025)?.at, '2025-02-18T07:27Z')
  assert.equal(parseDateValue('2025-02-18T07:27:00.000Z', 2025)?.at, '2025-02-18T07:27Z')
  assert.equal(first('Saturday, September 10th, 2005 10:56 am'), '2005-09-10T10:56')
  assert.equal(parseDateValue('1739864842', 2025)?.at, '2025-02-18T07:47Z')
})

test('refused: ranges, impossible days, years outside the web era', () => {
  assert.equal(first('2004年12月11－12日'), null)
  assert.equal(first('2023-02-30'), null)
  assert.equal(first('1949年10月1日'), null)
  assert.equal(first('2月17日'), null)
})
