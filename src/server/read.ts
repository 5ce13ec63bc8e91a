// The read side the API and the dashboard share: Store calls composed into the shapes a reader needs (events with
// their document and evidence sentence, an actor with its spellings, roles, events and quotes, the
// meeting network; the record, merged events, stances and claims, is record.ts). Pure functions over a Store;
// nothing here knows about HTTP or HTML.
import type { Document, EventType, Modality, Mention, NumberFact, Quote, TimeExpr } from '../core/index.js'
import { actorProfile } from '../extract/mentions/catalog.js'
import { lookupActors } from '../extract/mentions/lookup.js'
import { loadActorLexicon } from '../extract/mentions/lexicon.js'
import { searchDocuments } from '../pipeline/search.js'
import type { ActorCount, DocumentSummary, SearchHit, Sighting, Store, StoredEvent, StoredQuote } from '../store/store.js'

/** Lists the store cannot page (actors, an actor's events) are read whole and paged here. */
const ALL = 1_000_000

export interface Paged<T> {
  total: number
  limit: number
  offset: number
  items: T[]
}

export function page<T>(rows: T[], limit: number, offset: number): Paged<T> {
  return { total: rows.length, limit, offset, items: rows.slice(offset, offset + limit) }
}

/** Documents read once per request: an event list touches the same few documents many times. */
export class Docs {
  private readonly cache = new Map<string, Document | null>()
  constructor(readonly store: Store) {}
  get(id: string): Document | null {
    if (!this.cache.has(id)) this.cache.set(id, this.store.getDocument(id))
    return this.cache.get(id) ?? null
  }
  sentence(id: string, n: number): { start: number; end: number; text: string } | null {
    const d = this.get(id)
    const s = d?.sentences[n]
    return d && s ? { start: s.start, end: s.end, text: d.text.slice(s.start, s.end) } : null
  }
}

export interface DocRef {
  id: string
  title: string
  published: string | null
}

/** An event as a reader sees it: where it was reported and the sentence(s) that report it, the evidence span inside each. */
export type EventView = Omit<StoredEvent, 'docId' | 'docTitle' | 'docPublished' | 'evidence'> & {
  document: DocRef
  evidence: (StoredEvent['evidence'][number] & { sentenceStart: number; sentenceEnd: number; sentenceText: string })[]
}

export function eventView(docs: Docs, e: StoredEvent): EventView {
  const { docId, docTitle, docPublished, evidence, ...rest } = e
  return {
    ...rest,
    document: { id: docId, title: docTitle, published: docPublished },
    evidence: evidence.map((ev) => {
      const s = docs.sentence(docId, ev.sentence)
      return { ...ev, sentenceStart: s?.start ?? ev.start, sentenceEnd: s?.end ?? ev.end, sentenceText: s?.text ?? '' }
    }),
  }
}

export type QuoteView = Omit<StoredQuote, 'docId' | 'docTitle' | 'docPublished'> & { document: DocRef; sentenceText: string }

export function quoteView(docs: Docs, q: StoredQuote): QuoteView {
  const { docId, docTitle, docPublished, ...rest } = q
  return { ...rest, document: { id: docId, title: docTitle, published: docPublished }, sentenceText: docs.sentence(docId, q.sentence)?.text ?? '' }
}

/**
 * The keys the store filters actors by (ids and canonical names), for a name written any way: an alias in any
 * script or region (川普, 普丁), a Latin name, an id. A name the lexicon does not know is passed as written.
 */
export function actorKeys(name: string): string[] {
  const keys = new Set([name.trim()])
  for (const a of lookupActors(loadActorLexicon(process.env.PARLEY_LEXICON ?? null), name).actors) {
    keys.add(a.id)
    keys.add(a.name)
  }
  return [...keys]
}

export interface EventQuery {
  actor?: string
  type?: EventType[]
  modality?: Modality[]
  since?: string
  until?: string
}

export function events(store: Store, q: EventQuery): EventView[] {
  const docs = new Docs(store)
  const rows = store.listEvents({ actors: q.actor ? actorKeys(q.actor) : undefined, types: q.type?.length ? q.type : undefined, since: q.since, until: q.until, limit: ALL })
  const keep = q.modality?.length ? rows.filter((e) => q.modality!.includes(e.modality)) : rows
  return keep.map((e) => eventView(docs, e))
}

