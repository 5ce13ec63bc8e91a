// The rows of each CSV: one flat record per row of what the JSON (and the dashboard's table) shows.
import type { DocumentSummary, SearchHit } from '../store/store.js'
import type { ActorRow, EventView, Lane, Network, QuoteView } from './read.js'

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

export const timeline = (items: (EventView & { lane: Lane })[]) => ({ name: 'timeline', columns: ['lane', ...EVENT_COLUMNS], rows: items.map((e) => ({ lane: e.lane, ...eventRow(e) })) })

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
    columns: ['source', 'sourceName', 'target', 'targetName', 'weight', 'documents', 'types'],
    rows: n.edges.map((e) => ({ source: e.source, sourceName: name.get(e.source), target: e.target, targetName: name.get(e.target), weight: e.weight, documents: e.documents, types: Object.entries(e.types).map(([t, k]) => `${t}:${k}`).join(' ') })),
  }
}
