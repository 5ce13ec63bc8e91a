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
  const by = new Map<string, Clue[]>()
  for (const ev of events) {
    // The event's date must come from some other document (not from the undated one itself).
    for (const r of ev.reports) {
      if (!undated.has(r.docId)) continue
      const dated = ev.reports.filter((o) => o.docId !== r.docId && o.date && precisionOf(o.date) === 'day' && !o.dateInferred && !undated.has(o.docId))
      const fromDatedCopy = ev.reports.filter((o) => o.docId !== r.docId && o.date && precisionOf(o.date) === 'day' && !o.dateInferred)
      const date = (dated[0] ?? fromDatedCopy[0])?.date
      if (!date) continue
      const clues = by.get(r.docId) ?? []
      by.set(r.docId, clues)
      // A meeting or call between two named people is a surer match than an agreement between two countries.
      const weight = 1 + (ev.family === 'consult' ? 1 : 0) + (ev.source?.type === 'person' && ev.target?.type === 'person' ? 1 : 0)
      const evidence = (how: string) => ({ eventId: ev.id, date, sentence: r.sentence, how })
      if (r.dayOfMonth !== null) clues.push({ lower: date, upper: addDays(date, BARE_DAY_WINDOW), weight, evidence: evidence(`a bare day of the month (${r.dayOfMonth}日) for an event dated ${date}`) })
      else if (r.modality === 'reported' || r.modality === 'historical') clues.push({ lower: date, upper: null, weight, evidence: evidence(`reports as done an event dated ${date}`) })
      else if (r.modality === 'planned') clues.push({ lower: null, upper: date, weight, evidence: evidence(`reports as planned an event dated ${date}`) })
    }
  }
  const out: Anchor[] = []
  for (const [docId, clues] of by) {
    const a = consistent(clues)
    if (a) out.push({ docId, ...a, source: 'inferred' })
  }
  return out.sort((x, y) => (x.docId < y.docId ? -1 : 1))
}

interface Clue {
  lower: string | null
  upper: string | null
  weight: number
  evidence: Anchor['evidence'][number]
}

/**
 * The range most clues agree on. Clues can conflict (a bare 12日 matched an agreement of 12 March and a call of
 * 12 February): every clue's lower bound is tried as the start, the one whose consistent clues weigh most wins,
 * and only those clues are kept as evidence.
 */
function consistent(clues: Clue[]): Pick<Anchor, 'start' | 'end' | 'evidence'> | null {
  let best: { start: string; end: string | null; weight: number; kept: Clue[] } | null = null
  for (const c of clues) {
    if (!c.lower) continue
    const start = c.lower
    const kept = clues.filter((k) => (k.lower === null || k.lower <= start) && (k.upper === null || k.upper >= start))
    const lowers = kept.map((k) => k.lower).filter((x): x is string => x !== null).sort()
    const uppers = kept.map((k) => k.upper).filter((x): x is string => x !== null).sort()
    const s = lowers[lowers.length - 1]!
    const weight = kept.reduce((n, k) => n + k.weight, 0)
    if (!best || weight > best.weight || (weight === best.weight && s > best.start)) best = { start: s, end: uppers[0] ?? null, weight, kept }
  }
  return best ? { start: best.start, end: best.end, evidence: best.kept.map((k) => k.evidence) } : null
}

/** A report's bare day of the month resolved against its document's anchor, marked as inferred. */
export function resolveBareDay(r: Report, anchor: Anchor | undefined): Report {
  if (!anchor || r.dayOfMonth === null || r.date) return r
  const date = nearestDayOfMonth(r.dayOfMonth, anchor.start)
  return date ? { ...r, date, dateInferred: true } : r
}
