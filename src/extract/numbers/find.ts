// Numbers with units in the matching view: 约90分钟, 一个半小时, 两个多小时, 长达3年, 超过99%, 约五分之一,
// 百分之七十五, 1100亿美元, 1000名战俘. A numeral counts only with a unit from lexicon/number-units.tsv next to it,
// so dates (2月12日, 2025年), times (07:27), ordinals (第3轮) and names (G7, 七大工业国组织) fall away unless a unit
// and its cue say otherwise.
import type { Span } from '../../core/document.js'
import type { NumberFact } from '../../core/extraction.js'
import { findAbout } from './about.js'
import { numberLexicon, type Family, type NumberLexicon, type Qualifier, type UnitWord } from './lexicon.js'
import { MINUTES, normalizedQuantity } from './normalize.js'
import { START, isNumeralChar, notAQuantity, readNumeral, type NumeralRead } from './read.js'

// Before a year or day count, words that make it a length of time rather than a date. Strong cues also hold for
// a four-digit count (长达2000年的历史); weak ones (了, 已) do not (到了2025年 is a date).
const STRONG_CUES = ['长达', '持续', '持续了', '为期', '历时', '历经', '耗时', '整整', '足足']
const WEAK_CUES = ['达', '用了', '花了', '过去', '连续', '已', '已经', '了', '这']
// After the unit: 3年来, 3年多来, 两年之久, 三年间, 这3年里, 3年内, 三年的战争. 12日的会谈 and 12日来到 are dates.
const TRAILING_CUES: Readonly<Record<string, readonly string[]>> = {
  年: ['来', '以来', '之久', '间', '里', '内', '的'],
  日: ['之久'],
}
// 3天前, 两年后: relative time expressions, which the time stage reads.
const RELATIVE = ['以前', '之前', '以后', '之后', '前', '后']
// 2024年8月, 90年代, 三年级, 年度, 年龄, 2025年底: 年 as part of a date or another word.
const NOT_YEAR_AFTER = /^[0-9〇一二两三四五六七八九十月代级度龄纪底初末轻]/ // 年零3个月 continues a duration

const RULES: Readonly<Record<Family, { ruleId: string; confidence: number }>> = {
  duration: { ruleId: 'number.duration', confidence: 0.9 },
  percent: { ruleId: 'number.percent', confidence: 0.95 },
  money: { ruleId: 'number.money', confidence: 0.95 },
  count: { ruleId: 'number.count', confidence: 0.75 },
  person: { ruleId: 'number.person', confidence: 0.85 },
  distance: { ruleId: 'number.distance', confidence: 0.85 },
  area: { ruleId: 'number.area', confidence: 0.85 },
}

interface Draft {
  start: number
  end: number
  /** Where the numeral itself ends (a range's low end takes the high end's unit from here). */
  numeralEnd?: number
  value: number
  unit: NonNullable<UnitWord['unit']>
  family: Family
  qualifier: Qualifier | null
  ruleId: string
  confidence: number
}

const round2 = (v: number): number => Math.round(v * 100) / 100
const clean = (v: number): number => Number(v.toPrecision(15))

/** The smaller time unit that continues a duration: 20分钟 after 3小时, 零3个月 after 1年. */
function smallerPart(text: string, at: number, unit: NonNullable<UnitWord['unit']>, lex: NumberLexicon): { value: number; unit: NonNullable<UnitWord['unit']>; end: number } | null {
  const from = text[at] === '零' || text[at] === '又' ? at + 1 : at
  const n = readNumeral(text, from)
  if (!n || n.half) return null
  const u = n.geHalf ? unitAt(text, n.end, lex, true) : unitAt(text, n.end, lex)
  if (!u || u.family !== 'duration' || u.needsCue || !u.unit) return null
  if (!(MINUTES[u.unit]! < MINUTES[unit]!)) return null
  const end = n.end + (text.startsWith(u.surface, n.end) ? u.surface.length : u.surface.length - 1)
  return { value: clean(n.value * u.factor), unit: u.unit, end }
}

/** A qualifier that ends at `at` (约, 超过, 近), or a word that blocks one (最近3天). */
function qualifierBefore(text: string, at: number, lex: NumberLexicon): { qualifier: Qualifier | null; start: number } {
  for (const w of lex.qualBefore.get(text[at - 1] ?? '') ?? []) {
    if (text.startsWith(w.surface, at - w.surface.length)) {
      return w.qualifier ? { qualifier: w.qualifier, start: at - w.surface.length } : { qualifier: null, start: at }
    }
  }
  return { qualifier: null, start: at }
}

