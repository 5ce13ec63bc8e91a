import { test } from 'node:test'
import assert from 'node:assert/strict'
import { foldForTime, pickLongest, scan } from './patterns.js'

const surfaces = (s: string): string[] => pickLongest(scan(foldForTime(s))).map((c) => s.slice(c.start, c.end))
const rules = (s: string): string[] => pickLongest(scan(foldForTime(s))).map((c) => c.ruleId)

test('the longest reading at a position wins over the shorter ones inside it', () => {
  assert.deepEqual(surfaces('今年1月20日'), ['今年1月20日'])
  assert.deepEqual(surfaces('上周五(2月14日)起'), ['上周五(2月14日)'])
  assert.deepEqual(surfaces('2024年12月'), ['2024年12月'])
  assert.deepEqual(surfaces('2月12日至14日'), ['2月12日至14日'])
  assert.deepEqual(rules('三年前年底'), ['time.ago'])
})

test('words that contain a time word but are none are skipped (notprev / notnext in the lexicon)', () => {
  assert.deepEqual(surfaces('今日俄罗斯电视台报道'), [])
  assert.deepEqual(surfaces('总统星期日前往前线'), ['星期日'])
  assert.deepEqual(surfaces('外长日前往访'), [])
  assert.deepEqual(surfaces('以前年轻人'), [])
  assert.deepEqual(surfaces('统一月底前完成'), [])
  assert.deepEqual(surfaces('在二月'), ['二月'])
  assert.deepEqual(surfaces('长达2000年的历史'), [])
  assert.deepEqual(surfaces('为期3至5日的演习'), [])
})

test('suffixes extend a span only as their grain allows', () => {
  assert.deepEqual(surfaces('11日晚宴'), ['11日'])
  assert.deepEqual(surfaces('11日晚间'), ['11日晚间'])
  assert.deepEqual(surfaces('3月下旬'), ['3月下旬'])
  assert.deepEqual(surfaces('今年年初'), ['今年年初'])
  assert.deepEqual(surfaces('2024年中国'), ['2024年'])
  const [c] = pickLongest(scan('去年下半年'))
  assert.deepEqual(c?.part, { unit: 'year', from: 7, to: 12 })
})

test('traditional and full-width forms fold without moving spans', () => {
  const s = '上週四（２月２０日）'
  assert.equal(foldForTime(s).length, s.length)
  assert.deepEqual(surfaces(s), [s])
})

test('a day written in Chinese numerals is a date, a count of days is not', () => {
  assert.deepEqual(rules('外长九日抵达开罗'), ['time.day-of-month-cn'])
  assert.deepEqual(surfaces('两国二十八日签署协议'), ['二十八日'])
  assert.deepEqual(surfaces('谈判三十一日晚结束'), ['三十一日晚'])
  assert.deepEqual(surfaces('为期三日的访问'), [])
  assert.deepEqual(surfaces('第二日清晨'), [])
  assert.deepEqual(surfaces('三日内答复'), [])
  assert.deepEqual(surfaces('一日游'), [])
  assert.deepEqual(surfaces('昨日发表声明'), ['昨日'])
})
