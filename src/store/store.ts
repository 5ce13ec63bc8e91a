// The Store interface: the only way the rest of parley reaches the database. SQLite implements it now,
// PostgreSQL later; both must pass the same conformance suite (./conformance.ts).
// Values that cross into the CLI or the HTTP API are zod schemas, so those shells validate against one definition.
import { z } from 'zod'
import { Format, Published, Script, type Document } from '../core/document.js'
import type { Event, EventType, Extraction, Modality, Quote } from '../core/extraction.js'
import type { FeedStore } from './feeds.js'
import type { RecordStore } from './record.js'

export const PutResult = z.object({ status: z.enum(['new', 'known']), id: z.string() })
export type PutResult = z.infer<typeof PutResult>

export const DocumentSummary = z.object({
  id: z.string(),
  origin: z.string(),
  part: z.string().nullable(),
  format: Format,
  title: z.string(),
  published: Published,
  script: Script,
  chars: z.number().int().nonnegative(), // length of the text in Unicode code points
  ingestedAt: z.string(),
})
export type DocumentSummary = z.infer<typeof DocumentSummary>

/** Search snippets mark each hit as «hit»: guillemets almost never occur in Chinese news text. */
export const SNIPPET_OPEN = '«'
export const SNIPPET_CLOSE = '»'

export const SearchHit = z.object({
  id: z.string(),
  title: z.string(),
  snippet: z.string(), // from the matching view, hits marked with SNIPPET_OPEN / SNIPPET_CLOSE
  published: Published,
})
export type SearchHit = z.infer<typeof SearchHit>

export const FileStatus = z.enum(['new', 'known', 'failed', 'empty'])
export type FileStatus = z.infer<typeof FileStatus>

/** One input file of a run. `status` is 'new' when the file added at least one document. */
export const FileRecord = z.object({
  path: z.string(),
  /** For a URL: the URL the answer came from after redirects, when it differs from `path`. */
  finalUrl: z.string().optional(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex SHA-256'),
  status: FileStatus,
  documents: z.number().int().nonnegative(),
  reason: z.string().nullable(),
})
export type FileRecord = z.infer<typeof FileRecord>

/** newDocs/knownDocs sum `documents` over the run's files with status new/known. */
export const RunSummary = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  inputs: z.array(z.string()),
  newDocs: z.number().int().nonnegative(),
  knownDocs: z.number().int().nonnegative(),
  failedFiles: z.number().int().nonnegative(),
})
export type RunSummary = z.infer<typeof RunSummary>

/**
 * since/until compare against `published.at` at the precision of the bound given: until '2025-02-18' keeps
 * '2025-02-18T07:27Z'. Documents without a date are left out when either bound is set.
 */
export const ListOptions = z.object({
  limit: z.number().int().positive().optional(),
  offset: z.number().int().nonnegative().optional(),
  since: z.string().optional(),
  until: z.string().optional(),
  format: Format.optional(),
})
export type ListOptions = z.infer<typeof ListOptions>

/** One place a document was seen: the same article in a second file or feed is recorded, not duplicated. */
export const Sighting = z.object({ origin: z.string(), part: z.string().nullable(), firstSeenAt: z.string() })
export type Sighting = z.infer<typeof Sighting>

export const SearchOptions = z.object({ limit: z.number().int().positive().optional() })
export type SearchOptions = z.infer<typeof SearchOptions>

export const DEFAULT_LIST_LIMIT = 50
export const DEFAULT_SEARCH_LIMIT = 20
export const DEFAULT_RUNS_LIMIT = 20
/** Shorter prefixes would match too many ids to be useful on a command line. */
export const MIN_ID_PREFIX = 4

export interface RawRecord {
  bytes: Uint8Array
  origin: string
  part: string | null
  format: Format
  encoding: string
}

/** The matching view of a document: simplified script, folded the way search queries are folded. */
export interface MatchView {
  title: string
  text: string
}