/** A qualifier between a number and its unit (30多天, 1000余人). */
function qualifierAfter(text: string, at: number, lex: NumberLexicon): { qualifier: Qualifier; end: number } | null {
  for (const w of lex.qualAfter.get(text[at] ?? '') ?? []) {
    if (w.qualifier && text.startsWith(w.surface, at)) return { qualifier: w.qualifier, end: at + w.surface.length }
  }
  return null
}

/** The longest unit at `at`; with `spentGe` the unit's leading 个 was already read (一个半小时, 两个多月). */
function unitAt(text: string, at: number, lex: NumberLexicon, spentGe = false): UnitWord | null {
  if (spentGe) {
    for (const u of lex.after.get('个') ?? []) {
      if (u.surface.length > 1 && text.startsWith(u.surface.slice(1), at)) return u
    }
    return null
  }
  for (const u of lex.after.get(text[at] ?? '') ?? []) if (text.startsWith(u.surface, at)) return u
  return null
}

function unitBefore(text: string, at: number, lex: NumberLexicon): UnitWord | null {
  for (const u of lex.before.get(text[at - 1] ?? '') ?? []) {
    if (text.startsWith(u.surface, at - u.surface.length)) return u
  }
  return null
}

/** Qualifiers after the unit (50%以上, 3年多), but not a 多 that counts the next noun (3年多次, 100人多名). */
function qualifierAfterUnit(text: string, at: number, family: Family, lex: NumberLexicon): { qualifier: Qualifier; end: number } | null {
  for (const w of lex.qualAfterUnit.get(text[at] ?? '') ?? []) {
    if (!w.qualifier || !text.startsWith(w.surface, at)) continue
    if (w.durationOnly && family !== 'duration') continue
    const next = unitAt(text, at + w.surface.length, lex)
    if (next && (next.family === 'count' || next.family === 'person')) continue
    return { qualifier: w.qualifier, end: at + w.surface.length }
  }
  return null
}

function hasCue(text: string, n: NumeralRead, from: number, unit: UnitWord, value: number, end: number): boolean {
  if (!Number.isInteger(value)) return true // 半年, 1.5年, 两年半: no calendar year is a fraction
  const before = (cues: readonly string[]): boolean => cues.some((c) => text.startsWith(c, from - c.length))
  const calendar = unit.unit === 'year' && value >= 1000
  if (before(STRONG_CUES)) return true
  if (calendar) return false // 自2014年以来, 到了2025年
  if (before(WEAK_CUES)) return true
  return (TRAILING_CUES[unit.surface] ?? []).some((c) => text.startsWith(c, end) && (c !== '的' || n.value < 50))
}

/** 五分之一, 三分之二 (and 一半): a share, in percent. */
function readFraction(text: string, n: NumeralRead, lex: NumberLexicon): Draft | null {
  let value: number
  let end: number
  let half = false
  if (text.startsWith('分之', n.end)) {
    const d = readNumeral(text, n.end + 2)
    if (!d || d.half || d.geHalf || n.value === 0) return null
    value = round2((d.value / n.value) * 100)
    end = d.end
  } else if (n.bareOne && text[n.end] === '半') {
    value = 50
    end = n.end + 1
    half = true
  } else return null
  if (notAQuantity(text, n, end)) return null
  const q = qualifierBefore(text, n.start, lex)
  let qualifier = q.qualifier
  const qa = qualifierAfterUnit(text, end, 'percent', lex)
  if (qa) {
    qualifier ??= qa.qualifier
    end = qa.end
  }
  return {
    start: q.start, end, value, unit: 'percent', family: 'percent', qualifier,
    ruleId: half ? 'number.percent.half' : 'number.percent.fraction', confidence: half ? 0.6 : 0.9,
  }
}

