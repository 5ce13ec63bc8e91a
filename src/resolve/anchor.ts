// Undated documents anchored: a document that states no publication date but reports events that other
// documents date gets a suggested range, stored as inferred with its evidence (never written into the
// document's own `published`). A bare "12日" for an event dated 2025-02-12 elsewhere puts the article in the
// days after it (Chinese news writes a bare day only for the last few days); an event reported as done puts
// it on or after that event; an event still planned puts it before.
import type { Anchor, MergedEvent, Report } from '../core/record.js'
import { addDays, nearestDayOfMonth, precisionOf } from './dates.js'

/** How many days after a bare day of the month an article is taken to be published. */
export const BARE_DAY_WINDOW = 6

export function anchors(undated: Set<string>, events: MergedEvent[]): Anchor[] {
  const by = new Map<string, { lower: string[]; upper: string[]; evidence: Anchor['evidence'] }>()
  for (const ev of events) {
    // The event's date must come from some other document (not from the undated one itself).
    for (const r of ev.reports) {
      if (!undated.has(r.docId)) continue
      const dated = ev.reports.filter((o) => o.docId !== r.docId && o.date && precisionOf(o.date) === 'day' && !o.dateInferred && !undated.has(o.docId))
      const fromDatedCopy = ev.reports.filter((o) => o.docId !== r.docId && o.date && precisionOf(o.date) === 'day' && !o.dateInferred)
      const date = (dated[0] ?? fromDatedCopy[0])?.date
      if (!date) continue
      const a = by.get(r.docId) ?? { lower: [], upper: [], evidence: [] }
      by.set(r.docId, a)
      if (r.dayOfMonth !== null) {
        a.lower.push(date)
        a.upper.push(addDays(date, BARE_DAY_WINDOW))
        a.evidence.push({ eventId: ev.id, date, sentence: r.sentence, how: `a bare day of the month (${r.dayOfMonth}日) for an event dated ${date}` })
      } else if (r.modality === 'reported' || r.modality === 'historical') {
        a.lower.push(date)
        a.evidence.push({ eventId: ev.id, date, sentence: r.sentence, how: `reports as done an event dated ${date}` })
      } else if (r.modality === 'planned') {
        a.upper.push(date)
        a.evidence.push({ eventId: ev.id, date, sentence: r.sentence, how: `reports as planned an event dated ${date}` })
      }
    }
  }
  const out: Anchor[] = []
  for (const [docId, a] of by) {
    if (!a.lower.length) continue
    const start = a.lower.sort().pop()!
    const ends = a.upper.filter((u) => u >= start).sort()
    out.push({ docId, start, end: ends[0] ?? null, source: 'inferred', evidence: a.evidence })
  }
  return out.sort((x, y) => (x.docId < y.docId ? -1 : 1))
}

/** A report's bare day of the month resolved against its document's anchor, marked as inferred. */
export function resolveBareDay(r: Report, anchor: Anchor | undefined): Report {
  if (!anchor || r.dayOfMonth === null || r.date) return r
  const date = nearestDayOfMonth(r.dayOfMonth, anchor.start)
  return date ? { ...r, date, dateInferred: true } : r
}
