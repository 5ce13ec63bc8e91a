// Calendar arithmetic on whole days, without Date objects or time zones: a day is an integer (days since
// 1970-01-01 in the proleptic Gregorian calendar), so "three days before", "the Monday of this week" and
// "one month earlier" are plain integer and month arithmetic that cannot drift across DST or zones.

export interface Ymd {
  y: number
  m: number // 1-12
  d: number // 1-31
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y
  const era = Math.floor(yy / 400)
  const yoe = yy - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The civil date of a day number (H. Hinnant's civil_from_days). */
export function fromDayNumber(n: number): Ymd {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d }
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return [4, 6, 9, 11].includes(m) ? 30 : 31
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

/** 0 = Monday … 6 = Sunday: Chinese weeks (周一 … 周日) run Monday to Sunday. */
export function weekday(n: number): number {
  return (((n + 3) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}

/** The Monday of the week holding day n. */
export function mondayOf(n: number): number {
  return n - weekday(n)
}

/** The month k months after y-m (k may be negative). */
export function addMonths(y: number, m: number, k: number): { y: number; m: number } {
  const i = y * 12 + (m - 1) + k
  return { y: Math.floor(i / 12), m: (((i % 12) + 12) % 12) + 1 }
}

/** Months from (y1, m1) to (y2, m2). */
export function monthDiff(y1: number, m1: number, y2: number, m2: number): number {
  return (y2 - y1) * 12 + (m2 - m1)
}

export function isoDay(n: number): string {
  const { y, m, d } = fromDayNumber(n)
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`
}

export function isoMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`
}

export function isoYear(y: number): string {
  return pad(y, 4)
}

export function lastDayOfMonth(y: number, m: number): number {
  return dayNumber(y, m, daysInMonth(y, m))
}
