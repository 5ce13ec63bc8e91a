// Time expressions of a text, resolved against the document's publication date.
//
// Why not chrono-node or another general parser: Chinese news dates by conventions such parsers do not
// follow (a bare 12日 after the publication day is last month's; 周二 is the past Tuesday unless 将 governs
// it; 星期二(2月18日) states its own date; 当天 is the day last named in the text), and every result here must
// say which rule made it and when it cannot be resolved. The grammar is patterns.ts, the conventions read.ts.
import type { Published, TimeExpr } from '../../core/index.js'
import {
  dayNumber, fromDayNumber, isoDay, isoMonth, isoYear, lastDayOfMonth, daysInMonth,
} from './calendar.js'
import { foldForTime, pickLongest, scan } from './patterns.js'
import { counted, readSpec, type Reading, type Res } from './read.js'
import { referenceOf, type Ref } from './reference.js'
import type { Candidate, Spec } from './spec.js'

export interface TimeContext {
  /** The reference date: the document's publication date; may be unknown or known only to the month. */
  published: Published
}

type Direction = TimeExpr['direction']
type Interval = [number, number]

/** The last day, month and year the text named, for 当天 / 同月 / 同年 to count from. */
interface Slots {
  day: Ref | 'unresolved' | null
  month: Ref | 'unresolved' | null
  year: Ref | 'unresolved' | null
}

function refOfDay(n: number): Ref {
  const { y, m, d } = fromDayNumber(n)
  return { precision: 'day', y, m, d, n }
}

function remember(slots: Slots, res: Res): void {
  if (res.r === 'day') slots.day = slots.month = slots.year = refOfDay(res.n)
  else if (res.r === 'month') slots.month = slots.year = { precision: 'month', y: res.y, m: res.m, d: NaN, n: NaN }
  else if (res.r === 'year') slots.year = { precision: 'year', y: res.y, m: NaN, d: NaN, n: NaN }
  else if (res.r === 'unresolved') {
    if (res.precision === 'day') slots.day = slots.month = slots.year = 'unresolved'
    else if (res.precision === 'month') slots.month = slots.year = 'unresolved'
    else if (res.precision === 'year') slots.year = 'unresolved'
  }
}

/** 当天, 次日, 同月, 同年3月: counted from the last such date named before them, else from the reference. */
function readAnchor(spec: Extract<Spec, { t: 'anchor' }>, slots: Slots, ref: Ref): Reading & { fallback: boolean } {
  const slot = spec.unit === 'year' ? slots.year : spec.unit === 'month' ? slots.month : slots.day
  if (slot === 'unresolved') {
    const precision = spec.day !== null ? 'day' : spec.month !== null ? 'month' : spec.unit
    return { res: { r: 'unresolved', precision }, factor: 1, fallback: false }
  }
  const r = counted(spec.unit, spec.offset, spec.month, spec.day, slot ?? ref)
  return { ...r, factor: r.factor * (slot ? 1 : 0.8), fallback: slot === null }
}

function refInterval(ref: Ref): Interval | null {
  switch (ref.precision) {
    case 'day':
      return [ref.n, ref.n]
    case 'month':
      return [dayNumber(ref.y, ref.m, 1), lastDayOfMonth(ref.y, ref.m)]
    case 'year':
      return [dayNumber(ref.y, 1, 1), dayNumber(ref.y, 12, 31)]
    case 'unknown':
      return null
  }
}

/** The direction an unresolved expression still shows by its words. */
function hint(spec: Spec, c: Candidate): Direction {
  switch (spec.t) {
    case 'd':
    case 'weekend':
      return c.cue ? 'future' : spec.t === 'weekend' && spec.week !== null ? sign(spec.week) : 'past'
    case 'weekday':
      return spec.week !== null ? sign(spec.week) : c.cue ? 'future' : 'past'
    case 'md':
    case 'm':
      return c.cue ? 'future' : 'unknown'
    case 'dated-weekday':
      return hint(spec.date, c)
    case 'day-range':
      return hint(spec.first, c)
    case 'rel':
      return sign(spec.offset)
    case 'ago':
      return 'past'
    case 'span':
      return spec.to <= 0 && spec.from < 0 ? 'past' : spec.from >= 0 && spec.to > 0 ? 'future' : 'present'
    default:
      return 'unknown'
  }
}

function sign(k: number): Direction {
  return k < 0 ? 'past' : k > 0 ? 'future' : 'present'
}

