// Applies the reference date to what the grammar read. These are news conventions, not the conventions of
// general date parsers (chrono-node and kin pick the *next* Tuesday, or the current month for "28日"):
//   - a bare day of month (12日) is the reference month, or the month before when the day is still to come:
//     news reports the past; only a future marker in its clause (将于14日) makes it the next such day;
//   - a bare weekday (周二) is the most recent such day on or before the reference, or with a future
//     marker the next on or after it; the reference day itself counts;
//   - a month and day without a year (2月17日) is the nearest such date to the reference;
//   - anything that needs a finer reference than we have stays unresolved: we never guess.
import {
  addMonths, dayNumber, daysInMonth, isValidDay, lastDayOfMonth, mondayOf, monthDiff, weekday, fromDayNumber,
} from './calendar.js'
import { knows, type Ref } from './reference.js'
import type { Cue, Spec } from './spec.js'
import type { Unit } from './words.js'

export type Res =
  | { r: 'day'; n: number }
  | { r: 'month'; y: number; m: number }
  | { r: 'year'; y: number }
  | { r: 'range'; a: number; b: number; precision: 'day' | 'week' | 'month' | 'year' }
  | { r: 'unresolved'; precision: 'day' | 'week' | 'month' | 'year' }
  | { r: 'none' } // a modifier: nothing to resolve
  | { r: 'invalid' } // read fine but names no real date (今年2月29日 in 2025)

export interface Reading {
  res: Res
  /** Multiplies the rule's confidence: the reading is less certain than the rule (a weak cue, a skipped month). */
  factor: number
}

const ok = (res: Res, factor = 1): Reading => ({ res, factor })
const unresolved = (precision: 'day' | 'week' | 'month' | 'year'): Reading => ok({ r: 'unresolved', precision })

function dayOrInvalid(y: number, m: number, d: number): Res {
  return isValidDay(y, m, d) ? { r: 'day', n: dayNumber(y, m, d) } : { r: 'invalid' }
}

/** The days of month m, y counted from the reference (y may be NaN: then only m and d are known). */
function monthDay(y: number, m: number, d: number | null): Res {
  return d === null ? { r: 'month', y, m } : dayOrInvalid(y, m, d)
}

/** 12日: the reference month, else the months before (after, with a future cue) until the day exists. */
function dayOfMonth(d: number, ref: Ref, cue: Cue): Reading {
  if (!knows(ref, 'day')) return unresolved('day')
  const future = cue !== null
  let k = future ? (d >= ref.d ? 0 : 1) : d <= ref.d ? 0 : -1
  for (let step = 0; step < 12; step++, k += future ? 1 : -1) {
    const { y, m } = addMonths(ref.y, ref.m, k)
    if (d <= daysInMonth(y, m)) return ok({ r: 'day', n: dayNumber(y, m, d) }, (cue === 'future-weak' ? 0.85 : 1) * (Math.abs(k) > 1 ? 0.4 : 1))
  }
  return ok({ r: 'invalid' })
}

/** 2月17日 / 2月: the nearest such date (month) to the reference; with a future cue the next one. */
function nearest(m: number, d: number | null, ref: Ref, cue: Cue): Reading {
  if (!knows(ref, 'month')) return unresolved(d === null ? 'month' : 'day')
  let best: { y: number; dist: number } | null = null
  for (let y = ref.y - 4; y <= ref.y + 4; y++) {
    if (d !== null && !isValidDay(y, m, d)) continue
    // Distance in days when both are days; in months otherwise.
    const dist = d !== null && knows(ref, 'day') ? dayNumber(y, m, d) - ref.n : monthDiff(ref.y, ref.m, y, m)
    if (cue !== null && dist < 0) continue
    if (!best || Math.abs(dist) < Math.abs(best.dist) || (Math.abs(dist) === Math.abs(best.dist) && dist < best.dist)) best = { y, dist }
  }
  if (!best) return ok({ r: 'invalid' })
  // Half a year either way: the nearest is a coin toss.
  const factor = Math.abs(d !== null && knows(ref, 'day') ? best.dist / 30.4 : best.dist) >= 5.5 ? 0.6 : 1
  return ok(monthDay(best.y, m, d), factor)
}

function bareWeekday(wd: number, ref: Ref, cue: Cue): Reading {
  if (!knows(ref, 'day')) return unresolved('day')
  const today = weekday(ref.n)
  const n = cue !== null ? ref.n + ((wd - today + 7) % 7) : ref.n - ((today - wd + 7) % 7)
  return ok({ r: 'day', n }, cue === 'future-weak' ? 0.85 : 1)
}

function weekend(week: number | null, ref: Ref, cue: Cue): Reading {
  if (!knows(ref, 'day')) return unresolved('day')
  const mon = mondayOf(ref.n)
  // Bare 周末: the weekend holding or before the reference, or with a future cue the one holding or after it.
  const w = week ?? (cue !== null || weekday(ref.n) >= 5 ? 0 : -1)
  return ok({ r: 'range', a: mon + 7 * w + 5, b: mon + 7 * w + 6, precision: 'day' })
}

function shiftDay(n: number, unit: Unit, k: number): number {
  if (unit === 'day') return n + k
  if (unit === 'week') return n + 7 * k
  const { y, m, d } = fromDayNumber(n)
  const t = addMonths(y, m, unit === 'month' ? k : 12 * k)
  return dayNumber(t.y, t.m, Math.min(d, daysInMonth(t.y, t.m)))
}

