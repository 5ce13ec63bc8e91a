// The record's read side, shared by the API and the dashboard: merged events (the timeline; one event with the
// sentence of each source's report), the stance matrix as of a date with each cell's history, and the claims.
// The stored record is rebuilt first when documents changed since it was built, so a page read after an
// ingest shows the new documents (the first read pays for the rebuild, later reads do not).
import type { EventType, Modality } from '../core/index.js'
import type { Claim, MergedEvent, Report, Stance } from '../core/record.js'
import { matchingForm } from '../normalize/matching.js'
import { ensureRecord } from '../pipeline/record.js'
import { loadResolveLexicon } from '../resolve/lexicon.js'
import type { Store } from '../store/store.js'
import { DEFAULT_TIMELINE_MODALITIES, Docs, actorKeys, laneOf, type Lane, type Paged } from './read.js'

export interface RecordQuery {
  actor?: string
  type?: EventType[]
  modality?: Modality[]
  since?: string
  until?: string
  statements?: boolean
}

export type LanedEvent = MergedEvent & { lane: Lane }

/** Merged events matching the filters, in date order (undated last). Plain statements only when asked or typed. */
export function mergedEvents(store: Store, q: RecordQuery): LanedEvent[] {
  ensureRecord(store)
  const rows = store.listMergedEvents({ from: q.since, to: q.until, actors: q.actor ? actorKeys(q.actor) : undefined })
  const modalities = q.modality?.length ? q.modality : DEFAULT_TIMELINE_MODALITIES
  const typeOk = (t: EventType): boolean => (q.type?.length ? q.type.includes(t) : q.statements === true || t !== 'statement')
  return rows.filter((e) => modalities.includes(e.modality) && typeOk(e.type)).map((e) => ({ ...e, lane: laneOf(e.modality) }))
}

export interface RecordTimeline {
  /** Dated merged events in date order, each on its lane (happened or planned). */
  events: LanedEvent[]
  /** Matching events with no date: listed, not drawn. */
  undated: LanedEvent[]
  first: string | null
  last: string | null
}

export function recordTimeline(store: Store, q: RecordQuery): RecordTimeline {
  const all = mergedEvents(store, q)
  const events = all.filter((e) => e.date)
  return { events, undated: all.filter((e) => !e.date), first: events[0]?.date ?? null, last: events.at(-1)?.date ?? null }
}

/** A report with the sentence of its document that holds its evidence span, for the highlighted view. */
export type ReportView = Report & { sentenceText: string; sentenceStart: number }
export type MergedEventView = Omit<LanedEvent, 'reports'> & { reports: ReportView[] }

export function withSentences(docs: Docs, e: LanedEvent): MergedEventView {
  return {
    ...e,
    reports: e.reports.map((r) => {
      const d = docs.get(r.docId)
      const s = d?.sentences.find((x) => x.start <= r.start && r.start < x.end)
      return s && d ? { ...r, sentenceText: d.text.slice(s.start, s.end), sentenceStart: s.start } : { ...r, sentenceText: r.sentence, sentenceStart: r.start }
    }),
  }
}

export function mergedEventsPage(store: Store, q: RecordQuery, limit: number, offset: number): Paged<MergedEventView> {
  const all = mergedEvents(store, q)
  const docs = new Docs(store)
  return { total: all.length, limit, offset, items: all.slice(offset, offset + limit).map((e) => withSentences(docs, e)) }
}

export function mergedEvent(store: Store, id: string): MergedEventView | null {
  ensureRecord(store)
  const e = store.listMergedEvents().find((x) => x.id === id)
  return e ? withSentences(new Docs(store), { ...e, lane: laneOf(e.modality) }) : null
}

/** The merged event a document's own event (its extraction id) went into. */
export function mergedEventOf(store: Store, extractionId: string): MergedEvent | null {
  ensureRecord(store)
  return store.listMergedEvents().find((e) => e.reports.some((r) => r.extractionId === extractionId)) ?? null
}

export interface Issue {
  id: string
  label: string
}

/** The issues of lexicon/issues.tsv in file order, with their English labels. */
export function issueList(): Issue[] {
  const seen = new Map<string, string>()
  for (const i of loadResolveLexicon().issues) if (!seen.has(i.issue)) seen.set(i.issue, i.label)
  return [...seen].map(([id, label]) => ({ id, label }))
}

