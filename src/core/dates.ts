// ISO writing for publication dates, cut to their precision (see Published in document.ts).
import type { Published, DateSource } from './document.js'

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

/** `2025-02-18T07:27Z`: an instant known to the minute, in UTC. */
export function isoMinuteUtc(d: Date): string {
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}Z`
}

/** True when y-m-d is a real calendar day. */
export function isRealDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31) return false
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

/**
 * Reads a date a user states (`--published`, a sidecar's "published"): 2025-02-13, 2025-02, 2025,
 * 2025-02-13T10:00 (local, zone unknown), 2025-02-13T10:00Z or with an offset (converted to UTC).
 * Returns null when the string is not such a date.
 */
export function parseStatedDate(s: string, source: DateSource): Published | null {
  const t = s.trim()
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(t)
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
    if (!isRealDay(y, mo, d)) return null
    const day = `${y}-${pad(mo)}-${pad(d)}`
    if (m[4] === undefined) return { at: day, precision: 'day', source, raw: s }
    const [h, mi] = [Number(m[4]), Number(m[5])]
    if (h > 23 || mi > 59) return null
    if (!m[6]) return { at: `${day}T${pad(h)}:${pad(mi)}`, precision: 'minute', source, raw: s }
    const zone = m[6].toUpperCase() === 'Z' ? 'Z' : m[6].length === 5 ? `${m[6].slice(0, 3)}:${m[6].slice(3)}` : m[6]
    const inst = new Date(`${day}T${pad(h)}:${pad(mi)}:00${zone}`)
    return Number.isNaN(inst.getTime()) ? null : { at: isoMinuteUtc(inst), precision: 'minute', source, raw: s }
  }
  m = /^(\d{4})-(\d{1,2})$/.exec(t)
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return { at: `${m[1]}-${pad(Number(m[2]))}`, precision: 'month', source, raw: s }
  m = /^(\d{4})$/.exec(t)
  if (m) return { at: m[1]!, precision: 'year', source, raw: s }
  return null
}
