// What the words around a time expression say about it: a future marker in its clause (将于14日开始的会议,
// 他星期三将前往), whether it sits in a quotation, and the suffixes that narrow it (11日晚, 本月早些时候, 年底).
import type { Cue, Part } from './spec.js'
import type { Unit } from './words.js'
import { alternation, wordsOf } from './words.js'

// A clause ends at these: a marker in another clause does not govern the date.
const CLAUSE_END = new Set(['。', '！', '？', '!', '?', '；', ';', '，', ',', ':', '：', '\n', '“', '”', '「', '」'])
const MAX_CLAUSE = 120

interface Markers {
  strong: RegExp
  weak: RegExp
  notFuture: RegExp | null
  afterStrong: RegExp
  afterWeak: RegExp
}
let markers: Markers | null = null
function getMarkers(): Markers {
  if (markers) return markers
  const strong = alternation(wordsOf('future'))
  const weak = alternation(wordsOf('future-weak'))
  const not = wordsOf('not-future')
  // After the date only adverbs may stand between it and the marker: 周四还将前往, not 周二表示将….
  const adv = '(?:还|也|又|就|则|便|才|仍|再)?'
  markers = {
    strong: new RegExp(strong),
    weak: new RegExp(weak),
    notFuture: not.length ? new RegExp(alternation(not), 'g') : null,
    afterStrong: new RegExp(`^${adv}(?:${strong})`),
    afterWeak: new RegExp(`^${adv}(?:${weak})`),
  }
  return markers
}

/** The future marker that governs the expression at [start, end), if any. */
export function futureCue(s: string, start: number, end: number): Cue {
  let cs = start
  while (cs > 0 && start - cs < MAX_CLAUSE && !CLAUSE_END.has(s[cs - 1]!)) cs--
  const mk = getMarkers()
  const mask = (x: string): string => (mk.notFuture ? x.replace(mk.notFuture, (w) => ' '.repeat(w.length)) : x)
  const before = mask(s.slice(cs, start))
  const after = mask(s.slice(end, end + 8))
  if (mk.strong.test(before) || mk.afterStrong.test(after)) return 'future'
  if (mk.weak.test(before) || mk.afterWeak.test(after)) return 'future-weak'
  return null
}

/** True when position i lies inside a “…” or 「…」 quotation that opened in the last few hundred characters. */
export function isQuoted(s: string, i: number): boolean {
  const from = Math.max(0, i - 400)
  for (let k = i - 1; k >= from; k--) {
    const c = s[k]
    if (c === '“' || c === '「' || c === '『') return true
    if (c === '”' || c === '」' || c === '』' || c === '\n') return false
  }
  return false
}

export interface Suffix {
  end: number
  lean: 'early' | 'late' | null
  part: Part | null
}

// 11日晚, 12日下午, 当天晚些时候: the part of a day changes nothing but the span (晚宴 is a dinner, not 晚).
const DAY_SUFFIX = /^(?:凌晨|清晨|早上|早晨|早间|上午|中午|下午|傍晚|晚上|晚间|夜间|夜里|深夜|午夜|早些时候|晚些时候|稍早|稍晚|晚(?![宴会餐报]))/
// 2月初, 本月早些时候, 上月底, 3月下旬 (月中 is left out: 2月中 may be 2月中国…).
const MONTH_SUFFIX = /^份?(?:初|上旬|中旬|下旬|底|末|早些时候|晚些时候)?/
// 2024年底, 今年年初, 去年下半年 (年中 is left out: 2024年中国…).
const YEAR_SUFFIX = /^(?:年?(?:初|底|末|上半年|下半年)|早些时候|晚些时候)?/

const MONTH_PARTS: Record<string, [number, number]> = {
  初: [1, 10], 上旬: [1, 10], 中旬: [11, 20], 下旬: [21, 31], 底: [21, 31], 末: [21, 31],
}
const YEAR_PARTS: Record<string, [number, number]> = {
  初: [1, 3], 底: [10, 12], 末: [10, 12], 上半年: [1, 6], 下半年: [7, 12],
}

function leanOf(w: string): 'early' | 'late' | null {
  if (w.includes('早些时候') || w === '稍早') return 'early'
  if (w.includes('晚些时候') || w === '稍晚') return 'late'
  return null
}

/** Extends an expression ending at `end` over the suffix its grain allows. */
export function readSuffix(s: string, end: number, unit: Unit | 'none'): Suffix {
  const rest = s.slice(end, end + 6)
  const re = unit === 'day' ? DAY_SUFFIX : unit === 'month' ? MONTH_SUFFIX : unit === 'year' ? YEAR_SUFFIX : null
  const m = re?.exec(rest)
  const w = m?.[0] ?? ''
  if (!w) return { end, lean: null, part: null }
  const core = w.replace(/^[份年]/, '')
  const table = unit === 'month' ? MONTH_PARTS : unit === 'year' ? YEAR_PARTS : {}
  const p = table[core]
  // A lone 份 or 年 is no suffix (年 alone would eat 今年年…); keep 份 (1月份) in the span.
  if (!core && w !== '份') return { end, lean: null, part: null }
  return {
    end: end + w.length,
    lean: leanOf(core),
    part: p && (unit === 'month' || unit === 'year') ? { unit, from: p[0], to: p[1] } : null,
  }
}
