// The rows of each CSV: one flat record per row of what the JSON (and the dashboard's table) shows.
import type { DocumentSummary, SearchHit } from '../store/store.js'
import type { Claim, Stance } from '../core/record.js'
import type { ActorRow, EventView, Network, QuoteView } from './read.js'
import type { LanedEvent, StanceMatrix } from './record.js'

const names = (e: EventView): string => e.actors.map((a) => `${a.name} (${a.role})`).join('; ')
const evidence = (e: EventView): string => [...new Set(e.evidence.map((x) => x.sentenceText))].join(' | ')

export const documents = (r: { items: DocumentSummary[] }) => ({
  name: 'documents',
  columns: ['id', 'published', 'precision', 'dateSource', 'format', 'script', 'chars', 'title', 'origin'],
  rows: r.items.map((d) => ({ id: d.id, published: d.published.at, precision: d.published.precision, dateSource: d.published.source, format: d.format, script: d.script, chars: d.chars, title: d.title, origin: d.origin })),
})

const eventRow = (e: EventView) => ({
  id: e.id,
  date: e.date,
  type: e.type,
  cameo: e.cameo.code,
  cameoLabel: e.cameo.label,
  modality: e.modality,
  actors: names(e),
  location: e.location?.name ?? '',
  trigger: e.trigger,
  documentId: e.document.id,
  documentTitle: e.document.title,
  published: e.document.published,
  evidence: evidence(e),
})
const EVENT_COLUMNS = ['id', 'date', 'type', 'cameo', 'cameoLabel', 'modality', 'actors', 'location', 'trigger', 'documentId', 'documentTitle', 'published', 'evidence']

export const events = (items: EventView[]) => ({ name: 'events', columns: EVENT_COLUMNS, rows: items.map(eventRow) })

const who = (a: { name: string; actorId: string | null } | null): string => (a ? a.name : '')

/** One row per merged event: its coded fields, the number of independent sources, the documents, the divergences. */
export const merged = (items: LanedEvent[]) => ({
  name: 'merged-events',
  columns: ['id', 'date', 'lane', 'modality', 'type', 'cameo', 'cameoLabel', 'source', 'target', 'participants', 'place', 'duration', 'sources', 'reports', 'documents', 'divergences', 'summaryEn', 'summaryZh'],
  rows: items.map((e) => ({
    id: e.id, date: e.date, lane: e.lane, modality: e.modality, type: e.type, cameo: e.cameo, cameoLabel: e.cameoLabel, source: who(e.source), target: who(e.target),
    participants: e.participants.map((a) => a.name).join('; '), place: e.place ?? '', duration: e.duration?.surface ?? '', sources: e.sources, reports: e.reports.length,
    documents: [...new Set(e.reports.map((r) => r.docId))].join(' '),
    divergences: e.divergences.map((d) => `${d.field}: ${d.accounts.map((a) => `${a.value} (${a.docIds.join(' ')})`).join(' vs ')}`).join('; '),
    summaryEn: e.summary.en, summaryZh: e.summary.zh,
  })),
})

const STANCE_COLUMNS = ['date', 'actor', 'actorId', 'country', 'issue', 'position', 'condition', 'cue', 'documentId', 'evidence']
const stanceRow = (s: Stance) => ({ date: s.date, actor: s.actor, actorId: s.actorId ?? '', country: s.country ?? '', issue: s.issue, position: s.position, condition: s.condition ?? '', cue: s.cue, documentId: s.docId, evidence: s.evidence })

/** The matrix as shown: one row per filled cell with the position at the matrix's date. */
export const matrix = (m: StanceMatrix) => {
  const name = new Map(m.rows.map((r) => [r.key, r.name]))
  return {
    name: 'stance-matrix',
    columns: ['at', 'row', 'issue', 'position', 'since', 'condition', 'changed', 'positionsRecorded', 'documentId', 'evidence'],
    rows: m.cells.filter((c) => c.current).map((c) => ({ at: m.at ?? '', row: name.get(c.row) ?? c.row, issue: c.issue, position: c.current!.position, since: c.current!.date ?? '', condition: c.current!.condition ?? '', changed: c.changed, positionsRecorded: c.history.length, documentId: c.current!.docId, evidence: c.current!.evidence })),
  }
}

export const stances = (items: Stance[]) => ({ name: 'stances', columns: STANCE_COLUMNS, rows: items.map(stanceRow) })

/** One row per account: the quantity, the figure in the canonical unit, as written, its qualifier, source and date. */
export const claims = (items: Claim[]) => ({
  name: 'claims',
  columns: ['quantity', 'unit', 'differs', 'date', 'dateInferred', 'value', 'qualifier', 'surface', 'documentId', 'reprintOf', 'sentence'],
  rows: items.flatMap((c) => c.accounts.map((a) => ({ quantity: c.quantity, unit: c.unit, differs: c.differs, date: a.date ?? '', dateInferred: a.dateInferred, value: a.value, qualifier: a.qualifier ?? '', surface: a.surface, documentId: a.docId, reprintOf: a.reprintOf ?? '', sentence: a.sentence }))),
})

export const quotes = (items: QuoteView[]) => ({
  name: 'quotes',
  columns: ['speaker', 'speakerId', 'anonymous', 'descriptor', 'verb', 'text', 'documentId', 'documentTitle', 'published'],
  rows: items.map((q) => ({ speaker: q.speaker?.name ?? '', speakerId: q.speaker?.actorId ?? '', anonymous: q.speaker?.anonymous ?? '', descriptor: q.speaker?.descriptor ?? '', verb: q.verb ?? '', text: q.text, documentId: q.document.id, documentTitle: q.document.title, published: q.document.published })),
})

export const actors = (items: ActorRow[]) => ({
  name: 'actors',
  columns: ['actorId', 'name', 'type', 'mentions', 'documents', 'events', 'quotes', 'spellings'],
  rows: items.map((a) => ({ actorId: a.actorId, name: a.name, type: a.type, mentions: a.mentions, documents: a.documents, events: a.events, quotes: a.quotes, spellings: a.surfaces })),
})

export const hits = (items: SearchHit[]) => ({
  name: 'search',
  columns: ['id', 'published', 'title', 'snippet'],
  rows: items.map((h) => ({ id: h.id, published: h.published.at, title: h.title, snippet: h.snippet })),
})

export const edges = (n: Network) => {
  const name = new Map(n.nodes.map((x) => [x.id, x.name]))
  return {
    name: 'network-edges',
    columns: ['source', 'sourceName', 'target', 'targetName', 'weight', 'reports', 'documents', 'types', 'eventIds'],
    rows: n.edges.map((e) => ({ source: e.source, sourceName: name.get(e.source), target: e.target, targetName: name.get(e.target), weight: e.weight, reports: e.reports, documents: e.documents, types: Object.entries(e.types).map(([t, k]) => `${t}:${k}`).join(' '), eventIds: e.eventIds.join(' ') })),
  }
}
