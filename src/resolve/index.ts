// resolve: many documents and their extractions -> the record. Pure: no database, no files; the lexicon comes in
// as lookups. Steps: group reprints; read each document's reports; merge reports across documents; anchor the
// undated documents on the events they share; resolve their bare days against the anchor and merge again.
import type { Document } from '../core/document.js'
import type { Extraction } from '../core/extraction.js'
import type { MergedEvent, RecordActor, Report, ResolvedRecord } from '../core/record.js'
import { matchingView } from '../normalize/matching.js'
import { anchors, resolveBareDay } from './anchor.js'
import { mergedEvent, type CameoInfo } from './event.js'
import type { ResolveLexicon } from './lexicon.js'
import { cluster, placesAgree, type Item } from './merge.js'
import { findReprints } from './reprints.js'
import { reportsOf } from './reports.js'
import { restatements } from './restated.js'
import { claims } from './claims.js'
import { stances } from './stances.js'

export interface ResolveInput {
  documents: Document[]
  extractions: Extraction[]
  lexicon: ResolveLexicon
  /** CAMEO code -> label and PLOVER type (lexicon/cameo.tsv); the code itself when absent. */
  cameo?: (code: string) => CameoInfo
}

export function resolve(input: ResolveInput): ResolvedRecord {
  const { lexicon: lex } = input
  const byDoc = new Map(input.extractions.map((e) => [e.docId, e]))
  const docs = input.documents.filter((d) => byDoc.has(d.id))
  const reprints = findReprints(docs.map((d) => ({ docId: d.id, text: matchingView(d.text).text, published: d.published.at })))
  const originalOf = new Map<string, string>()
  for (const g of reprints) for (const id of g.docIds.slice(1)) originalOf.set(id, g.docIds[0]!)

  const items: Item[] = []
  for (const d of docs) {
    const { reports, keys } = reportsOf(d, byDoc.get(d.id)!, lex)
    reports.forEach((r, i) => {
      const placeId = keys[i]!.placeId
      items.push({ report: { ...r, reprintOf: originalOf.get(d.id) ?? null }, key: keys[i]!, placeCountry: placeId ? lex.actor(placeId)?.country ?? null : null })
    })
  }
  const cameo = input.cameo ?? ((code: string) => ({ label: code, plover: null }))
  const zhName = (a: RecordActor): string => (a.actorId ? lex.actor(a.actorId)?.zh : null) ?? a.name
  const samePlace = (p: string, q: string): boolean => {
    const id = (name: string): Item | undefined => items.find((i) => i.report.place === name)
    const [a, b] = [id(p), id(q)]
    return !a || !b ? p === q : placesAgree(a, b)
  }
  const build = (its: Item[]): MergedEvent[] => uniqueIds(clusterWithRestatements(its).map((c) => mergedEvent(c.map((i) => its[i]!.report), lex, cameo, zhName, samePlace)))

  const first = build(items)
  const undated = new Set(docs.filter((d) => !d.published.at).map((d) => d.id))
  const found = anchors(undated, first)
  const byAnchor = new Map(found.map((a) => [a.docId, a]))
  const events = found.length ? build(items.map((i) => ({ ...i, report: resolveBareDay(i.report, byAnchor.get(i.report.docId)) }))) : first
  // Claims and stances are dated by the document, or by its suggested range where it states no date.
  const dated = docs.map((doc) => {
    const anchor = byAnchor.get(doc.id)
    const date = doc.published.at?.slice(0, 10) ?? anchor?.start ?? null
    return { doc, ex: byDoc.get(doc.id)!, date, dateInferred: !doc.published.at && !!anchor, reprintOf: originalOf.get(doc.id) ?? null }
  })
  return { events: sortEvents(events), reprints, anchors: found, claims: claims(dated), stances: stances(dated, lex) }
}

/** Clusters of item indices; a document's restatement of an event (restated.ts) rides with the report it restates. */
function clusterWithRestatements(items: Item[]): number[][] {
  const restating = restatements(items)
  const rest = items.map((_, i) => i).filter((i) => !restating.has(i))
  const clusters = cluster(rest.map((i) => items[i]!)).map((c) => c.map((k) => rest[k]!))
  const clusterOf = new Map<number, number[]>()
  for (const c of clusters) for (const i of c) clusterOf.set(i, c)
  // Restatements go last: where votes tie (type, dyad), the reports that date the event to its day win.
  for (const [i, host] of restating) {
    const c = clusterOf.get(host)
    if (c) c.push(i)
    else clusters.push([i]) // its host restates another in turn: kept on its own
  }
  return clusters
}

/** Two events with one key (rare: the same dyad met twice on a day in different places) get distinct ids. */
function uniqueIds(events: MergedEvent[]): MergedEvent[] {
  const seen = new Map<string, number>()
  return events.map((e) => {
    const n = seen.get(e.id) ?? 0
    seen.set(e.id, n + 1)
    return n ? { ...e, id: `${e.id}-${n + 1}` } : e
  })
}

function sortEvents(events: MergedEvent[]): MergedEvent[] {
  return [...events].sort((a, b) => {
    if (a.date !== b.date) return a.date === null ? 1 : b.date === null ? -1 : a.date < b.date ? -1 : 1
    return a.id < b.id ? -1 : 1
  })
}

export type { Report }
