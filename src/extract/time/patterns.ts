// The time grammar: regular expressions over the matching view that read dates the way Chinese news writes
// them, each producing a Spec (what was said) with its span and rule id. Nothing here knows the reference
// date; resolve.ts applies it. Word lists come from lexicon/time-words.tsv; the shapes are code.
import { isValidDay } from './calendar.js'
import { futureCue, isQuoted, readSuffix } from './context.js'
import { COUNT, DAY, MAX_YEAR, MIN_YEAR, MONTH, YEAR, parseCount, parseNumber } from './numerals.js'
import type { Candidate, Spec } from './spec.js'
import { grain } from './spec.js'
import { alternation, wordsOf, type TimeWord, type Unit } from './words.js'

/** Same-length folding the grammar relies on (the matching view usually did it already). */
export function foldForTime(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/週/g, '周')
    .replace(/號/g, '号')
    .replace(/禮/g, '礼')
}

const WEEKDAY: Record<string, number> = { 一: 0, 二: 1, 三: 2, 四: 3, 五: 4, 六: 5, 日: 6, 天: 6 }
const WD = '(?:星期|礼拜|周)([一二三四五六日天])'
// A numeral that continues into ours: 12月 inside 112月, 二月 inside 十二月.
const NOT_IN_NUMBER = '(?<![0-9.\\-/〇零一二两三四五六七八九十])'
// Chinese-numeral months and days stand alone only after a non-word character or a preposition:
// 统一月底 holds no 一月, but 在二月 and (二月) do.
const CN_AFTER = '在于至到从自及和与年'
// Durations and counts, not dates: 连续3日, 为期5日, 过去7日, 每12日.
const RANGE_TAIL = /[0-9一二两三四五六七八九十][日号]?(?:至|到|-|—|–|~|～)$/
const DURATION_BEFORE = /(?:连续|为期|长达|过去|持续|历时|最近|近|每|共|约|前|后|这|那|数|几|多)$/

function year(s: string | undefined): number {
  const y = parseNumber(s ?? '')
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : NaN
}
const num = (s: string | undefined): number => parseNumber(s ?? '')
const isCn = (s: string | undefined): boolean => !!s && !/^[0-9]/.test(s)
const monthOk = (m: number): boolean => m >= 1 && m <= 12
// Without a year, a day must exist in some year: 2月29日 yes, 2月30日 no.
const mdOk = (m: number, d: number): boolean => monthOk(m) && isValidDay(2000, m, d)

interface Rule {
  id: string
  kind: Candidate['kind']
  re: RegExp
  confidence: number
  /** The Spec the match says, or null when the match is not a date after all. */
  read: (m: RegExpExecArray, s: string) => Spec | null
}

/** A date from groups (year?, month?, day): ymd, md or d; null when no such day exists. */
function dateSpec(ys: string | undefined, ms: string | undefined, ds: string | undefined): Spec | null {
  const d = num(ds)
  if (ys !== undefined) {
    const y = year(ys)
    const m = num(ms)
    return ms !== undefined && isValidDay(y, m, d) ? { t: 'ymd', y, m, d } : null
  }
  if (ms !== undefined) return mdOk(num(ms), d) ? { t: 'md', m: num(ms), d } : null
  return d >= 1 && d <= 31 ? { t: 'd', d } : null
}

// The unit of 两年前, 几个月前, 未来3天. A count with 日 or a bare 月 is a date, not a count, unless the count is
// vague or the phrase is a span: 5日前 may be "before the 5th", 3月前 "before March"; 近5日, 数月前 are counts.
function unitOf(u: string | undefined, ge: string | undefined, cnt: string | undefined, span: boolean): Unit | null {
  const loose = span || cnt === '几' || cnt === '数' || cnt === '多'
  if (u === '天') return 'day'
  if (u === '日') return loose ? 'day' : null
  if (u === '周' || u === '星期' || u === '礼拜') return 'week'
  if (u === '月') return ge || loose ? 'month' : null
  if (u === '年') return 'year'
  return null
}

/** 未来3个月 (sign 1), 过去两周 (sign -1): groups (count, 个, unit). */
function spanSpec(m: RegExpExecArray, sign: 1 | -1): Spec | null {
  const c = parseCount(m[1]!)
  const unit = unitOf(m[3], m[2], m[1], true)
  if (!c || !unit || c.hi > 200) return null
  return sign > 0 ? { t: 'span', unit, from: 0, to: c.hi, vague: !c.exact } : { t: 'span', unit, from: -c.hi, to: 0, vague: !c.exact }
}

