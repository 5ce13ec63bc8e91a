// Dates as feeds write them: RFC 822 in RSS (`Tue, 18 Feb 2025 07:27:23 GMT`, often with two-digit years or
// US zone names), W3CDTF / ISO 8601 in Atom, RDF's dc:date and JSON Feed. Output follows core/document.ts:
// minute precision with a known zone in UTC (`2025-02-18T07:27Z`), without a zone as local time
// (`2025-02-18T07:27`), a bare date as `2025-02-18`. Anything we cannot read is null, never a guess.
import type { Published } from '../core/document.js'

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

// RFC 822 §5.1 zone names; military single letters are left out (RFC 1123 notes their sign was often wrong).
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
}

interface Parts {
  y: number
  mo: number
  d: number | null
  h: number | null
  mi: number | null
  zone: number | null // minutes east of UTC; null = not stated
}

/** A feed date as a Published value (source 'feed'), or null when it is not a date we can read. */
export function parseFeedDate(s: string): Published | null {
  const raw = s.trim()
  if (!raw) return null
  const parts = parseIso(raw) ?? parseRfc822(raw)
  if (!parts || !valid(parts)) return null
  return { at: format(parts), precision: parts.d === null ? (parts.mo ? 'month' : 'year') : parts.h === null ? 'day' : 'minute', source: 'feed', raw }
}

// W3CDTF and the ISO 8601 shapes feeds use, also with a space for the `T` (`2025-02-18 15:27:00`).
function parseIso(s: string): Parts | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{1,4})?)?)?)?$/i.exec(s)
  if (!m) return null
  const [, y, mo, d, h, mi, , z] = m
  const zone = z === undefined ? null : zoneOffset(z)
  if (zone === undefined) return null
  return { y: Number(y), mo: mo ? Number(mo) : 0, d: d ? Number(d) : null, h: h ? Number(h) : null, mi: mi ? Number(mi) : null, zone }
}

// `[Tue,] 18 Feb 2025 [07:27[:23]] [GMT|+0800]`; lenient about commas, full month names and one-digit days.
function parseRfc822(s: string): Parts | null {
  const m = /^(?:[A-Za-z]+,?\s+)?(\d{1,2})[\s-]+([A-Za-z]+)\.?[\s-]+(\d{2}|\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*(Z|[+-]\d{2}:?\d{2}|[A-Za-z]{1,4}))?)?$/.exec(s)
  if (!m) return null
  const [, d, mon, y, h, mi, , z] = m
  const mo = MONTHS.indexOf((mon ?? '').slice(0, 3).toLowerCase()) + 1
  if (mo === 0) return null
  let year = Number(y)
  // RFC 2822 §4.3: a two-digit year below 50 is 20xx, otherwise 19xx.
  if ((y ?? '').length === 2) year += year < 50 ? 2000 : 1900
  const zone = z === undefined ? null : zoneOffset(z)
  if (zone === undefined) return null
  return { y: year, mo, d: Number(d), h: h ? Number(h) : null, mi: mi ? Number(mi) : null, zone }
}

/** Minutes east of UTC; null = a zone we cannot place (kept as local time); undefined = not a zone at all. */
function zoneOffset(z: string): number | null | undefined {
  const named = ZONES[z.toLowerCase()]
  if (named !== undefined) return named
  const m = /^([+-])(\d{2}):?(\d{2})?$/.exec(z)
  if (m) {
    const mins = Number(m[2]) * 60 + Number(m[3] ?? 0)
    return mins > 14 * 60 ? undefined : m[1] === '-' ? -mins : mins
  }
  return /^[A-Za-z]{1,4}$/.test(z) ? null : undefined
}

function valid(p: Parts): boolean {
  if (p.y < 1000 || p.y > 2999 || p.mo < 0 || p.mo > 12) return false
  if (p.d === null) return true
  if (p.mo === 0) return false
  const days = new Date(Date.UTC(p.y, p.mo, 0)).getUTCDate()
  if (p.d < 1 || p.d > days) return false
  return p.h === null || (p.h <= 23 && (p.mi ?? 0) <= 59)
}

const two = (n: number): string => String(n).padStart(2, '0')

function format(p: Parts): string {
  if (p.d === null) return p.mo ? `${p.y}-${two(p.mo)}` : String(p.y)
  if (p.h === null) return `${p.y}-${two(p.mo)}-${two(p.d)}`
  if (p.zone === null) return `${p.y}-${two(p.mo)}-${two(p.d)}T${two(p.h)}:${two(p.mi ?? 0)}`
  const t = new Date(Date.UTC(p.y, p.mo - 1, p.d, p.h, (p.mi ?? 0) - p.zone))
  return `${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}T${two(t.getUTCHours())}:${two(t.getUTCMinutes())}Z`
}
