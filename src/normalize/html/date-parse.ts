// Reads one date as written (ISO 8601, RFC 822, Chinese 年月日, numeric y-m-d or d/m/y) into an ISO string
// cut to what the writer stated. We never guess: no year means no date, and a d/m vs m/d order that
// cannot be told apart is refused rather than picked.

export interface ParsedDate {
  /** ISO cut to precision; ends in `Z` only when the writer stated a zone (an offset, GMT or UTC). */
  at: string
  precision: 'minute' | 'day' | 'month' | 'year'
  /** Where in the input the date was found (for "closest to the title" choices). */
  index: number
  /** The matched words. */
  raw: string
}

const pad = (n: number): string => String(n).padStart(2, '0')
const MIN_YEAR = 1990

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

function validYear(y: number, now: number): boolean {
  // A page cannot be published after the year after the one we run in; before 1990 there was no web news.
  return y >= MIN_YEAR && y <= now + 1
}

interface Parts {
  y: number
  mo: number | null
  d: number | null
  h: number | null
  mi: number | null
  offsetMin: number | null // minutes east of UTC, when stated
}

function build(p: Parts, index: number, raw: string, now: number): ParsedDate | null {
  if (!validYear(p.y, now)) return null
  if (p.mo === null) return { at: String(p.y), precision: 'year', index, raw }
  if (p.mo < 1 || p.mo > 12) return null
  if (p.d === null) return { at: `${p.y}-${pad(p.mo)}`, precision: 'month', index, raw }
  if (!validDay(p.y, p.mo, p.d)) return null
  if (p.h === null || p.mi === null || p.h > 23 || p.mi > 59) {
    return { at: `${p.y}-${pad(p.mo)}-${pad(p.d)}`, precision: 'day', index, raw }
  }
  if (p.offsetMin === null) {
    return { at: `${p.y}-${pad(p.mo)}-${pad(p.d)}T${pad(p.h)}:${pad(p.mi)}`, precision: 'minute', index, raw }
  }
  // Zone known: state the instant in UTC, so two sources of one article agree.
  const t = new Date(Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi) - p.offsetMin * 60_000)
  const at = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}Z`
  return { at, precision: 'minute', index, raw }
}

function offsetOf(z: string | undefined): number | null {
  if (!z) return null
  if (/^(z|gmt|utc|ut)$/i.test(z)) return 0
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z)
  if (!m) return null
  const sign = m[1] === '-' ? -1 : 1
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0))
}

/** Applies 上午/下午/AM/PM to an hour. */
function hour12(h: number, mark: string | undefined): number {
  if (!mark) return h
  const pm = /下午|晚上|晚|pm|p\.m\./i.test(mark)
  const am = /上午|早上|凌晨|清晨|早|am|a\.m\./i.test(mark)
  if (pm && h < 12) return h + 12
  if (am && h === 12) return 0
  return h
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
}
const MONTH_NAME = '(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?'
// A time after a date: `21:23:57`, `9:38`, `21时23分`, `9点38分`, `下午 3:05`, `10:56 am`, `07:27:23 GMT`, `08:05+08:00`.
const TIME =
  '(?:\\s*[T,，]?\\s*(?:-\\s*)?(上午|下午|凌晨|早上|晚上|中午)?\\s*(\\d{1,2})\\s*(?:[:：]|时|点)\\s*(\\d{2})(?:\\s*(?:[:：]|分)\\s*(\\d{2})(?:\\.\\d+)?)?\\s*(?:秒|分)?\\s*(am|pm|a\\.m\\.|p\\.m\\.)?\\s*(z|gmt|utc|[+-]\\d{2}:?\\d{2})?)?'

interface Pattern {
  re: RegExp
  parts(m: RegExpExecArray): Omit<Parts, 'h' | 'mi' | 'offsetMin'> | null
  /** Index of the first time group in the match. */
  t: number
}

const NOT_DIGIT_BEFORE = '(?<![\\d.\\-/])'
const PATTERNS: Pattern[] = [
  // 2025年2月18日 07:27 / 2025年02月18日08:05 / 2005年5月7日 21时23分 / 2025年2月 / 2025年
  {
    // A range (`2004年12月11－12日`, an event's span) is matched so that it is not read as a month, then refused:
    // a publication is one moment.
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})(\\s*[-－—~～至到]\\s*\\d{1,2})?\\s*[日号])?)?${TIME}`, 'gi'),
    parts: (m) => (m[4] ? null : { y: +m[1]!, mo: m[2] ? +m[2] : null, d: m[3] ? +m[3] : null }),
    t: 5,
  },
  // 2019-9-5 9:38:01 / 2019/09/05 / 2019.09.05 / 2025-02-18T07:27:23+08:00 / 1998-3
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{4})([-/.])(\\d{1,2})(?:\\2(\\d{1,2}))?(?![\\d])${TIME}`, 'gi'),
    parts: (m) => ({ y: +m[1]!, mo: +m[3]!, d: m[4] ? +m[4] : null }),
    t: 5,
  },
  // Tue, 18 Feb 2025 07:27:23 GMT / 18 February 2025
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+(\\d{4})${TIME}`, 'gi'),
    parts: (m) => ({ y: +m[3]!, mo: MONTHS[m[2]!.toLowerCase().slice(0, 3)] ?? 0, d: +m[1]! }),
    t: 4,
  },
  // September 10th, 2005 10:56 am / Feb 18, 2025
  {
    re: new RegExp(`\\b${MONTH_NAME}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}`, 'gi'),
    parts: (m) => ({ y: +m[3]!, mo: MONTHS[m[1]!.toLowerCase().slice(0, 3)] ?? 0, d: +m[2]! }),
    t: 4,
  },
  // 25/01/2024 - 19:26 / 01/25/2024: year last. The order is read from the numbers when one of them is
  // above 12; otherwise only the `dd/mm/yyyy - HH:MM` layout (French and British CMSs, e.g. RFI) is taken
  // as day first, and any other ambiguous pair is refused.
  {
    re: new RegExp(`${NOT_DIGIT_BEFORE}(\\d{1,2})([-/.])(\\d{1,2})\\2(\\d{4})(?![\\d])${TIME}`, 'gi'),
    parts: (m) => {
      const a = +m[1]!
      const b = +m[3]!
      const y = +m[4]!
      if (a > 12 && b <= 12) return { y, mo: b, d: a }
      if (b > 12 && a <= 12) return { y, mo: a, d: b }
      if (a === b) return { y, mo: a, d: b }
      // `7/5/2005 9:23:57 PM`: a 12-hour clock with AM/PM after a year-last date is the US layout
      // (ASP.NET's en-US default), month first.
      if (/^\s*\d{1,2}:\d{2}(:\d{2})?\s*[AP]\.?M\b/i.test(m.input.slice(m.index + m[0].indexOf(m[4]!) + 4))) {
        return { y, mo: a, d: b }
      }
      if (/^\s*-\s*\d/.test(m.input.slice(m.index + m[0].indexOf(m[4]!) + 4))) return { y, mo: b, d: a }
      return null
    },
    t: 5,
  },
]

