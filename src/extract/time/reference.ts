// The reference date that relative expressions count from: the document's publication date, as finely as it
// is known. A minute-precision time counts by its calendar date as written (UTC when it carries a Z: we do not
// know the outlet's zone, and a wrong guess would be worse than the rare off-by-one near midnight).
import type { Published } from '../../core/index.js'
import { dayNumber, isValidDay } from './calendar.js'

export interface Ref {
  precision: 'day' | 'month' | 'year' | 'unknown'
  y: number
  m: number
  d: number
  /** Day number of y-m-d when precision is 'day', else NaN. */
  n: number
}

export const UNKNOWN_REF: Ref = { precision: 'unknown', y: NaN, m: NaN, d: NaN, n: NaN }

export function referenceOf(p: Published): Ref {
  if (!p.at || p.precision === 'unknown') return UNKNOWN_REF
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(p.at)
  if (!m) return UNKNOWN_REF
  const y = Number(m[1])
  const mo = m[2] === undefined ? NaN : Number(m[2])
  const d = m[3] === undefined ? NaN : Number(m[3])
  const wantDay = p.precision === 'day' || p.precision === 'minute'
  if (wantDay && isValidDay(y, mo, d)) return { precision: 'day', y, m: mo, d, n: dayNumber(y, mo, d) }
  if ((wantDay || p.precision === 'month') && mo >= 1 && mo <= 12) return { precision: 'month', y, m: mo, d: NaN, n: NaN }
  return { precision: 'year', y, m: NaN, d: NaN, n: NaN }
}

const RANK = { unknown: 0, year: 1, month: 2, day: 3 } as const

/** True when the reference is known at least to `need`. */
export function knows(ref: Ref, need: 'day' | 'month' | 'year'): boolean {
  return RANK[ref.precision] >= RANK[need]
}