/** One page of events: offset, limit and count in the database where the store can (pageEvents). */
export function eventsPage(store: Store, q: EventQuery, limit: number, offset: number): Paged<EventView> {
  if (!store.pageEvents) return page(events(store, q), limit, offset)
  const p = store.pageEvents({ actors: q.actor ? actorKeys(q.actor) : undefined, types: q.type?.length ? q.type : undefined, modalities: q.modality?.length ? q.modality : undefined, since: q.since, until: q.until, limit, offset })
  const docs = new Docs(store)
  return { total: p.total, limit, offset, items: p.items.map((e) => eventView(docs, e)) }
}

export function event(store: Store, id: string): EventView | null {
  // Events are few per document; the store has no lookup by id yet, so the list is scanned.
  const e = store.listEvents({ limit: ALL }).find((x) => x.id === id)
  return e ? eventView(new Docs(store), e) : null
}

/**
 * Reports of the same type on the same date from every document, as each codes them: listed side by side so a
 * reader can compare the coding (the merged event, record.ts, is what resolve made of them).
 */
export function sameDayReports(store: Store, e: Pick<EventView, 'id' | 'type' | 'date'>): EventView[] {
  if (!e.date) return []
  return events(store, { type: [e.type], since: e.date, until: e.date }).filter((x) => x.date === e.date && x.id !== e.id)
}

export function quotes(store: Store, q: { speaker?: string; since?: string; until?: string }): QuoteView[] {
  const docs = new Docs(store)
  return store.listQuotes({ speakers: q.speaker ? actorKeys(q.speaker) : undefined, since: q.since, until: q.until, limit: ALL }).map((x) => quoteView(docs, x))
}

export function quotesPage(store: Store, q: { speaker?: string; since?: string; until?: string }, limit: number, offset: number): Paged<QuoteView> {
  if (!store.pageQuotes) return page(quotes(store, q), limit, offset)
  const p = store.pageQuotes({ speakers: q.speaker ? actorKeys(q.speaker) : undefined, since: q.since, until: q.until, limit, offset })
  const docs = new Docs(store)
  return { total: p.total, limit, offset, items: p.items.map((x) => quoteView(docs, x)) }
}

/** One page of documents, newest first: the store lists and counts them with the same filters. */
export function documents(store: Store, q: { since?: string; until?: string }, limit: number, offset: number): Paged<DocumentSummary> {
  const f = { since: q.since, until: q.until }
  return { total: store.countDocuments(f), limit, offset, items: store.listDocuments({ ...f, limit, offset }) }
}

export interface DocumentDetail {
  document: Document
  sightings: Sighting[]
  extracted: boolean
  mentions: Mention[]
  times: TimeExpr[]
  numbers: NumberFact[]
  quotes: Quote[]
  events: EventView[]
}

export function documentDetail(store: Store, idOrPrefix: string): DocumentDetail | null {
  const document = store.getDocument(idOrPrefix)
  if (!document) return null
  const ex = store.getExtraction(document.id)
  const docs = new Docs(store)
  const evs = (ex?.events ?? []).map((e) => eventView(docs, { ...e, docId: document.id, docTitle: document.title, docPublished: document.published.at }))
  return {
    document,
    sightings: store.listOrigins(document.id),
    extracted: ex !== null,
    mentions: ex?.mentions ?? [],
    times: ex?.times ?? [],
    numbers: ex?.numbers ?? [],
    quotes: ex?.quotes ?? [],
    events: evs,
  }
}

export interface ActorRow extends ActorCount {
  events: number
  quotes: number
}

export function actors(store: Store): ActorRow[] {
  const evs = store.listEvents({ limit: ALL })
  const qs = store.listQuotes({ limit: ALL })
  const evCount = new Map<string, number>()
  for (const e of evs) for (const id of new Set(e.actors.map((a) => a.actorId).filter((x): x is string => !!x))) evCount.set(id, (evCount.get(id) ?? 0) + 1)
  const qCount = new Map<string, number>()
  for (const q of qs) if (q.speaker?.actorId) qCount.set(q.speaker.actorId, (qCount.get(q.speaker.actorId) ?? 0) + 1)
  return store.actorCounts().map((a) => ({ ...a, events: evCount.get(a.actorId) ?? 0, quotes: qCount.get(a.actorId) ?? 0 }))
}