/** Every date written in `text`, in order of position, each cut to the precision it states. */
export function findDatesInText(text: string, now = new Date().getUTCFullYear()): ParsedDate[] {
  const found: ParsedDate[] = []
  const taken: Array<[number, number]> = []
  for (const p of PATTERNS) {
    p.re.lastIndex = 0
    for (let m = p.re.exec(text); m; m = p.re.exec(text)) {
      const start = m.index
      const end = start + m[0].length
      if (taken.some(([s, e]) => start < e && end > s)) continue
      const base = p.parts(m)
      if (!base) {
        taken.push([start, end]) // refused (a range, an ambiguous order): no other pattern reads a part of it
        continue
      }
      const hRaw = m[p.t + 1]
      const h = hRaw !== undefined ? hour12(+hRaw, m[p.t] ?? m[p.t + 4]) : null
      const mi = m[p.t + 2] !== undefined ? +m[p.t + 2]! : null
      const parsed = build({ ...base, h, mi, offsetMin: offsetOf(m[p.t + 5]) }, start, m[0].trim(), now)
      if (!parsed) continue
      found.push(parsed)
      taken.push([start, end])
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

/** Reads a machine-written value (meta content, JSON-LD, `datetime=`): the first date in it, or null. */
export function parseDateValue(value: string, now = new Date().getUTCFullYear()): ParsedDate | null {
  const v = value.trim()
  // Unix epoch seconds or milliseconds, as some CMSs put in meta tags.
  if (/^\d{10}(\d{3})?$/.test(v)) {
    const ms = v.length === 10 ? +v * 1000 : +v
    const t = new Date(ms)
    return build(
      { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), offsetMin: 0 },
      0,
      v,
      now,
    )
  }
  const p = findDatesInText(v, now)[0] ?? null
  // `2022-01-28 00:00:00` with no zone is how many CMSs store a bare day: midnight says nothing.
  if (p?.precision === 'minute' && p.at.endsWith('T00:00')) return { ...p, at: p.at.slice(0, 10), precision: 'day' }
  return p
}