/** The fact the numeral `n` heads, or null when it has no unit or is not a quantity. */
function readFact(text: string, n: NumeralRead, lex: NumberLexicon, rangeHigh = false): Draft | null {
  if (n.magnitude && !(qualifierBefore(text, n.start, lex).qualifier || /^[余多]/.test(text.slice(n.end, n.end + 1)))) return null
  if (n.magnitude && text.startsWith('分之', n.end)) return null // 百分之: the percent sign in words, read with its number
  if (!n.half && !n.geHalf) {
    const fraction = readFraction(text, n, lex)
    if (fraction || text.startsWith('分之', n.end)) return fraction
  }
  let qualifier: Qualifier | null = null
  let unit: UnitWord | null = null
  let unitEnd = n.end
  const before = n.half || n.geHalf ? null : unitBefore(text, n.start, lex)
  let p = n.end
  let scale = 1
  const qa = n.half || n.geHalf ? null : qualifierAfter(text, p, lex)
  if (qa) {
    qualifier = qa.qualifier
    p = qa.end
    // 十多万人, 两千多万美元, 3000余万: the magnitude comes after the qualifier.
    for (; text[p] === '万' || text[p] === '亿'; p++) scale *= text[p] === '万' ? 1e4 : 1e8
  }
  if (n.geHalf || n.half) unit = unitAt(text, p, lex, n.geHalf) // 一个半月 spends 个; 半个月, 半小时 do not
  else if (text[p] === '个' && !qa) {
    const inner = qualifierAfter(text, p + 1, lex) // 两个多小时
    if (inner) {
      qualifier = inner.qualifier
      p = inner.end
      unit = unitAt(text, p, lex, true)
    }
  }
  unit ??= n.half || n.geHalf ? null : unitAt(text, p, lex)
  if (unit) unitEnd = p + (text.startsWith(unit.surface, p) ? unit.surface.length : unit.surface.length - 1)
  if (before) {
    // 百分之七十五, 人民币5亿元: the unit stands before; a matching one after (元) is part of the fact.
    if (!unit || unit.unit !== before.unit) unitEnd = p
    unit = before
  } else if (!unit) return null
  if (unit.family === 'none' || unit.unit === null) return null // 5个百分点
  const family = unit.family
  const stated = unit.unit
  if ((n.half || n.geHalf) && unit.family !== 'duration') return null
  if (n.bareOne && (unit.family === 'count' || unit.family === 'person')) return null // 一个, 一名, 一位: determiners
  if (unit.surface === '元' && !n.arabic && n.raw.length === 1) return null // 一元化, 二元, 多元
  if (notAQuantity(text, n, unitEnd, rangeHigh)) return null

  let value = clean(n.value * scale * unit.factor)
  let end = unitEnd
  let unitOut = stated
  const next = text[end + 1]
  if (family === 'duration' && text[end] === '半' && next !== '个' && !unitAt(text, end + 1, lex)) {
    if (!n.half && !n.geHalf && Number.isInteger(n.value)) {
      value += 0.5 // 两年半, 三天半 (but 十天半个月 is two spans)
      end++
    }
  } else if (family === 'duration') {
    const more = smallerPart(text, end, stated, lex) // 3小时20分钟, 1年零3个月
    if (more) {
      // A year is twelve months, whatever the day counts of MINUTES say.
      const per = stated === 'year' && more.unit === 'month' ? 12 : MINUTES[stated]! / MINUTES[more.unit]!
      value = round2(value * per + more.value)
      unitOut = more.unit
      end = more.end
    }
  }
  if (unit.unit === 'year' && NOT_YEAR_AFTER.test(text.slice(unitEnd, unitEnd + 1))) return null
  if (unit.unit === 'week' && /^[年岁]/.test(text.slice(end, end + 1))) return null // 两周年, 3周岁
  const q = qualifierBefore(text, before === unit ? n.start - unit.surface.length : n.start, lex)
  qualifier = q.qualifier ?? qualifier
  const after = qualifierAfterUnit(text, end, family, lex)
  if (after) {
    qualifier ??= after.qualifier
    end = after.end
  }
  if (family === 'duration' && RELATIVE.some((r) => text.startsWith(r, end))) return null
  const cued = unit.needsCue
  // 10年安全保障: a small count of years before a noun of the kind that lasts is a length, not a date.
  const lasting = unit.unit === 'year' && value < 100 && Number.isInteger(value) && startsWithin(text, end, 0, lex.yearNouns)
  if (cued && !lasting && !hasCue(text, n, q.start, unit, value, end)) return null
  // 12点和平方案: 点 counts points only before the noun of a plan (3点 alone is three o'clock).
  if (unit.needsPlan && !startsWithin(text, end, PLAN_REACH, lex.planNouns)) return null

  let { ruleId, confidence } = RULES[family]
  if (unit === before && family === 'percent') ruleId = 'number.percent.words'
  if (cued || n.half) {
    ruleId = cued ? 'number.duration.cued' : ruleId
    confidence = 0.8
  }
  if (n.bareOne && !qualifier) confidence = 0.7 // 一天, 一周: often a set phrase (总有一天)
  if ((family === 'count' || family === 'person') && value <= 2) confidence -= 0.2
  return { start: q.start, end, value, unit: unitOut, family, qualifier, ruleId, confidence }
}

/** How many characters may stand between N点 and its plan noun (28点和平计划). */
const PLAN_REACH = 4
const HAN = /[\u4e00-\u9fff]/

/** One of `words` starts at `at`, or up to `reach` Chinese characters later. */
function startsWithin(text: string, at: number, reach: number, words: readonly string[]): boolean {
  for (let k = 0; k <= reach; k++) {
    if (k > 0 && !HAN.test(text[at + k - 1] ?? '')) return false
    if (words.some((w) => text.startsWith(w, at + k))) return true
  }
  return false
}