let rules: Rule[] | null = null
function getRules(): Rule[] {
  if (rules) return rules
  const counted = wordsOf('rel', 'anchor')
  const byWord = new Map([...counted, ...wordsOf('vague', 'zone')].map((w) => [w.word, w]))
  const weekWords = counted.filter((w) => w.unit === 'week')
  const weekAlt = alternation(weekWords)
  const yearAlt = alternation(counted.filter((w) => w.unit === 'year'))
  const monthAlt = alternation(counted.filter((w) => w.unit === 'month'))
  const wordAlt = alternation([...byWord.values()])
  const weekOf = (w: string | undefined): number | null => (w ? (byWord.get(w)?.from ?? null) : null)
  const relOrAnchor = (w: TimeWord): 'rel' | 'anchor' => (w.kind === 'anchor' ? 'anchor' : 'rel')
  const DATE_IN = `(?:(${YEAR})年)?(?:(${MONTH})月)?(${DAY})[日号]`
  rules = [
    {
      id: 'time.iso-date', kind: 'absolute', confidence: 0.95,
      re: /(?<![0-9A-Za-z./_\-])([12][0-9]{3})([-/.])(0?[1-9]|1[0-2])\2(0?[1-9]|[12][0-9]|3[01])(?![0-9])/g,
      read: (m) => dateSpec(m[1], m[3], m[4]),
    },
    {
      id: 'time.absolute-day', kind: 'absolute', confidence: 0.95,
      re: new RegExp(`${NOT_IN_NUMBER}(${YEAR})年(${MONTH})月(${DAY})[日号]`, 'g'),
      read: (m) => dateSpec(m[1], m[2], m[3]),
    },
    {
      id: 'time.absolute-month', kind: 'absolute', confidence: 0.95,
      re: new RegExp(`${NOT_IN_NUMBER}(${YEAR})年(${MONTH})月(?![球亮光])`, 'g'),
      read: (m) => (year(m[1]) && monthOk(num(m[2])) ? { t: 'ym', y: year(m[1]), m: num(m[2]) } : null),
    },
    {
      id: 'time.absolute-year', kind: 'absolute', confidence: 0.9,
      re: new RegExp(`${NOT_IN_NUMBER}(${YEAR})年(?!代)`, 'g'),
      // 长达2000年, 近1900年: a length of time, not a year.
      read: (m, s) => (year(m[1]) && !/(?:长达|近|约|超过|逾|数|历时)$/.test(s.slice(Math.max(0, m.index - 2), m.index)) ? { t: 'y', y: year(m[1]) } : null),
    },
    {
      id: 'time.decade', kind: 'range', confidence: 0.85,
      re: new RegExp(`${NOT_IN_NUMBER}(${YEAR})年代`, 'g'),
      read: (m) => (year(m[1]) && year(m[1]) % 10 === 0 ? { t: 'decade', y: year(m[1]) } : null),
    },
    {
      id: 'time.month-day', kind: 'absolute', confidence: 0.9,
      re: new RegExp(`${NOT_IN_NUMBER}(${MONTH})月(${DAY})[日号]`, 'g'),
      read: (m, s) => (isCn(m[1]) && !cnStartOk(s, m.index) ? null : dateSpec(undefined, m[1], m[2])),
    },
    {
      id: 'time.month', kind: 'absolute', confidence: 0.8,
      re: new RegExp(`${NOT_IN_NUMBER}(${MONTH})月(?![球亮光饼])`, 'g'),
      read: (m, s) => (isCn(m[1]) && !cnStartOk(s, m.index) ? null : monthOk(num(m[1])) ? { t: 'm', m: num(m[1]) } : null),
    },
    {
      id: 'time.day-of-month', kind: 'day-of-month', confidence: 0.85,
      re: /(?<![0-9.\-/月])([0-9]{1,2})日(?!元(?!旦)|圆|内|以内)/g,
      // The end of a range the day-range rule turned down (为期3至5日) is no date either.
      read: (m, s) =>
        DURATION_BEFORE.test(s.slice(Math.max(0, m.index - 2), m.index)) || RANGE_TAIL.test(s.slice(Math.max(0, m.index - 5), m.index))
          ? null
          : dateSpec(undefined, undefined, m[1]),
    },
    {
      // 九日, 二十八日: Taiwan and Hong Kong papers write the day in Chinese numerals. Not after a word that makes
      // it a count or another day (为期三日, 第二日, 同日, 昨日), nor before one (三日内, 一日游, 二日后).
      id: 'time.day-of-month-cn', kind: 'day-of-month', confidence: 0.7,
      re: /(?<![〇零一二两三四五六七八九十百千万第每数几多连同当终昨今明前翌次某本隔该这那逐])(三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])日(?![内间游夜之以来后前子本常程期记报元圆])/g,
      read: (m, s) =>
        DURATION_BEFORE.test(s.slice(Math.max(0, m.index - 2), m.index)) || RANGE_TAIL.test(s.slice(Math.max(0, m.index - 5), m.index))
          ? null
          : dateSpec(undefined, undefined, m[1]),
    },
    {
      id: 'time.day-range', kind: 'range', confidence: 0.8,
      re: new RegExp(`${NOT_IN_NUMBER}(?:(${YEAR})年)?(?:(${MONTH})月)?(${DAY})[日号]?(?:至|到|-|—|–|~|～)(?:(${MONTH})月)?(${DAY})[日号](?![元圆内])`, 'g'),
      read: (m, s) => {
        // 持续一到三日, 为期3至5日: a length of time when no month says otherwise.
        if (m[2] === undefined && (isCn(m[3]) || DURATION_BEFORE.test(s.slice(Math.max(0, m.index - 2), m.index)))) return null
        const first = dateSpec(m[1], m[2], m[3])
        const lastMonth = m[4] === undefined ? null : num(m[4])
        const lastDay = num(m[5])
        if (!first || (lastMonth !== null && !mdOk(lastMonth, lastDay)) || lastDay < 1 || lastDay > 31) return null
        return { t: 'day-range', first, lastMonth, lastDay }
      },
    },
    {
      id: 'time.weekday-bracket', kind: 'weekday', confidence: 0.95,
      re: new RegExp(`(?:(${weekAlt})|(?<!每)(?:星期|礼拜|周))([一二三四五六日天])\\s*\\(\\s*${DATE_IN}\\s*\\)`, 'g'),
      read: (m) => {
        const date = dateSpec(m[3], m[4], m[5])
        return date ? { t: 'dated-weekday', wd: WEEKDAY[m[2]!]!, date } : null
      },
    },
    {
      id: 'time.date-weekday', kind: 'weekday', confidence: 0.95,
      re: new RegExp(`${NOT_IN_NUMBER}${DATE_IN}\\s*(?:\\(\\s*${WD}\\s*\\)|${WD})`, 'g'),
      read: (m) => {
        const date = dateSpec(m[1], m[2], m[3])
        const w = m[4] ?? m[5]
        return date && w ? { t: 'dated-weekday', wd: WEEKDAY[w]!, date } : null
      },
    },
    {
      id: 'time.weekday', kind: 'weekday', confidence: 0.8,
      re: new RegExp(`(?:(${weekAlt})|(?<!每)(星期|礼拜|周))([一二三四五六日天])`, 'g'),
      read: (m) => (m[2] === '周' && m[3] === '天' ? null : { t: 'weekday', wd: WEEKDAY[m[3]!]!, week: weekOf(m[1]) }),
    },
    {
      id: 'time.weekend', kind: 'range', confidence: 0.75,
      re: /(?:(上个?|本|这个?|下个?)|(?<!每))周末/g,
      read: (m) => ({ t: 'weekend', week: m[1] === undefined ? null : m[1].startsWith('上') ? -1 : m[1].startsWith('下') ? 1 : 0 }),
    },
    {
      id: 'time.relative-year-date', kind: 'relative', confidence: 0.9,
      re: new RegExp(`(${yearAlt})(${MONTH})月(?:(${DAY})[日号])?`, 'g'),
      read: (m) => {
        const w = byWord.get(m[1]!)
        const mo = num(m[2])
        const d = m[3] === undefined ? null : num(m[3])
        if (!w || !monthOk(mo) || (d !== null && !mdOk(mo, d))) return null
        return { t: relOrAnchor(w), unit: 'year', offset: w.from, month: mo, day: d }
      },
    },
    {
      id: 'time.relative-month-day', kind: 'relative', confidence: 0.85,
      re: new RegExp(`(${monthAlt})(${DAY})[日号]`, 'g'),
      read: (m) => {
        const w = byWord.get(m[1]!)
        const d = num(m[2])
        return w && d >= 1 && d <= 31 ? { t: relOrAnchor(w), unit: 'month', offset: w.from, month: null, day: d } : null
      },
    },
    {
      id: 'time.word', kind: 'relative', confidence: 0.9, // the rule id is refined per word kind below
      re: new RegExp(`(${wordAlt})`, 'g'),
      read: (m, s) => {
        const w = byWord.get(m[1]!)
        if (!w) return null
        const prev = s[m.index - 1] ?? ''
        const next = s[m.index + m[1]!.length] ?? ''
        if ((prev && w.notPrev.includes(prev)) || (next && w.notNext.includes(next))) return null
        if (w.kind === 'zone') return { t: 'zone' }
        if (w.kind === 'vague') return { t: 'span', unit: w.unit!, from: w.from, to: w.to, vague: true }
        return { t: relOrAnchor(w), unit: w.unit!, offset: w.from, month: null, day: null }
      },
    },
    {
      id: 'time.ago', kind: 'relative', confidence: 0.85,
      re: new RegExp(`(?<![0-9〇零一二两三四五六七八九十])(${COUNT})(个)?(天|日|周|星期|礼拜|月|年)(?:以前|之前|前)(?![往进线夕方景途提])`, 'g'),
      read: (m) => {
        const c = parseCount(m[1]!)
        const unit = unitOf(m[3], m[2], m[1], false)
        if (!c || !unit || c.hi > 200) return null
        return c.exact ? { t: 'ago', unit, n: c.lo } : { t: 'span', unit, from: -c.hi, to: -c.lo, vague: true }
      },
    },
    {
      id: 'time.span-future', kind: 'range', confidence: 0.7,
      re: new RegExp(`(?:未来|今后|接下来|往后)的?(${COUNT})(个)?(天|日|周|星期|礼拜|月|年)(?:内|里|中|间)?`, 'g'),
      read: (m) => spanSpec(m, 1),
    },
    {
      id: 'time.span-past', kind: 'range', confidence: 0.7,
      re: new RegExp(`(?:过去|最近|近)的?(${COUNT})(个)?(天|日|周|星期|礼拜|月|年)(?:以来|来|内|里|中|间)?`, 'g'),
      read: (m) => spanSpec(m, -1),
    },
  ]
  return rules
}