/** Filters for stored events: actors by id or canonical name (any of them), types, a date range. */
export interface EventFilter {
  actors?: string[]
  types?: EventType[]
  since?: string
  until?: string
  limit?: number
}
export interface QuoteFilter {
  speakers?: string[]
  since?: string
  until?: string
  limit?: number
}
/** A page of a filtered list, with how many rows the whole list holds: both counted in the database. */
export interface PageOf<T> {
  total: number
  items: T[]
}
export interface EventPageFilter extends EventFilter {
  modalities?: Modality[]
  offset?: number
}
export interface QuotePageFilter extends QuoteFilter {
  offset?: number
}
export type StoredEvent = Event & { docId: string; docTitle: string; docPublished: string | null }
export type StoredQuote = Quote & { docId: string; docTitle: string; docPublished: string | null }
export interface ActorCount {
  actorId: string
  name: string
  type: string
  mentions: number
  documents: number
  surfaces: string[]
}

export interface Store extends RecordStore, FeedStore {
  readonly path: string
  /** Stores a document with the bytes it was read from. The same id again adds nothing but the (origin, part) it was seen at, and returns 'known'. */
  putDocument(doc: Document, raw: { bytes: Uint8Array }, match: MatchView): PutResult
  /** By id, or by a unique id prefix of at least MIN_ID_PREFIX characters; throws when a prefix is ambiguous, listing the ids it matches. */
  getDocument(idOrPrefix: string): Document | null
  /** The bytes a document was first read from, with how they were read. */
  getRaw(id: string): RawRecord | null
  /** Every (origin, part) the document was seen at, the first sighting first; empty when the id is not stored. */
  listOrigins(id: string): Sighting[]
  /**
   * Reprocessing: replace a stored document by a new reading of its raw bytes, in one transaction. The id may
   * change if the text changed; raw bytes, ingest time and every (origin, part) are kept. 'new' when the new id
   * was not stored before, 'known' when it was (the same id, or another document the new reading now equals,
   * into which the old one is merged). Throws when oldId is not stored.
   */
  replaceDocument(oldId: string, doc: Document, match: MatchView): PutResult
  /** Newest publication first; undated documents last. */
  listDocuments(opts?: ListOptions): DocumentSummary[]
  /** All stored documents, or those a listing with these filters (limit and offset aside) would show. */
  countDocuments(opts?: ListOptions): number
  /**
   * Full-text search over the matching view; the caller folds the query the same way. Whitespace separates
   * terms, all of which must occur. Best match first.
   */
  search(foldedQuery: string, opts?: SearchOptions): SearchHit[]
  beginRun(inputs: string[]): number
  recordFile(runId: number, rec: FileRecord): void
  /** For resuming an interrupted run: true when a file with these bytes was already fully handled (status new/known/empty). */
  fileDone(sha256: string): boolean
  finishRun(runId: number): RunSummary
  /** Newest first. */
  listRuns(limit?: number): RunSummary[]
  /** Failed files, of one run or of all runs, in the order they were recorded. */
  listFailures(runId?: number): FileRecord[]
  /** Stores what the extract stage read from a document, replacing its previous extraction in one transaction. */
  putExtraction(ex: Extraction): void
  getExtraction(docId: string): Extraction | null
  listEvents(filter?: EventFilter): StoredEvent[]
  listQuotes(filter?: QuoteFilter): StoredQuote[]
  /** How many rows listEvents / listQuotes would give without a limit. */
  countEvents(filter?: EventFilter): number
  countQuotes(filter?: QuoteFilter): number
  /**
   * One page of the events listEvents would give (in its order; modalities filtered too) and their count,
   * offset and limit applied in the database. Optional until every store has it: callers without it list all.
   */
  pageEvents?(filter: EventPageFilter): PageOf<StoredEvent>
  /** One page of the quotes listQuotes would give, and their count; optional like pageEvents. */
  pageQuotes?(filter: QuotePageFilter): PageOf<StoredQuote>
  /** Actors mentioned in stored documents, most mentioned first. */
  actorCounts(): ActorCount[]
  /**
   * Runs fn in one write transaction (nested calls become savepoints); a throw rolls everything in it back.
   * The write lock is taken at the start (SQLite's BEGIN IMMEDIATE, waiting while another process writes), so
   * fn should only write: do slow work (reading, extracting) before.
   */
  transaction<T>(fn: () => T): T
  close(): void
}
