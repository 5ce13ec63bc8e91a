// The event coder: per sentence and clause, a trigger from the lexicon gives the event type and CAMEO code;
// the mentions around it give the actors, the time expressions its date, the cues before it its modality.
// Reported speech (X表示，…) becomes a statement event of its speaker.
import { createHash } from 'node:crypto'
import type { Document, Event, EventType, Mention, Quote, TimeExpr } from '../../core/index.js'
import { CAMEO_CODEBOOK, eventLexicon } from './lexicon.js'
import { clausesOf } from './clauses.js'
import { findTriggers } from './triggers.js'
import { modalityOf, partsOf } from './parts.js'
import { dateFor } from './dates.js'
import { mergeEvents } from './merge.js'
import { findVerbs } from '../quotes/verbs.js'
import { subjectOf } from '../quotes/speaker.js'

export interface EventInput {
  doc: Document
  view: string
  mentions: readonly Mention[]
  times: readonly TimeExpr[]
  quotes: readonly Quote[]
}

const YEAR_MS = 365 * 24 * 3600 * 1000

function eventId(docId: string, start: number, type: EventType): string {
  return createHash('sha256').update(`${docId}:${start}:${type}`).digest('hex').slice(0, 16)
}

export function findEvents(input: EventInput): Event[] {
  const { doc, view, mentions, times, quotes } = input
  const lex = eventLexicon()
  const events: Event[] = []
  const docTime = doc.published.at ? Date.parse(doc.published.at.slice(0, 10)) : NaN
  doc.sentences.forEach((s, si) => {
    const clauses = clausesOf(view, s)
    const ctx = { doc, view, times, sentences: doc.sentences, earlier: events }
    const make = (type: EventType, cameoCode: string, trigger: string, start: number, ci: number, ruleId: string, anchor = start): Event => {
      const clause = clauses[ci]!
      const { modality: cued } = modalityOf(view, clause, start)
      const parts = partsOf(view, type, anchor, clauses, ci, mentions)
      const date = dateFor(ctx, si, clause, start, cued !== 'historical' && cued !== 'hypothetical')
      let modality = cued
      if (modality === 'reported' && date.date && Number.isFinite(docTime) && docTime - Date.parse(date.date.padEnd(10, '-01').slice(0, 10)) > YEAR_MS) modality = 'historical'
      const cameo = lex.cameo.get(cameoCode)!
      let confidence = 0.6 + (date.source === 'text' ? 0.15 : 0) + (parts.actors.length >= 2 ? 0.15 : parts.actors.length ? 0.05 : -0.3)
      confidence = Math.max(0.05, Math.min(0.95, confidence))
      return {
        id: eventId(doc.id, start, type),
        type,
        cameo: { code: cameo.code, label: cameo.label, codebook: CAMEO_CODEBOOK },
        plover: cameo.plover,
        actors: parts.actors,
        date: date.date,
        datePrecision: date.precision,
        dateSource: date.source,
        dateRange: date.range,
        location: parts.location,
        modality,
        trigger,
        evidence: [{ start: s.start, end: s.end, sentence: si, ruleId, confidence }],
        confidence,
      }
    }
    const triggered = new Set<number>()
    for (const hit of findTriggers(view, s, clauses, mentions)) {
      triggered.add(hit.clause)
      events.push(make(hit.trigger.type, hit.trigger.cameo, hit.trigger.trigger, hit.start, hit.clause, `event.${hit.trigger.type}.${hit.trigger.trigger}`, hit.anchor))
    }
    // Reported speech: the sentence's first reporting verb outside quotation marks with a named subject.
    const quoted = (i: number): boolean => quotes.some((q) => q.start <= i && i < q.end)
    const verb = findVerbs(view, s.start, s.end).find((v) => v.kind !== 'report' && v.kind !== 'cite' && !quoted(v.start))
    if (verb) {
      const ci = clauses.findIndex((c) => c.start <= verb.start && verb.start < c.end)
      const c = clauses[ci]
      const who = c ? subjectOf(view, mentions, c.start, verb.start) : null
      if (who && !who.anonymous && !triggered.has(ci)) events.push(make('statement', '010', verb.verb, verb.start, ci, 'event.statement.reported-speech'))
    }
  })
  return mergeEvents(events)
}
