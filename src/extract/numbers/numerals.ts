// Chinese and Arabic numerals to numbers: 一百二十, 两千, 三万五(千), 1.5万, 1100亿, 十一, 零点五, 一个半, 廿一,
// 一九九一 (digit by digit). Mixed forms (3万5千) go through the same reader: an Arabic number is one digit token.

const DIGIT: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 壹: 1, 幺: 1, 二: 2, 贰: 2, 两: 2, 兩: 2, 三: 3, 叁: 3, 四: 4, 肆: 4,
  五: 5, 伍: 5, 六: 6, 陆: 6, 陸: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9,
}
const SMALL: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 }
const BIG: Record<string, number> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 }
// 廿 = 二十, 卅 = 三十, 卌 = 四十: a digit and its 十 in one character.
const TENS: Record<string, number> = { 廿: 20, 卅: 30, 卌: 40 }

/** An Arabic number, with thousands commas only in groups of three (1,100 but not 1,1). */
const ARABIC = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?/

type Token =
  | { kind: 'digit'; value: number; chinese: boolean }
  | { kind: 'zero' }
  | { kind: 'small' | 'big' | 'tens'; value: number }

function tokenize(s: string): Token[] | null {
  const out: Token[] = []
  let i = 0
  while (i < s.length) {
    const m = ARABIC.exec(s.slice(i))
    if (m) {
      out.push({ kind: 'digit', value: Number(m[0].replace(/,/g, '')), chinese: false })
      i += m[0].length
      continue
    }
    const ch = s[i]!
    if (ch === '零' || ch === '〇') out.push({ kind: 'zero' })
    else if (ch in DIGIT) out.push({ kind: 'digit', value: DIGIT[ch]!, chinese: true })
    else if (ch in SMALL) out.push({ kind: 'small', value: SMALL[ch]! })
    else if (ch in BIG) out.push({ kind: 'big', value: BIG[ch]! })
    else if (ch in TENS) out.push({ kind: 'tens', value: TENS[ch]! })
    else return null
    i++
  }
  return out
}

/** Floating error from 1.1 × 1e8 and the like, cut away. */
function clean(v: number): number {
  return Number(v.toPrecision(15))
}

function parseInteger(tokens: Token[]): number | null {
  if (tokens.length === 0) return null
  // 一九九一, 二〇二五: single digits with no unit between them are read digit by digit.
  if (tokens.length > 1 && tokens.every((t) => t.kind === 'zero' || (t.kind === 'digit' && t.chinese))) {
    return Number(tokens.map((t) => (t.kind === 'digit' ? t.value : 0)).join(''))
  }
  let total = 0 // the 亿 group, already multiplied
  let wan = 0 // the 万 group under it, already multiplied
  let section = 0 // below 万
  let num: number | null = null // a digit waiting for its unit
  let lastSmall = Infinity // units inside a section must fall: 千 > 百 > 十
  let prevUnit = 0 // the unit right before the current token (0 after a digit or 零)
  let numWasDigit = false
  let sawAny = false
  let sawYi = false
  for (const t of tokens) {
    sawAny = true
    switch (t.kind) {
      case 'zero':
        if (num !== null) return null
        prevUnit = 0
        break
      case 'digit':
        if (num !== null) return null // 一二百: two digits in a row inside a unit number
        num = t.value
        numWasDigit = t.chinese || Number.isInteger(t.value)
        break
      case 'tens':
        if (num !== null || lastSmall <= 10) return null
        section += t.value
        lastSmall = 10
        prevUnit = 10
        break
      case 'small': {
        if (t.value >= lastSmall) return null // 十百, 一百一千
        const n = num ?? (t.value === 10 ? 1 : null) // 十一: a bare 十 is one ten; a bare 百 is not a number
        if (n === null) return null
        section += n * t.value
        num = null
        lastSmall = t.value
        prevUnit = t.value
        break
      }
      case 'big': {
        const group = section + (num ?? 0)
        const bare = num === null && section === 0 // 万 with nothing to multiply
        if (t.value === 1e4) {
          if (bare || wan !== 0) return null
          wan = group * 1e4
        } else {
          const g = wan + group
          if ((bare && wan === 0) || total !== 0 || sawYi) return null
          sawYi = true
          total = g * 1e8
          wan = 0
        }
        section = 0
        num = null
        lastSmall = Infinity
        prevUnit = t.value
        break
      }
    }
  }
  if (!sawAny) return null
  let rest = num ?? 0
  // 一百二 = 120, 三万五 = 35000: a last digit right after a unit of a hundred or more counts one step lower.
  if (num !== null && numWasDigit && Number.isInteger(num) && num >= 1 && num <= 9 && prevUnit >= 100) rest = (num * prevUnit) / 10
  return clean(total + wan + section + rest)
}

/** The Chinese or Arabic number `s` spells, or null when it is not one number. */
export function parseChineseNumber(s: string): number | null {
  const t = s.trim()
  if (t === '') return null
  if (t === '半') return 0.5
  if (t === '一半') return 0.5
  // 一个半 = 1.5, 两个半 = 2.5
  if (t.endsWith('个半')) {
    const head = parseChineseNumber(t.slice(0, -2))
    return head !== null && Number.isInteger(head) ? head + 0.5 : null
  }
  // 零点五, 三点一四, 三点五亿: the digits after 点 are read one by one; a trailing 万/亿 scales the whole.
  const dot = t.indexOf('点')
  if (dot >= 0) {
    const int = parseChineseNumber(t.slice(0, dot))
    const m = /^([零〇一二三四五六七八九0-9]+)([万亿]*)$/.exec(t.slice(dot + 1))
    if (int === null || !Number.isInteger(int) || !m) return null
    const digits = [...m[1]!].map((c) => (c in DIGIT ? DIGIT[c] : Number(c))).join('')
    let v = Number(`${int}.${digits}`)
    for (const c of m[2]!) v *= BIG[c]!
    return clean(v)
  }
  const tokens = tokenize(t)
  return tokens ? parseInteger(tokens) : null
}