function cnStartOk(s: string, i: number): boolean {
  const prev = s[i - 1]
  return prev === undefined || !/[\u4e00-\u9fff]/.test(prev) || CN_AFTER.includes(prev)
}

function ruleIdOf(rule: Rule, spec: Spec, s: string, start: number): { id: string; kind: Candidate['kind']; confidence: number } {
  // 几天前, 未来几天: a vague count is a guess at a range.
  if (spec.t === 'span' && spec.vague && rule.id !== 'time.word') {
    return { id: rule.id === 'time.ago' ? 'time.ago-vague' : rule.id, kind: 'range', confidence: 0.45 }
  }
  if (rule.id !== 'time.word') {
    // 第12日 is more often "day 12 of the war" than a date.
    if (rule.id === 'time.day-of-month' && s[start - 1] === '第') return { id: rule.id, kind: rule.kind, confidence: 0.4 }
    return { id: rule.id, kind: rule.kind, confidence: rule.confidence }
  }
  switch (spec.t) {
    case 'zone':
      return { id: 'time.zone', kind: 'modifier', confidence: 0.9 }
    case 'span':
      return { id: 'time.vague', kind: 'range', confidence: 0.4 }
    case 'anchor':
      return { id: 'time.anchored', kind: 'relative', confidence: 0.75 }
    default:
      return { id: 'time.relative', kind: 'relative', confidence: 0.9 }
  }
}

