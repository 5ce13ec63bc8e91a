// The extraction contract (../shared/gold/README.md): what `parley extract --format json` prints and the
// scoring scripts read. Extra fields are allowed and kept: spans, rule ids, confidences.
import type { Document, Event, Extraction, NumberFact } from '../core/index.js'

export interface ContractDocument {
  path: string
  id: string
  title: string
  published: string | null
  publishedAt: Document['published']
  script: Document['script']
  events: unknown[]
  negatedEvents: unknown[]
  oneSidedEvents: unknown[]
  hypotheticalEvents: unknown[]
  backgroundEvents: unknown[]
  quotes: unknown[]
  mentions: unknown[]
  numbers: unknown[]
  times: unknown[]
}

const sentenceOf = (doc: Document, start: number): string => {
  const s = doc.sentences.find((x) => x.start <= start && start < x.end)
  return s ? doc.text.slice(s.start, s.end) : ''
}

/**
 * A number is printed as stated, and again in its canonical unit when that differs (一个半小时 is also
 * 90 minutes), marked `form: 'canonical'`, so claims in different units can be compared row by row.
 */
function numberRows(doc: Document, n: NumberFact): unknown[] {
  const base = { surface: n.surface, qualifier: n.qualifier, about: n.about, counted: n.counted ?? null, range: n.range ?? null, start: n.start, end: n.end, ruleId: n.ruleId, confidence: n.confidence, evidence: sentenceOf(doc, n.start) }
  const rows: unknown[] = [{ ...base, value: n.value, unit: n.unit, form: 'stated' }]
  if (n.normalized) rows.push({ ...base, value: n.normalized.value, unit: n.normalized.unit, form: 'canonical' })
  return rows
}

function eventRow(doc: Document, e: Event): unknown {
  const first = e.evidence[0]!
  return {
    id: e.id,
    date: e.date,
    datePrecision: e.datePrecision,
    dateSource: e.dateSource,
    type: e.type,
    cameo: e.cameo.code,
    cameoLabel: e.cameo.label,
    plover: e.plover,
    modality: e.modality,
    actors: e.actors.map((a) => ({ name: a.name, country: a.country, id: a.actorId, role: a.role, cameo: a.cameo ?? null, wikidata: a.wikidata ?? null })),
    location: e.location?.name ?? null,
    trigger: e.trigger,
    evidence: doc.text.slice(first.start, first.end),
    spans: e.evidence.map((x) => ({ start: x.start, end: x.end, ruleId: x.ruleId })),
    confidence: e.confidence,
  }
}

export function toContract(path: string, doc: Document, ex: Extraction): ContractDocument {
  return {
    path,
    id: doc.id,
    title: doc.title,
    published: doc.published.at ? doc.published.at.slice(0, 10) : null,
    publishedAt: doc.published,
    script: doc.script,
    // What happened or is scheduled; what did not happen (未会晤) or only might (可能通话) is kept apart, and so
    // is undated background (曾承诺…, 先前已排除…, 多次排除…): an event record needs a time to stand on.
    events: ex.events.filter((e) => !e.oneSided && e.modality !== 'negated' && e.modality !== 'hypothetical' && !(e.modality === 'historical' && !e.date)).map((e) => eventRow(doc, e)),
    // An interaction with one side only (the other left out or not recognised) is kept apart: a record row
    // needs both ends of its dyad.
    oneSidedEvents: ex.events.filter((e) => e.oneSided && e.modality !== 'negated' && e.modality !== 'hypothetical').map((e) => eventRow(doc, e)),
    backgroundEvents: ex.events.filter((e) => e.modality === 'historical' && !e.date).map((e) => eventRow(doc, e)),
    negatedEvents: ex.events.filter((e) => e.modality === 'negated').map((e) => eventRow(doc, e)),
    hypotheticalEvents: ex.events.filter((e) => e.modality === 'hypothetical').map((e) => eventRow(doc, e)),
    quotes: ex.quotes.map((q) => ({
      text: q.text,
      speaker: q.speaker ? { name: q.speaker.name, country: q.speaker.country, id: q.speaker.actorId, anonymous: q.speaker.anonymous, descriptor: q.speaker.descriptor } : null,
      verb: q.verb,
      start: q.start,
      end: q.end,
      ruleId: q.ruleId,
      confidence: q.confidence,
      evidence: sentenceOf(doc, q.start),
    })),
    mentions: ex.mentions.map((m) => ({
      surface: m.surface, name: m.name, id: m.actorId, type: m.type, country: m.country, cameo: m.cameo ?? null, wikidata: m.wikidata ?? null,
      start: m.start, end: m.end, how: m.how, unresolved: m.unresolved, ...(m.inferred ? { inferred: true } : {}), ...(m.guess ? { guess: m.guess } : {}),
      ...(m.parties ? { parties: m.parties } : {}), ruleId: m.ruleId, confidence: m.confidence,
    })),
    numbers: ex.numbers.flatMap((n) => numberRows(doc, n)),
    times: ex.times.map((t) => ({ surface: t.surface, value: t.value, precision: t.precision, range: t.range, kind: t.kind, unresolved: t.unresolved, start: t.start, end: t.end, ruleId: t.ruleId })),
  }
}
