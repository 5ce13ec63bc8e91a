// Where the reports of one event disagree, the event lists each account with its sources rather than picking
// one. Reprints are one account: only independent sources are compared.
import type { Divergence, Duration, Report } from '../core/record.js'

/**
 * Two durations agree within 20% of the longer (at least 10 minutes): 90 minutes and "nearly an hour and a half"
 * agree; 4.5 hours and 2 hours do not. A qualifier (about, nearly) widens the margin by another 10%.
 */
export function durationsAgree(a: Duration, b: Duration): boolean {
  const loose = (a.qualifier ? 0.1 : 0) + (b.qualifier ? 0.1 : 0)
  return Math.abs(a.minutes - b.minutes) <= Math.max(10, (0.2 + loose) * Math.max(a.minutes, b.minutes))
}

export function formatMinutes(d: Duration): string {
  const q = d.qualifier === 'about' ? 'about ' : d.qualifier === 'nearly' ? 'nearly ' : d.qualifier === 'over' ? 'over ' : ''
  return d.minutes >= 120 && d.minutes % 30 === 0 ? `${q}${d.minutes / 60} h` : `${q}${d.minutes} min`
}

/** Groups values into accounts: values that agree (by `same`) are one account. */
function accounts<T>(reports: Report[], valueOf: (r: Report) => T | null, same: (a: T, b: T) => boolean, show: (v: T) => string): Divergence['accounts'] {
  const groups: { v: T; docIds: string[] }[] = []
  for (const r of reports) {
    const v = valueOf(r)
    if (v === null) continue
    const g = groups.find((x) => same(x.v, v))
    if (g) {
      if (!g.docIds.includes(r.docId)) g.docIds.push(r.docId)
    } else groups.push({ v, docIds: [r.docId] })
  }
  return groups.map((g) => ({ value: show(g.v), docIds: g.docIds }))
}

/**
 * The disagreements among independent reports. `placesAgree` compares two places (a city agrees with its
 * country). Participants disagree when two reports name different people for the same side of the dyad.
 */
export function divergences(reports: Report[], placesAgree: (a: string, b: string) => boolean): Divergence[] {
  const independent = reports.filter((r) => r.reprintOf === null)
  const out: Divergence[] = []
  const push = (field: Divergence['field'], acc: Divergence['accounts']): void => {
    if (acc.length >= 2) out.push({ field, accounts: acc })
  }
  push('duration', accounts(independent, (r) => r.duration, durationsAgree, formatMinutes))
  push('place', accounts(independent, (r) => r.place, placesAgree, (p) => p))
  // One seat at the table per side of the dyad: reports naming different people for it are rival accounts.
  const sides = new Set(independent.flatMap((r) => [r.source, r.target]).filter((a) => a?.type === 'person').map((a) => a!.country))
  for (const country of sides) {
    const person = (r: Report): string | null => {
      const p = [r.source, r.target].find((a) => a?.type === 'person' && a.country === country)
      return p ? `${p.name} (${country ?? '?'})` : null
    }
    push('participants', accounts(independent, person, (a, b) => a === b, (p) => p))
  }
  return out
}