export interface ActorDetail {
  actor: { id: string; name: string; type: string; country: string | null; wikidata: string | null; known: boolean }
  /** Spellings written in the stored documents (by name, not by pronoun or role noun), most used first. */
  spellingsSeen: { surface: string; count: number }[]
  /** Words that refer back to the actor (他, 俄总统), found by coreference. */
  corefSurfaces: { surface: string; count: number }[]
  mentions: number
  corefMentions: number
  documents: number
  /** Every alias the lexicon knows, by region (cn, tw, hk, sg, any). */
  lexiconAliases: Record<string, string[]>
  /** Offices with their dates, from the lexicon. */
  offices: { role: string; from: string | null; until: string | null }[]
  /** How the actor takes part in the stored events. */
  eventRoles: { source: number; target: number; participant: number }
  events: EventView[]
  quotes: QuoteView[]
}

export type ActorLookup = { found: ActorDetail } | { ambiguous: { id: string; name: string }[] } | { missing: true }

export function actorDetail(store: Store, name: string): ActorLookup {
  // The shipped lexicon (with $PARLEY_LEXICON's overlay when set): the same resolver as the command line.
  const lex = loadActorLexicon(process.env.PARLEY_LEXICON ?? null)
  const known = lookupActors(lex, name).actors
  if (known.length > 1) return { ambiguous: known.map((a) => ({ id: a.id, name: a.name })) }
  const counts = store.actorCounts()
  const q = name.trim()
  const seen = known[0] ? counts.find((c) => c.actorId === known[0]!.id) : counts.find((c) => c.actorId === q || c.name === q || c.surfaces.includes(q))
  const id = known[0]?.id ?? seen?.actorId
  if (!id) return { missing: true }
  const profile = known[0] ? actorProfile(lex, known[0]) : null
  const keys = [id]
  const evs = events(store, { actor: id }).filter((e) => e.actors.some((a) => a.actorId === id))
  const roles = { source: 0, target: 0, participant: 0 }
  for (const e of evs) for (const a of e.actors) if (a.actorId === id) roles[a.role]++
  const docs = new Docs(store)
  const qs = store.listQuotes({ speakers: keys, limit: ALL }).filter((x) => x.speaker?.actorId === id).map((x) => quoteView(docs, x))
  const a = profile?.actor
  const seenAs = spellings(store, id)
  return {
    found: {
      actor: { id, name: a?.name ?? seen?.name ?? q, type: a?.type ?? seen?.type ?? 'person', country: a?.country ?? null, wikidata: a?.wikidata ?? null, known: !!a },
      spellingsSeen: seenAs.named,
      corefSurfaces: seenAs.coref,
      mentions: seenAs.named.reduce((n, x) => n + x.count, 0),
      corefMentions: seenAs.coref.reduce((n, x) => n + x.count, 0),
      documents: seenAs.documents,
      lexiconAliases: profile?.aliases ?? {},
      offices: (profile?.roles ?? []).map((r) => ({ role: r.role, from: r.from, until: r.until })),
      eventRoles: roles,
      events: evs,
      quotes: qs,
    },
  }
}

/**
 * How an actor is written across the stored documents. The store has no mention query by actor yet, so every
 * document's extraction is read: fine for thousands of documents, a store query when there are more.
 */
function spellings(store: Store, actorId: string): { named: { surface: string; count: number }[]; coref: { surface: string; count: number }[]; documents: number } {
  const named = new Map<string, number>()
  const coref = new Map<string, number>()
  let documents = 0
  for (const d of store.listDocuments({ limit: ALL })) {
    const ms = (store.getExtraction(d.id)?.mentions ?? []).filter((m) => m.actorId === actorId)
    if (ms.length) documents++
    for (const m of ms) {
      const into = m.how === 'coref' ? coref : named
      into.set(m.surface, (into.get(m.surface) ?? 0) + 1)
    }
  }
  const sorted = (m: Map<string, number>) => [...m].map(([surface, count]) => ({ surface, count })).sort((a, b) => b.count - a.count || (a.surface < b.surface ? -1 : 1))
  return { named: sorted(named), coref: sorted(coref), documents }
}

export function search(store: Store, q: string, limit: number): SearchHit[] {
  return searchDocuments(store, q, { limit })
}

/** Planned events sit on their own lane; reported and historical ones are what happened. */
export type Lane = 'happened' | 'planned' | 'other'
export const laneOf = (m: Modality): Lane => (m === 'planned' ? 'planned' : m === 'reported' || m === 'historical' ? 'happened' : 'other')
export const DEFAULT_TIMELINE_MODALITIES: Modality[] = ['reported', 'historical', 'planned']

export { network, DEFAULT_NETWORK_TYPES, type Network, type NetworkEdge, type NetworkNode } from './network.js'