/** The first and last day of the unit-period k units from the reference's period. */
function periodBounds(ref: Ref, unit: 'month' | 'year', k: number): [number, number] {
  if (unit === 'year') return [dayNumber(ref.y + k, 1, 1), dayNumber(ref.y + k, 12, 31)]
  const t = addMonths(ref.y, ref.m, k)
  return [dayNumber(t.y, t.m, 1), lastDayOfMonth(t.y, t.m)]
}

/** 几天前, 未来3个月, 近期: from..to units around the reference. */
function span(unit: Unit, from: number, to: number, ref: Ref): Reading {
  const precision = unit
  if (knows(ref, 'day')) return ok({ r: 'range', a: shiftDay(ref.n, unit, from), b: shiftDay(ref.n, unit, to), precision })
  if ((unit === 'month' && knows(ref, 'month')) || (unit === 'year' && knows(ref, 'year'))) {
    return ok({ r: 'range', a: periodBounds(ref, unit, from)[0], b: periodBounds(ref, unit, to)[1], precision })
  }
  return unresolved(precision)
}

/** 上周, 今年1月20日, 上月12日, 3年前: `offset` units from a base day/month/year, then the month/day given. */
export function counted(unit: Unit, offset: number, month: number | null, day: number | null, base: Ref): Reading {
  switch (unit) {
    case 'day':
      return knows(base, 'day') ? ok({ r: 'day', n: base.n + offset }) : unresolved('day')
    case 'week': {
      if (!knows(base, 'day')) return unresolved('week')
      const mon = mondayOf(base.n) + 7 * offset
      return ok({ r: 'range', a: mon, b: mon + 6, precision: 'week' })
    }
    case 'month': {
      if (!knows(base, 'month')) return unresolved(day === null ? 'month' : 'day')
      const t = addMonths(base.y, base.m, offset)
      return ok(monthDay(t.y, t.m, day))
    }
    case 'year': {
      if (!knows(base, 'year')) return unresolved(day !== null ? 'day' : month !== null ? 'month' : 'year')
      const y = base.y + offset
      return ok(month === null ? { r: 'year', y } : monthDay(y, month, day))
    }
  }
}

function ago(unit: Unit, n: number, ref: Ref): Reading {
  if (unit === 'week') {
    if (!knows(ref, 'day')) return unresolved('week')
    const mon = mondayOf(ref.n - 7 * n)
    return ok({ r: 'range', a: mon, b: mon + 6, precision: 'week' })
  }
  return counted(unit, -n, null, null, ref)
}

function dayRange(first: Spec, lastMonth: number | null, lastDay: number, ref: Ref, cue: Cue): Reading {
  const r = readSpec(first, ref, cue)
  if (r.res.r !== 'day') return r.res.r === 'unresolved' ? unresolved('day') : r
  const { y, m, d } = fromDayNumber(r.res.n)
  let b: number
  if (lastMonth !== null) {
    const yy = lastMonth < m ? y + 1 : y
    if (!isValidDay(yy, lastMonth, lastDay)) return ok({ r: 'invalid' })
    b = dayNumber(yy, lastMonth, lastDay)
  } else {
    const t = lastDay < d ? addMonths(y, m, 1) : { y, m }
    if (!isValidDay(t.y, t.m, lastDay)) return ok({ r: 'invalid' })
    b = dayNumber(t.y, t.m, lastDay)
  }
  return ok({ r: 'range', a: r.res.n, b, precision: 'day' }, r.factor)
}

/** Resolves every spec but anchors (see resolve.ts, which counts those from the text before them). */
export function readSpec(spec: Spec, ref: Ref, cue: Cue): Reading {
  switch (spec.t) {
    case 'ymd':
      return ok(dayOrInvalid(spec.y, spec.m, spec.d))
    case 'ym':
      return ok({ r: 'month', y: spec.y, m: spec.m })
    case 'y':
      return ok({ r: 'year', y: spec.y })
    case 'decade':
      return ok({ r: 'range', a: dayNumber(spec.y, 1, 1), b: dayNumber(spec.y + 9, 12, 31), precision: 'year' })
    case 'md':
      return nearest(spec.m, spec.d, ref, cue)
    case 'm':
      return nearest(spec.m, null, ref, cue)
    case 'd':
      return dayOfMonth(spec.d, ref, cue)
    case 'weekday':
      return spec.week === null ? bareWeekday(spec.wd, ref, cue) : knows(ref, 'day')
        ? ok({ r: 'day', n: mondayOf(ref.n) + 7 * spec.week + spec.wd })
        : unresolved('day')
    case 'weekend':
      return weekend(spec.week, ref, cue)
    case 'dated-weekday': {
      const r = readSpec(spec.date, ref, cue)
      // The bracketed date wins; a weekday that disagrees with it makes the reading doubtful.
      return r.res.r === 'day' && weekday(r.res.n) !== spec.wd ? ok(r.res, r.factor * 0.55) : r
    }
    case 'rel':
      return counted(spec.unit, spec.offset, spec.month, spec.day, ref)
    case 'ago':
      return ago(spec.unit, spec.n, ref)
    case 'span':
      return span(spec.unit, spec.from, spec.to, ref)
    case 'day-range':
      return dayRange(spec.first, spec.lastMonth, spec.lastDay, ref, cue)
    case 'zone':
      return ok({ r: 'none' })
    case 'anchor':
      return counted(spec.unit, spec.offset, spec.month, spec.day, ref)
  }
}