export interface StanceCell {
  row: string
  issue: string
  /** The latest position on or before the matrix's date; null when none was recorded by then. */
  current: Stance | null
  /** Every position recorded in this cell, oldest first (undated ones first); the page script replays it. */
  history: Stance[]
  /** The position at the matrix's date differs from an earlier one in the cell. */
  changed: boolean
}

export interface StanceMatrix {
  /** The date the matrix is shown at, or null for the latest of everything. */
  at: string | null
  /** Every date some position in the matrix was recorded at, oldest first: the slider's steps. */
  dates: string[]
  byCountry: boolean
  rows: { key: string; name: string; actorId: string | null; country: string | null }[]
  issues: Issue[]
  cells: StanceCell[]
}

export interface StanceQuery {
  actor?: string
  issue?: string[]
  at?: string
  i?: number
  byCountry?: boolean
}

const byDate = (a: Stance, b: Stance): number => (a.date ?? '').localeCompare(b.date ?? '')
/** On or before a date given at any precision: 2025-02 keeps 2025-02-28. Undated positions always count. */
export const asOf = (s: Stance, at: string | null): boolean => at === null || s.date === null || s.date.slice(0, at.length) <= at

export function stanceMatrix(store: Store, q: StanceQuery): StanceMatrix {
  ensureRecord(store)
  const all = store.listStances({ actors: q.actor ? actorKeys(q.actor) : undefined, issues: q.issue?.length ? q.issue : undefined }).sort(byDate)
  const dates = [...new Set(all.map((s) => s.date).filter((d): d is string => !!d))].sort()
  const at = q.at ?? (q.i !== undefined && dates.length ? dates[Math.min(q.i, dates.length - 1)]! : null)
  const byCountry = q.byCountry === true
  const rowOf = (s: Stance): { key: string; name: string; actorId: string | null; country: string | null } =>
    byCountry ? { key: s.country ?? s.actorId ?? s.actor, name: s.country ?? s.actor, actorId: null, country: s.country } : { key: s.actorId ?? s.actor, name: s.actor, actorId: s.actorId, country: s.country }
  const rows = new Map<string, StanceMatrix['rows'][number]>()
  const cells = new Map<string, Stance[]>()
  for (const s of all) {
    const r = rowOf(s)
    rows.set(r.key, rows.get(r.key) ?? r)
    const k = `${r.key}\u0000${s.issue}`
    cells.set(k, [...(cells.get(k) ?? []), s])
  }
  const used = new Set(all.map((s) => s.issue))
  const issues = issueList().filter((i) => used.has(i.id))
  for (const id of used) if (!issues.some((i) => i.id === id)) issues.push({ id, label: id })
  // By country, then name; actors of no known country last.
  const sortedRows = [...rows.values()].sort((a, b) => Number(!a.country) - Number(!b.country) || (a.country ?? '').localeCompare(b.country ?? '') || a.name.localeCompare(b.name))
  return {
    at,
    dates,
    byCountry,
    rows: sortedRows,
    issues,
    cells: [...cells].map(([k, history]) => {
      const [row, issue] = k.split('\u0000') as [string, string]
      const seen = history.filter((s) => asOf(s, at))
      return { row, issue, current: seen.at(-1) ?? null, history, changed: new Set(seen.map((s) => s.position)).size > 1 }
    }),
  }
}

/** Every position one actor (or, by country, every actor of one country) took on one issue, oldest first. */
export function stanceHistory(store: Store, q: { actor?: string; country?: string; issue: string }): Stance[] {
  ensureRecord(store)
  const rows = store.listStances({ actors: q.actor ? actorKeys(q.actor) : undefined, issues: [q.issue] })
  return rows.filter((s) => !q.country || s.country === q.country || (!s.country && s.actor === q.country)).sort(byDate)
}

/** Claims whose quantity names the words given (in either script), or all. */
export function claims(store: Store, q: { quantity?: string }): Claim[] {
  ensureRecord(store)
  const all = store.listClaims()
  if (!q.quantity) return all
  const want = matchingForm(q.quantity)
  return all.filter((c) => matchingForm(c.quantity).includes(want))
}
