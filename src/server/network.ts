// The meeting network of the read side: who met, called or visited whom, from the merged events of the record
// (one meeting reported by three articles is one event, one unit of an edge's weight).
import type { EventType } from '../core/index.js'
import type { RecordActor } from '../core/record.js'
import { ensureRecord } from '../pipeline/record.js'
import type { Store } from '../store/store.js'

export interface NetworkNode {
  id: string
  name: string
  type: string
  /** Events this actor takes part in, among those drawn. */
  events: number
}
export interface NetworkEdge {
  source: string
  target: string
  /** Merged events naming both actors: one meeting is one, however many articles report it. */
  weight: number
  /** Reports of those events, and the documents they come from. */
  reports: number
  documents: number
  types: Partial<Record<EventType, number>>
  eventIds: string[]
}
export interface Network {
  nodes: NetworkNode[]
  edges: NetworkEdge[]
  /** Actors left out to keep the drawing readable (the least connected). */
  omitted: number
}

export const DEFAULT_NETWORK_TYPES: EventType[] = ['call', 'meeting', 'visit']

export function network(store: Store, q: { type?: EventType[]; actorType?: string[]; since?: string; until?: string; nodes: number }): Network {
  const types = q.type?.length ? q.type : DEFAULT_NETWORK_TYPES
  const kinds = new Set(q.actorType?.length ? q.actorType : ['person'])
  ensureRecord(store)
  const rows = store.listMergedEvents({ from: q.since, to: q.until }).filter((e) => types.includes(e.type) && (e.modality === 'reported' || e.modality === 'historical'))
  const nodes = new Map<string, NetworkNode>()
  const edges = new Map<string, NetworkEdge & { docs: Set<string> }>()
  for (const e of rows) {
    const actors: RecordActor[] = [...(e.source ? [e.source] : []), ...(e.target ? [e.target] : []), ...e.participants]
    const people = [...new Map(actors.filter((a) => a.actorId && kinds.has(a.type)).map((a) => [a.actorId!, a])).values()]
    for (const a of people) {
      const n = nodes.get(a.actorId!) ?? { id: a.actorId!, name: a.name, type: a.type, events: 0 }
      n.events++
      nodes.set(n.id, n)
    }
    for (let i = 0; i < people.length; i++) {
      for (let j = i + 1; j < people.length; j++) {
        const [s, t] = [people[i]!.actorId!, people[j]!.actorId!].sort() as [string, string]
        const key = `${s}\u0000${t}`
        const edge = edges.get(key) ?? { source: s, target: t, weight: 0, reports: 0, documents: 0, types: {}, eventIds: [], docs: new Set<string>() }
        edge.weight++
        edge.reports += e.reports.length
        edge.types[e.type] = (edge.types[e.type] ?? 0) + 1
        edge.eventIds.push(e.id)
        for (const r of e.reports) edge.docs.add(r.docId)
        edges.set(key, edge)
      }
    }
  }
  // The most connected actors are kept: weighted degree, then events, then name for a stable order.
  const degree = new Map<string, number>()
  for (const e of edges.values()) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + e.weight)
  const ranked = [...nodes.values()]
    .filter((n) => degree.has(n.id))
    .sort((a, b) => (degree.get(b.id)! - degree.get(a.id)!) || b.events - a.events || (a.name < b.name ? -1 : 1))
  const kept = ranked.slice(0, q.nodes)
  const keep = new Set(kept.map((n) => n.id))
  const out = [...edges.values()]
    .filter((e) => keep.has(e.source) && keep.has(e.target))
    .map(({ docs, ...e }) => ({ ...e, documents: docs.size }))
    .sort((a, b) => b.weight - a.weight || (a.source + a.target < b.source + b.target ? -1 : 1))
  return { nodes: kept, edges: out, omitted: ranked.length - kept.length }
}