// After a count, the noun counted: a run of Chinese characters up to a function word or punctuation.
const COUNTED_STOP = /[的和与及或在从向对将已被是为了、，,。；;：:！!？?\s“”「」（）()]/
const MAX_COUNTED = 6

function countedAfter(text: string, end: number, family: Family): string | null {
  if (family !== 'count' && family !== 'person') return null
  let k = end
  while (k < text.length && k - end < MAX_COUNTED && HAN.test(text[k]!) && !COUNTED_STOP.test(text[k]!)) k++
  return k > end ? text.slice(end, k) : null
}

// Between the two ends of a range: 5至7天, 300到500亿美元, 5-7天.
const RANGE_MARK = '至到-~～—–'
/** The magnitude words a numeral ends with (500亿: 1e8), which a range's low end shares (300至500亿 = 3e10..5e10). */
function trailingMagnitude(raw: string): number {
  let f = 1
  for (let i = raw.length - 1; i >= 0 && (raw[i] === '万' || raw[i] === '亿'); i--) f *= raw[i] === '万' ? 1e4 : 1e8
  return f
}

/** The sentence holding `at`, or the line when no sentence does. */
function sentenceAt(text: string, sentences: readonly Span[], at: number): Span {
  let lo = 0
  let hi = sentences.length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const s = sentences[mid]!
    if (at < s.start) hi = mid - 1
    else if (at >= s.end) lo = mid + 1
    else return s
  }
  const start = text.lastIndexOf('\n', at - 1) + 1
  const nl = text.indexOf('\n', at)
  return { start, end: nl < 0 ? text.length : nl }
}

/**
 * Every number with a unit in `text` (the matching view: simplified, full-width digits and ％ folded to ASCII),
 * with its qualifier, what it measures where the sentence says, and the quantity in a canonical unit.
 */
export function findNumbers(text: string, sentences: readonly Span[]): NumberFact[] {
  const lex = numberLexicon()
  const out: NumberFact[] = []
  const starts = new RegExp(START.source, 'g')
  for (let m = starts.exec(text); m; m = starts.exec(text)) {
    const i = m.index
    // 零 leads a number only in 零点五; elsewhere it joins parts (4年零6个月) and the part after it is read alone.
    if ((text[i] === '零' || text[i] === '〇') && text[i + 1] !== '点') continue
    const n = readNumeral(text, i)
    if (!n) {
      let j = i + 1
      while (isNumeralChar(text[j])) j++
      starts.lastIndex = j
      continue
    }
    const d = readFact(text, n, lex)
    starts.lastIndex = d ? Math.max(d.end, n.end) : n.end
    const range = d ? null : readRange(text, n, lex)
    if (range) {
      starts.lastIndex = range.high.end
      out.push(fact(text, sentences, { ...range.low, start: n.start, end: range.high.end }, 'low'), fact(text, sentences, { ...range.high, start: n.start }, 'high'))
      continue
    }
    if (!d) continue
    out.push(fact(text, sentences, d))
  }
  return out
}

/** 5至7天, 300到500亿美元: a numeral without a unit, a range mark, and a quantity; both ends take its unit. */
function readRange(text: string, n: NumeralRead, lex: NumberLexicon): { low: Draft; high: Draft } | null {
  if (n.half || n.geHalf || n.magnitude || !RANGE_MARK.includes(text[n.end] ?? '')) return null
  const m = readNumeral(text, n.end + 1)
  if (!m || m.half || m.geHalf) return null
  const high = readFact(text, m, lex, true)
  if (!high || high.start !== m.start || m.value === 0) return null
  // The high end's scale, unit factor and magnitude words apply to the low end unless it has its own.
  const perUnit = high.value / m.value
  const magnitude = trailingMagnitude(n.raw) > 1 ? 1 : trailingMagnitude(m.raw)
  const value = clean(n.value * magnitude * perUnit)
  if (!(value < high.value)) return null
  return {
    low: { ...high, value, qualifier: null, ruleId: 'number.range.low' },
    high: { ...high, ruleId: 'number.range.high' },
  }
}

function fact(text: string, sentences: readonly Span[], d: Draft, range?: 'low' | 'high'): NumberFact {
  const sentence = sentenceAt(text, sentences, d.start)
  return {
    start: d.start,
    end: d.end,
    ruleId: d.ruleId,
    confidence: Math.round(d.confidence * 100) / 100,
    surface: text.slice(d.start, d.end),
    value: d.value,
    unit: d.unit,
    qualifier: d.qualifier,
    about: findAbout(text, sentence, { start: d.start, end: d.end, family: d.family }),
    counted: countedAfter(text, d.end, d.family),
    ...(range ? { range } : {}),
    normalized: normalizedQuantity(d.value, d.unit, d.ruleId),
  }
}
