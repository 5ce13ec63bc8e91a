// One document's extraction -> its reports: each coded event as this source tells it, with the details the
// sentence gives (date, duration, place, dyad, participants, modality).
import type { Document } from '../core/document.js'
import type { Event, Extraction, NumberFact, TimeExpr } from '../core/extraction.js'
import type { Duration, Report } from '../core/record.js'
import { matchingView } from '../normalize/matching.js'
import { timeAnchor } from '../extract/index.js'
import { readDyad, recordActor, side } from './actors.js'
import type { ResolveLexicon } from './lexicon.js'

/** Negated and hypothetical events did not happen and are not planned: they are nobody's report of an event. */
const KEPT = new Set(['reported', 'planned', 'historical'])

/** Words that mean "the same day as the day just named" (当天, 同日, 当日). */
const SAME_DAY = /^(当天|同日|当日|同一天)/

export interface DocReports {
  doc: Document
  reports: Report[]
  /** Each report's parties (dyad sides first), for merging; parallel to reports. */
  keys: Key[]
}

/** What the merger compares besides type and date. */
export interface Key {
  dyadSides: Set<string>
  keySides: Set<string>
  keyIds: Set<string>
  placeId: string | null
}

export function reportsOf(doc: Document, ex: Extraction, lex: ResolveLexicon): DocReports {
  const view = matchingView(doc.text).text
  // A copy with no date of its own whose dates the extract stage still resolved (a wiki copy, against its
  // citations) is dated for this purpose; one whose "12日" stayed unresolved is not.
  const undated = !timeAnchor(doc).at
  const reports: Report[] = []
  const keys: Key[] = []
  for (const ev of ex.events) {
    if (!KEPT.has(ev.modality)) continue
    const dyad = readDyad(ev, view, ex.mentions)
    const first = ev.evidence[0]!
    const { date, dayOfMonth } = undated ? undatedDate(ev, ex.times) : { date: usableDate(ev), dayOfMonth: null }
    const participants = dedupe(ev.actors.filter((a) => a.type !== 'place' && a.name !== ev.location?.name)).map((a) => recordActor(a, lex))
    reports.push({
      docId: doc.id,
      docTitle: doc.title,
      url: doc.url,
      outlet: doc.outlet,
      published: doc.published.at,
      extractionId: ev.id,
      start: first.start,
      end: first.end,
      sentence: doc.text.slice(first.start, first.end),
      type: ev.type,
      cameo: ev.cameo.code,
      date,
      dateInferred: false,
      dayOfMonth,
      duration: durationOf(ev, ex.numbers),
      place: ev.location?.name ?? null,
      source: dyad.source ? recordActor(dyad.source, lex) : null,
      target: dyad.target ? recordActor(dyad.target, lex) : null,
      participants,
      modality: ev.modality,
      reprintOf: null,
    })
    const dyadActors = [dyad.source, dyad.target].filter((a) => a !== null)
    keys.push({
      dyadSides: new Set(dyadActors.map(side)),
      keySides: new Set(dyad.key.map(side)),
      keyIds: new Set(dyad.key.map((a) => a.actorId ?? a.name)),
      placeId: ev.location?.actorId ?? ev.location?.name ?? null,
    })
  }
  return { doc, reports, keys }
}

function dedupe<T extends { actorId: string | null; name: string }>(xs: T[]): T[] {
  const seen = new Set<string>()
  return xs.filter((x) => {
    const k = x.actorId ?? x.name
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}

function usableDate(ev: Event): string | null {
  return ev.datePrecision === 'week' || ev.datePrecision === 'none' ? null : ev.date
}

/**
 * In a document with no publication date, a bare "12日" resolves to nothing and the extractor may have dated the
 * event from a historical date elsewhere in its evidence. Only what the first report's own span says is kept:
 * a date it states in full, or the bare day of the month (then anchored, see anchor.ts).
 */
function undatedDate(ev: Event, times: TimeExpr[]): { date: string | null; dayOfMonth: number | null } {
  const first = ev.evidence[0]!
  const inSpan = times.filter((t) => t.start >= first.start && t.end <= first.end)
  const full = inSpan.find((t) => t.value && !t.unresolved && (t.precision === 'day' || t.precision === 'month'))
  if (full) return { date: full.value, dayOfMonth: null }
  const bare = inSpan.find((t) => t.kind === 'day-of-month')
  if (bare) return { date: null, dayOfMonth: dayNumber(bare.surface) }
  if (inSpan.some((t) => SAME_DAY.test(t.surface))) {
    const before = times.filter((t) => t.kind === 'day-of-month' && t.end <= first.start).pop()
    if (before) return { date: null, dayOfMonth: dayNumber(before.surface) }
  }
  // The wiki copies' dates resolve against their citations (resolved, not bare): trust those.
  if (ev.date && inSpan.some((t) => t.value && !t.unresolved && ev.date!.startsWith(t.value))) return { date: usableDate(ev), dayOfMonth: null }
  return { date: null, dayOfMonth: null }
}

function dayNumber(surface: string): number | null {
  const m = /(\d{1,2})\s*[日号]/.exec(surface)
  const n = m ? Number(m[1]) : NaN
  return n >= 1 && n <= 31 ? n : null
}

/** The first duration (minutes or hours) stated inside the event's evidence spans: 通话持续约90分钟. */
function durationOf(ev: Event, numbers: NumberFact[]): Duration | null {
  const spans = [...ev.evidence].sort((a, b) => a.start - b.start)
  for (const s of spans) {
    const n = numbers.find((x) => x.start >= s.start && x.end <= s.end && !x.range && (x.unit === 'minute' || x.unit === 'hour'))
    if (!n) continue
    const minutes = n.normalized?.unit === 'minute' ? n.normalized.value : n.unit === 'hour' ? n.value * 60 : n.value
    return { minutes, qualifier: n.qualifier, surface: n.surface }
  }
  return null
}