function isDeictic(spec: Spec): boolean {
  return ['rel', 'ago', 'span', 'd', 'weekday', 'weekend'].includes(spec.t) || (spec.t === 'dated-weekday' && spec.date.t === 'd')
}

interface Shape {
  value: string | null
  precision: TimeExpr['precision']
  range: Interval | null
  interval: Interval | null
  unresolved: boolean
}

function shape(res: Res, c: Candidate): Shape {
  const part = c.part
  switch (res.r) {
    case 'day':
      return { value: isoDay(res.n), precision: 'day', range: null, interval: [res.n, res.n], unresolved: false }
    case 'month': {
      const dim = daysInMonth(res.y, res.m)
      const whole: Interval = [dayNumber(res.y, res.m, 1), dayNumber(res.y, res.m, dim)]
      const narrow: Interval | null =
        part?.unit === 'month' ? [dayNumber(res.y, res.m, part.from), dayNumber(res.y, res.m, Math.min(part.to, dim))] : null
      return { value: isoMonth(res.y, res.m), precision: 'month', range: narrow, interval: narrow ?? whole, unresolved: false }
    }
    case 'year': {
      const whole: Interval = [dayNumber(res.y, 1, 1), dayNumber(res.y, 12, 31)]
      const narrow: Interval | null =
        part?.unit === 'year' ? [dayNumber(res.y, part.from, 1), lastDayOfMonth(res.y, part.to)] : null
      return { value: isoYear(res.y), precision: 'year', range: narrow, interval: narrow ?? whole, unresolved: false }
    }
    case 'range':
      return { value: null, precision: res.precision, range: [res.a, res.b], interval: [res.a, res.b], unresolved: false }
    case 'unresolved':
      return { value: null, precision: res.precision, range: null, interval: null, unresolved: true }
    case 'none':
    case 'invalid':
      return { value: null, precision: 'none', range: null, interval: null, unresolved: false }
  }
}

function direction(sh: Shape, res: Res, c: Candidate, ref: Ref, anchorFallback: boolean): Direction {
  let dir: Direction
  const ri = refInterval(ref)
  if (res.r === 'none' || res.r === 'invalid') dir = 'unknown'
  // 未来几天, 近期, 近年: a span that starts or ends at the reference points where its words point.
  else if (c.spec.t === 'span') dir = hint(c.spec, c)
  else if (!sh.interval || !ri) dir = c.spec.t === 'anchor' && !anchorFallback ? 'unknown' : hint(c.spec, c)
  else {
    const [a, b] = sh.interval
    dir = b < ri[0] ? 'past' : a > ri[1] ? 'future' : a <= ri[0] && b >= ri[1] ? 'present' : 'unknown'
  }
  // 本月早些时候: earlier within a period that holds the reference is the past (当天晚些时候 of an unknown
  // day says nothing about the reference).
  if (dir === 'present' && c.lean) return c.lean === 'early' ? 'past' : 'future'
  return dir
}

const round = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100

/**
 * Every time expression in `text` (the matching view: simplified, full-width folded), resolved against
 * `ctx.published`. Spans index `text`. Expressions that need a reference finer than the one known come back
 * with `unresolved: true` and `value: null`; re-run with a reference once one is inferred.
 */
export function findTimes(text: string, ctx: TimeContext): TimeExpr[] {
  const s = foldForTime(text)
  const ref = referenceOf(ctx.published)
  const slots: Slots = { day: null, month: null, year: null }
  const out: TimeExpr[] = []
  for (const c of pickLongest(scan(s))) {
    let reading: Reading
    let fallback = false
    if (c.spec.t === 'anchor') {
      const a = readAnchor(c.spec, slots, ref)
      reading = a
      fallback = a.fallback
    } else {
      reading = readSpec(c.spec, ref, c.cue)
    }
    if (c.spec.t !== 'span' && c.spec.t !== 'zone') remember(slots, reading.res)
    const sh = shape(reading.res, c)
    const quoted = c.quoted && (isDeictic(c.spec) || fallback) ? 0.8 : 1
    const invalid = reading.res.r === 'invalid' ? 0.3 : 1
    out.push({
      start: c.start,
      end: c.end,
      ruleId: c.ruleId,
      confidence: round(c.confidence * reading.factor * quoted * invalid),
      surface: text.slice(c.start, c.end),
      kind: c.kind,
      value: sh.value,
      precision: sh.precision,
      range: sh.range ? { start: isoDay(sh.range[0]), end: isoDay(sh.range[1]) } : null,
      unresolved: sh.unresolved,
      direction: direction(sh, reading.res, c, ref, fallback),
    })
  }
  return out
}
