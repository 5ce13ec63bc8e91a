// The record's side of the Store: the resolve stage's output, stored whole and read by filters. It is derived
// data: `recordStale()` says when documents or extractions changed since it was built.
import type { Anchor, Claim, MergedEvent, ReprintGroup, ResolvedRecord, Stance } from '../core/record.js'

/** Filters for merged events: a date range (at the bound's precision), actors by id or name (any of them). */
export interface RecordFilter {
  from?: string
  to?: string
  actors?: string[]
  limit?: number
}

export interface RecordStore {
  /** True when no record was built yet or documents or extractions changed since. */
  recordStale(): boolean
  /** Replaces the stored record in one transaction and marks it current. */
  putRecord(record: ResolvedRecord): void
  /** Merged events in date order (undated last). */
  listMergedEvents(filter?: RecordFilter): MergedEvent[]
  listReprints(): ReprintGroup[]
  listAnchors(): Anchor[]
  listClaims(): Claim[]
  /** Stances by actor (id or name, any of them) and issue id, ordered by issue, actor, date. */
  listStances(filter?: { actors?: string[]; issues?: string[] }): Stance[]
}