/** Every reading the grammar finds, overlapping ones included. */
export function scan(s: string): Candidate[] {
  const out: Candidate[] = []
  for (const rule of getRules()) {
    rule.re.lastIndex = 0
    for (let m = rule.re.exec(s); m; m = rule.re.exec(s)) {
      if (m[0].length === 0) {
        rule.re.lastIndex++
        continue
      }
      const spec = rule.read(m, s)
      if (!spec) continue
      const start = m.index
      const suffix = readSuffix(s, start + m[0].length, grain(spec))
      const r = ruleIdOf(rule, spec, s, start)
      out.push({
        start,
        end: suffix.end,
        ruleId: r.id,
        kind: r.kind,
        spec,
        confidence: r.confidence,
        cue: futureCue(s, start, suffix.end),
        lean: suffix.lean,
        part: suffix.part,
        quoted: isQuoted(s, start),
      })
    }
  }
  return out
}

/** Keeps the longest reading at the earliest position; readings that overlap a kept one are dropped. */
export function pickLongest(cands: readonly Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => a.start - b.start || b.end - a.end || b.confidence - a.confidence)
  const kept: Candidate[] = []
  let reach = 0
  for (const c of sorted) {
    if (c.start < reach) continue
    kept.push(c)
    reach = c.end
  }
  return kept
}
