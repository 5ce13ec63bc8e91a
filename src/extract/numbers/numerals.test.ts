import { test } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { parseChineseNumber } from './numerals.js'
import { findNumbers } from './find.js'

test('Chinese numerals with 十, 百, 千, 万, 亿', () => {
  const cases: Array<[string, number]> = [
    ['十', 10], ['十一', 11], ['二十', 20], ['一百二十', 120], ['一百零五', 105], ['一千零一十', 1010],
    ['两千', 2000], ['三万五千', 35000], ['十万', 100000], ['一百万', 1000000], ['三亿五千万', 350000000],
    ['一万亿', 1e12], ['一千二百亿', 120000000000], ['四亿零五十', 400000050],
  ]
  for (const [s, n] of cases) assert.equal(parseChineseNumber(s), n, s)
})

test('colloquial shortening: a last digit after 百/千/万 counts one step lower', () => {
  assert.equal(parseChineseNumber('一百二'), 120)
  assert.equal(parseChineseNumber('三千五'), 3500)
  assert.equal(parseChineseNumber('两万五'), 25000)
  assert.equal(parseChineseNumber('三千零五'), 3005) // 零 keeps the digit a unit
})

test('Arabic numbers, alone and with 万/亿', () => {
  assert.equal(parseChineseNumber('1.5万'), 15000)
  assert.equal(parseChineseNumber('1100亿'), 110000000000)
  assert.equal(parseChineseNumber('3000万'), 30000000)
  assert.equal(parseChineseNumber('1,250'), 1250)
  assert.equal(parseChineseNumber('2.35亿'), 235000000)
  assert.equal(parseChineseNumber('3万5千'), 35000)
})

test('decimals, halves and special forms', () => {
  assert.equal(parseChineseNumber('零点五'), 0.5)
  assert.equal(parseChineseNumber('三点一四'), 3.14)
  assert.equal(parseChineseNumber('二点五亿'), 250000000)
  assert.equal(parseChineseNumber('半'), 0.5)
  assert.equal(parseChineseNumber('一个半'), 1.5)
  assert.equal(parseChineseNumber('三个半'), 3.5)
  assert.equal(parseChineseNumber('两'), 2)
  assert.equal(parseChineseNumber('廿'), 20)
  assert.equal(parseChineseNumber('廿三'), 23)
  assert.equal(parseChineseNumber('二〇二四'), 2024) // digit by digit
})

test('not numbers', () => {
  for (const s of ['', '万', '百', '十百', '一二百', '万一', '三点', '点五', '两个', 'abc', '3天', '一亿亿']) {
    assert.equal(parseChineseNumber(s), null, s)
  }
})

// Writes n in standard Chinese numerals: 10010 = 一万零一十, 100005000 = 一亿零五千.
const DIGITS = '零一二三四五六七八九'
function section(n: number): string {
  let s = ''
  let zero = false
  for (const [v, u] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
    const d = Math.floor(n / v) % 10
    if (d === 0) {
      if (s) zero = true
      continue
    }
    if (zero) s += '零'
    zero = false
    s += DIGITS[d]! + u
  }
  return s
}
function toChinese(n: number): string {
  if (n === 0) return '零'
  const groups: Array<[number, string]> = [[Math.floor(n / 1e8), '亿'], [Math.floor(n / 1e4) % 1e4, '万'], [n % 1e4, '']]
  let s = ''
  let gap = false
  for (const [g, u] of groups) {
    if (g === 0) {
      if (s) gap = true
      continue
    }
    if (s && (gap || g < 1000)) s += '零'
    s += (u === '亿' ? toChinese(g) : section(g)) + u
    gap = false
  }
  return s
}
/** Optional variants a writer may use: 十五 for 一十五 at the start, 两 before a unit. */
function variant(s: string, shortTen: boolean, liang: boolean): string {
  let out = shortTen && s.startsWith('一十') ? s.slice(1) : s
  if (liang) out = out.replace(/二(?=[百千万亿])/g, '两')
  return out
}

test('the generator writes what a person would', () => {
  assert.equal(toChinese(10010), '一万零一十')
  assert.equal(toChinese(100005000), '一亿零五千')
  assert.equal(toChinese(1010000), '一百零一万')
  assert.equal(toChinese(1e12), '一万亿')
})

test('property: integers 0..10^12 written in Chinese numerals parse back', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e12 }), fc.boolean(), fc.boolean(), (n, shortTen, liang) => {
      const s = variant(toChinese(n), shortTen, liang)
      assert.equal(parseChineseNumber(s), n, s)
    }),
    { numRuns: 2000 },
  )
})

test('property: small integers, where every digit pattern occurs, parse back', () => {
  fc.assert(fc.property(fc.integer({ min: 0, max: 100000 }), (n) => parseChineseNumber(toChinese(n)) === n), { numRuns: 2000 })
})

test('property: ASCII integers and decimals round-trip, also scaled by 万 and 亿', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 9999 }), (a, b) => {
      const s = `${a}.${b}`
      assert.equal(parseChineseNumber(String(a)), a)
      assert.equal(parseChineseNumber(s), Number(s))
      assert.equal(parseChineseNumber(`${a}万`), a * 1e4)
      assert.equal(parseChineseNumber(`${s}亿`), Number((Number(s) * 1e8).toPrecision(15)))
    }),
    { numRuns: 2000 },
  )
})

test('property: a money amount in Chinese numerals is found in a sentence with its value', () => {
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 1e12 }), (n) => {
      const text = `该国宣布提供${toChinese(n)}美元援助。`
      const facts = findNumbers(text, [{ start: 0, end: text.length }])
      assert.equal(facts.length, 1, text)
      assert.equal(facts[0]!.value, n)
      assert.equal(facts[0]!.unit, 'USD')
    }),
    { numRuns: 300 },
  )
})
