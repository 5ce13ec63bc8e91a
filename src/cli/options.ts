// Option values checked where commander parses them, so a typo is a usage error (exit 2, one line naming the
// bad value) and never reaches the store as "no events" or a SQL error.
import { InvalidArgumentError, Option } from 'commander'

/** A usage error found after parsing (two options that clash, an unknown rule id): exit 2, like commander's own. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/

/** True for a real calendar date or time in ISO 8601: 2025, 2025-02, 2025-02-12, 2025-02-12T10:00+08:00. */
export function isIsoDate(value: string): boolean {
  const m = ISO.exec(value)
  if (!m) return false
  const [, y, mo, d, h, mi, s] = m
  if (mo !== undefined && (Number(mo) < 1 || Number(mo) > 12)) return false
  if (d !== undefined) {
    const max = Number(mo) === 2 && !leap(Number(y)) ? 28 : DAYS[Number(mo) - 1]!
    if (Number(d) < 1 || Number(d) > max) return false
  }
  if (h !== undefined && (Number(h) > 23 || Number(mi) > 59 || (s !== undefined && Number(s) > 59))) return false
  return true
}

const leap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

export function isoDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('not an ISO date: use 2025-02-12, 2025-02, 2025 or 2025-02-12T10:00+08:00.')
  return value
}

/** since/until compare against stored dates as text, so a bound is a date at most (2025, 2025-02, 2025-02-12). */
export function isoDay(value: string): string {
  if (!/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(value) || !isIsoDate(value)) throw new InvalidArgumentError('not an ISO date: use 2025-02-12, 2025-02 or 2025.')
  return value
}

export function positiveInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 10_000_000) throw new InvalidArgumentError('not a whole number from 1 to 10000000.')
  return Number(value)
}

export function nonNegativeInt(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 10_000_000) throw new InvalidArgumentError('not a whole number from 0.')
  return Number(value)
}

/** A number of seconds, 0 or more (decimals allowed): 60, 2.5, 0. */
export function seconds(value: string): number {
  if (!/^\d+(?:\.\d+)?$/.test(value.trim()) || Number(value) > 86_400) throw new InvalidArgumentError('not a number of seconds from 0 to 86400.')
  return Number(value)
}

/** A whole number of seconds within [min, max]. */
export const secondsWithin = (min: number, max: number) => (value: string): number => {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new InvalidArgumentError(`not a whole number of seconds from ${min} to ${max}.`)
  return Number(value)
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 }

/** A size: 10MB, 512k, 1000000 (bytes). */
export function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim())
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined
  if (!m || unit === undefined || Number(m[1]) <= 0) throw new InvalidArgumentError('not a size: use 10MB, 512KB or a number of bytes.')
  return Math.round(Number(m[1]) * unit)
}

/** A database path: a file, never empty and never SQLite's in-memory or URI forms, which would keep nothing. */
export function dbFile(value: string): string {
  const problem = dbProblem(value)
  if (problem) throw new InvalidArgumentError(problem)
  return value
}

export function dbProblem(value: string): string | null {
  if (value.trim() === '') return 'is empty: give a database file (or leave --db and $PARLEY_DB unset for ./parley.db).'
  if (value === ':memory:' || /^file:/i.test(value)) return `${value} would keep nothing on disk: give a database file.`
  return null
}

export const limitOption = (fallback: number, what = 'how many'): Option =>
  new Option('--limit <n>', what).argParser(positiveInt).default(fallback)

export const sinceOption = (what = 'on or after (2025-02, 2025-02-12)'): Option => new Option('--since <date>', what).argParser(isoDay)
export const untilOption = (what = 'on or before'): Option => new Option('--until <date>', what).argParser(isoDay)
export const publishedOption = (): Option =>
  new Option('--published <date>', 'publication date for these inputs (2025-02-13, 2025-02-13T10:00+08:00)').argParser(isoDate)


/** An http(s) URL, as a feed to follow. */
export function httpUrl(value: string): string {
  if (!/^https?:\/\//i.test(value) || !URL.canParse(value)) throw new InvalidArgumentError(`"${value}" is not an http(s) URL.`)
  return value
}
