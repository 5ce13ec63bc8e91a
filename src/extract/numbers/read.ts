// Reading one numeral where the scanner stands, and the tests on its neighbours that tell a quantity from a
// number that is part of something else: an ordinal (第3轮), a vague amount (数百, 十几), a range end (3至5天),
// or a token such as G7, F-16, 5G, 07:27, 2025-02-13, 1.5.2 or a URL's %2F.
import { parseChineseNumber } from './numerals.js'

const CN_DIGITS = '零〇一二两三四五六七八九'
const ARABIC = String.raw`(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?`
/** A run of numeral characters; 点 only between digits (三点五, not 3点 o'clock). */
const RUN = new RegExp(`(?:${ARABIC}|[${CN_DIGITS}十百千万亿廿卅]|点(?=[${CN_DIGITS}0-9]))+`, 'y')
/** Where a number can start. 半 starts one only before a time unit (半小时, 半个月); a bare 百/千/万 only as in 百余人, 近千人. */
export const START = new RegExp(`[0-9${CN_DIGITS}十廿卅半百千万]`, 'g')
const MAGNITUDE = /[百千万亿]+/y
const MAGNITUDES: Record<string, number> = { 百: 100, 千: 1000, 万: 1e4, 亿: 1e8 }
const NUMERAL_CHAR = new RegExp(`[0-9${CN_DIGITS}十百千万亿廿卅]`)

export interface NumeralRead {
  start: number
  end: number
  raw: string
  value: number
  /** Arabic digits in it: the token tests apply. */
  arabic: boolean
  /** The bare numeral 一: in 一个, 一名, 统一, 星期一 it is a determiner or part of a word, not a count. */
  bareOne: boolean
  /** A bare 半 (半小时). */
  half: boolean
  /** 一个半, 两个半: the unit is read with its 个 already spent (一个半月 = 个月). */
  geHalf: boolean
  /** 百, 千, 万, 千万 with no digit: a number only next to a qualifier (近千人, 百余人, 逾万人), not in 数百, 千万不要. */
  magnitude: boolean
}

export function isNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && NUMERAL_CHAR.test(ch)
}

const LATIN = /[A-Za-z]/
const CN_DIGIT = new RegExp(`[${CN_DIGITS}]`)
// Words that start with a numeral and a measure word but count nothing.
const NUMERAL_WORDS = ['四处', '一天到晚']
const ALNUM = /[A-Za-z0-9]/
// Characters that make 一 part of a word or a determiner when they come right before it:
// 上一周/这一年/每一天/同一天/另一半/统一/唯一/之一/其一/万一/星期一/周一/初一 …
const ONE_IN_WORD = new Set([...'上下这那本每同某另任统唯之其第万逐单专划周期拜初'])

/** Reads the numeral starting at `i`, or null when none starts there. */
export function readNumeral(text: string, i: number): NumeralRead | null {
  const base = { arabic: false, bareOne: false, half: false, geHalf: false, magnitude: false }
  if (text[i] === '半') return { ...base, start: i, end: i + 1, raw: '半', value: 0.5, half: true }
  MAGNITUDE.lastIndex = i
  const mag = MAGNITUDE.exec(text)
  if (mag) {
    const value = [...mag[0]].reduce((v, c) => v * MAGNITUDES[c]!, 1)
    return { ...base, start: i, end: i + mag[0].length, raw: mag[0], value, magnitude: true }
  }
  RUN.lastIndex = i
  const m = RUN.exec(text)
  if (!m) return null
  let raw = m[0]
  let end = i + raw.length
  const value0 = parseChineseNumber(raw)
  if (value0 === null) return null
  let value = value0
  let geHalf = false
  if (text.startsWith('个半', end) && Number.isInteger(value)) {
    value += 0.5
    end += 2
    raw = text.slice(i, end)
    geHalf = true
  }
  const arabic = /[0-9]/.test(raw)
  return { ...base, start: i, end, raw, value, arabic, bareOne: raw === '一', geHalf }
}

/** Digit-by-digit Chinese numerals (三四天, 一九九一年): an approximate range or a year, not one quantity. */
export function isDigitString(raw: string): boolean {
  return raw.length > 1 && new RegExp(`^[${CN_DIGITS}]+$`).test(raw)
}

/**
 * Why the numeral at [n.start, n.end) is not a quantity in its own right, or null when it may be one.
 * `unitEnd` is where its unit ends, for tokens glued after the unit (20%E5 in a URL).
 */
/** Why the numeral is not a quantity, or null. `rangeHigh`: it is read as the high end of a range (5至7天). */
export function notAQuantity(text: string, n: NumeralRead, unitEnd: number, rangeHigh = false): string | null {
  const b1 = text[n.start - 1]
  const b2 = text[n.start - 2]
  const a1 = text[n.end]
  const a2 = text[n.end + 1]
  if (b1 === '第') return 'ordinal'
  if (b1 === '几' || a1 === '几' || (b1 === '数' && !n.arabic)) return 'vague' // 几十, 十几, 数百 (not 总数3000)
  if (!rangeHigh && b1 !== undefined && '-~～至到—–'.includes(b1) && isNumeralChar(b2)) return 'range'
  if (!n.half && !n.arabic && isDigitString(n.raw)) return 'digit string'
  if (n.bareOne && b1 !== undefined && ONE_IN_WORD.has(b1)) return 'word'
  if (n.half && b1 !== undefined && '上下前后一个多大'.includes(b1)) return 'word'
  if (NUMERAL_WORDS.some((w) => text.startsWith(w, n.start))) return 'word'
  if (!n.arabic && n.raw.length === 1 && unitEnd === n.end + 1) {
    // Four-character set phrases pair two numeral + character couples: 三番五次, 三天两头.
    const c = (k: number): boolean => CN_DIGIT.test(text[k] ?? '') && !isNumeralChar(text[k + 1])
    if ((c(n.start - 2) && !isNumeralChar(b1)) || c(unitEnd)) return 'set phrase'
  }
  if (!n.arabic) return null
  if (/^0\d/.test(n.raw)) return 'leading zero' // 07 (a time), 08年 (a short year)
  if (/\d{11,}/.test(n.raw)) return 'long digit string' // phone numbers (11 digits in China), ids
  if (b1 !== undefined && LATIN.test(b1)) return 'token' // G7, MH17
  if (b1 !== undefined && '%=&?#+@'.includes(b1)) return 'token' // %2F, ?id=3
  if (!(rangeHigh && b1 === '-') && b1 !== undefined && '-_:/.'.includes(b1) && b2 !== undefined && ALNUM.test(b2)) return 'token' // F-16, 07:27, 1/2
  if (a1 !== undefined && LATIN.test(a1)) return 'token' // 5G, 3D
  if (a1 !== undefined && '-:/.'.includes(a1) && a2 !== undefined && /[0-9]/.test(a2)) return 'token' // 2025-02, 1.5.2
  const u = text[unitEnd]
  if (text[unitEnd - 1] === '%' && u !== undefined && ALNUM.test(u)) return 'token' // 20%E5 in a URL
  return null
}
