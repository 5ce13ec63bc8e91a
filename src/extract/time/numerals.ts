// Numbers inside time expressions: Arabic digits, Chinese numerals (二〇二五年, 十二月, 二十一日, 两年前) and the
// vague counts of news prose (几天前, 数月前, 十几年前), which become a low..high range.

const DIGIT: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}

/** Regex pieces, without groups. */
export const CN_DIGITS = '〇零一二两三四五六七八九'
/** A year: 1900-2099 in digits, or four Chinese digits (二〇二五). Plausibility is checked after matching. */
export const YEAR = `(?:[12][0-9]{3}|[一二][〇零一二三四五六七八九]{3})`
export const MONTH = `(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])`
export const DAY = `(?:3[01]|[12][0-9]|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])`
/** A count before a unit: 3, 两, 十二, and the vague 几/数/多/十几/几十. */
export const COUNT = `(?:十几|几十|[0-9]{1,3}|[一二两三四五六七八九十]{1,3}|几|数|多)`

export const MIN_YEAR = 1900
export const MAX_YEAR = 2100

/** 0-999 from digits or Chinese numerals (十二, 二十一, 三百); NaN when it is neither. */
export function parseNumber(s: string): number {
  if (/^[0-9]+$/.test(s)) return Number(s)
  if (!s || !/^[〇零一二两三四五六七八九十百]+$/.test(s)) return NaN
  // Digit by digit (二〇二五) when there is no 十 or 百.
  if (!/[十百]/.test(s)) return s.length === 1 ? DIGIT[s]! : Number([...s].map((c) => DIGIT[c]).join(''))
  let total = 0
  let cur = 0
  for (const c of s) {
    if (c === '百') {
      total += (cur || 1) * 100
      cur = 0
    } else if (c === '十') {
      total += (cur || 1) * 10
      cur = 0
    } else {
      cur = DIGIT[c] ?? NaN
    }
  }
  return total + cur
}

export interface Count {
  lo: number
  hi: number
  exact: boolean
}

/** A count as a range: 3 → 3..3, 几/数 → 2..9, 多 → 2..20, 十几 → 11..19, 几十 → 20..90. */
export function parseCount(s: string): Count | null {
  switch (s) {
    case '几':
    case '数':
      return { lo: 2, hi: 9, exact: false }
    case '多':
      return { lo: 2, hi: 20, exact: false }
    case '十几':
      return { lo: 11, hi: 19, exact: false }
    case '几十':
      return { lo: 20, hi: 90, exact: false }
  }
  const n = parseNumber(s)
  return Number.isFinite(n) && n > 0 ? { lo: n, hi: n, exact: true } : null
}
