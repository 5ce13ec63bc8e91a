// The PostgreSQL Store: for a team's shared server, where many `parley worker` processes on many machines write
// at once. It answers exactly as the SQLite store does (both run ../conformance.ts). Synchronous, through
// libpq: see ./pg.ts for why. Concurrent writers are safe without a global lock: a document is inserted with
// ON CONFLICT DO NOTHING, so two processes storing the same article at once get one 'new' and one 'known'.
import { PgFeeds } from './feeds.js'
import type { Feed, FeedItem, FeedUpdate } from '../feeds.js'
import { createHash } from 'node:crypto'
import { Document } from '../../core/document.js'
import { ParleyError } from '../../core/errors.js'
import type { Extraction } from '../../core/extraction.js'
import type { Anchor, Claim, MergedEvent, ReprintGroup, ResolvedRecord, Stance } from '../../core/record.js'
import type { RecordFilter } from '../record.js'
import {
  DEFAULT_LIST_LIMIT,
  DEFAULT_RUNS_LIMIT,
  DEFAULT_SEARCH_LIMIT,
  ListOptions,
  MIN_ID_PREFIX,
  SearchOptions,
  Sighting,
  type ActorCount,
  type DocumentSummary,
  type EventFilter,
  type FileRecord,
  type MatchView,
  type PutResult,
  type QuoteFilter,
  type RawRecord,
  type RunSummary,
  type SearchHit,
  type Store,
  type StoredEvent,
  type StoredQuote,
} from '../store.js'
import { checked, documentColumns, documentFrom, summaryFrom, type DocumentRow, type ReferenceRow, type SummaryRow } from '../sqlite/rows.js'
import { PgExtractions } from './extractions.js'
import { foreignTables, loadPgMigrations, migratePg } from './migrate.js'
import { Connection, redactDatabaseUrl } from './pg.js'
import { PgRecord } from './record.js'
import { PgRuns } from './runs.js'
import { matchGrams, searchPg } from './search.js'

export interface PgOpenOptions {
  /**
   * The schema to use (created when missing). By default the connection's own search_path decides, which a URL
   * can set: postgres://host/db?options=-csearch_path%3Dparley.
   */
  schema?: string
}

const COLUMNS = [
  'id', 'origin', 'part', 'format', 'url', 'outlet', 'lang', 'title',
  'published_at', 'published_precision', 'published_source', 'published_raw',
  'script', 'encoding', 'text', 'sentences',
] as const
const SETTABLE = COLUMNS.filter((c) => c !== 'id')
const REF_COLUMNS = ['doc_id', 'n', 'outlet', 'title', 'date', 'accessed', 'language', 'url', 'raw'] as const

const list = (names: readonly string[], from = 1): string => names.map((_, i) => `$${i + from}`).join(', ')
const now = (): string => new Date().toISOString()

/** Connects to url, brings the schema up to date, and returns the store. */
export function openPostgresStore(url: string, opts: PgOpenOptions = {}): PostgresStore {
  const shown = redactDatabaseUrl(url)
  const db = new Connection(url)
  try {
    db.exec('SET client_min_messages = warning')
    if (opts.schema !== undefined) {
      if (!/^[a-z_][a-z0-9_]*$/.test(opts.schema)) throw new ParleyError('store', shown, `schema name ${JSON.stringify(opts.schema)}: use lower-case letters, digits and _`)
      db.exec(`CREATE SCHEMA IF NOT EXISTS ${opts.schema}; SET search_path = ${opts.schema}`)
    }
    if (db.value<string | null>('SELECT current_schema()') == null) {
      throw new ParleyError('store', shown, 'no schema to work in: the search_path names none that exists (create it, or set another)')
    }
    const foreign = foreignTables(db, shown)
    if (foreign) throw new ParleyError('store', shown, foreign.slice(shown.length + 2))
    migratePg(db, loadPgMigrations(), shown)
    return new PostgresStore(shown, db)
  } catch (e) {
    db.close()
    if (e instanceof ParleyError) throw e
    throw new ParleyError('store', shown, (e as Error).message)
  }
}

export class PostgresStore implements Store {
  private readonly runs: PgRuns
  private readonly extractions: PgExtractions
  private readonly record: PgRecord
  private readonly feeds: PgFeeds

  constructor(
    readonly path: string,
    /** The connection, for the work queue (./queue.ts), which shares it. */
    readonly db: Connection,
  ) {
    this.runs = new PgRuns(db)
    this.extractions = new PgExtractions(db)
    this.record = new PgRecord(db)
    this.feeds = new PgFeeds(db)
  }

  addFeed(url: string, title?: string | null): { feed: Feed; added: boolean } {
    return this.feeds.addFeed(url, title)
  }
  getFeed(idOrUrl: number | string): Feed | null {
    return this.feeds.getFeed(idOrUrl)
  }
  listFeeds(): Feed[] {
    return this.feeds.listFeeds()
  }
  removeFeed(id: number): boolean {
    return this.feeds.removeFeed(id)
  }
  updateFeed(id: number, update: FeedUpdate): Feed {
    return this.feeds.updateFeed(id, update)
  }
  dueFeeds(at: string, ids?: readonly number[]): Feed[] {
    return this.feeds.dueFeeds(at, ids)
  }
  getFeedItem(feedId: number, key: string): FeedItem | null {
    return this.feeds.getFeedItem(feedId, key)
  }
  putFeedItem(feedId: number, item: Pick<FeedItem, 'key' | 'contentSha256' | 'docId' | 'status' | 'tries'>): FeedItem {
    return this.feeds.putFeedItem(feedId, item)
  }

  putDocument(doc: Document, raw: { bytes: Uint8Array }, match: MatchView): PutResult {
    const d = checked(Document, doc?.id ?? 'putDocument', doc)
    if (!(raw?.bytes instanceof Uint8Array)) throw new ParleyError('store', d.id, 'raw bytes must be a Uint8Array')
    return this.transaction(() => {
      const at = now()
      const sha256 = createHash('sha256').update(raw.bytes).digest('hex')
      // Cheap test first: a known document's bytes are not sent again (the first reading is the one kept).
      if (!this.exists(d.id)) {
        this.db.all('INSERT INTO blobs (sha256, bytes, size) VALUES ($1, $2, $3) ON CONFLICT (sha256) DO NOTHING', [sha256, raw.bytes, raw.bytes.byteLength])
        const c = { ...documentColumns(d), raw_sha256: sha256, ingested_at: at, updated_at: at }
        const names = [...COLUMNS, 'raw_sha256', 'ingested_at', 'updated_at'] as const
        // Another process may have stored the same document since the test above: then it is simply known.
        const inserted = this.db.all(`INSERT INTO documents (${names.join(', ')}) VALUES (${list(names)}) ON CONFLICT (id) DO NOTHING RETURNING id`, names.map((n) => c[n]))
        if (inserted.length) {
          this.addOrigin(d.id, d.origin, d.part, at)
          this.insertReferences(d)
          this.db.all('INSERT INTO document_match (doc_id, title, text, grams) VALUES ($1, $2, $3, $4)', [d.id, match.title, match.text, matchGrams(match.title, match.text)])
          return { status: 'new', id: d.id }
        }
      }
      this.addOrigin(d.id, d.origin, d.part, at)
      return { status: 'known', id: d.id }
    })
  }

  getDocument(idOrPrefix: string): Document | null {
    const id = this.resolveId(idOrPrefix)
    if (id === null) return null
    const row = this.db.get<DocumentRow>('SELECT * FROM documents WHERE id = $1', [id])
    if (!row) return null
    return documentFrom(row, this.db.all<ReferenceRow>(`SELECT ${REF_COLUMNS.join(', ')} FROM document_references WHERE doc_id = $1 ORDER BY n`, [id]))
  }

  getRaw(id: string): RawRecord | null {
    const row = this.db.get<Omit<RawRecord, 'bytes'> & { bytes: Buffer }>(
      'SELECT b.bytes, d.origin, d.part, d.format, d.encoding FROM documents d JOIN blobs b ON b.sha256 = d.raw_sha256 WHERE d.id = $1',
      [id],
    )
    if (!row) return null
    const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength)
    return { ...row, bytes, format: checked(Document.shape.format, id, row.format) }
  }

  listOrigins(id: string): Sighting[] {
    const rows = this.db.all<{ origin: string; part: string | null; first_seen_at: string }>(
      'SELECT origin, part, first_seen_at FROM document_origins WHERE doc_id = $1 ORDER BY first_seen_at, seq',
      [id],
    )
    return rows.map((r) => checked(Sighting, id, { origin: r.origin, part: r.part, firstSeenAt: r.first_seen_at }))
  }

  replaceDocument(oldId: string, doc: Document, match: MatchView): PutResult {
    const d = checked(Document, doc?.id ?? 'replaceDocument', doc)
    return this.transaction(() => {
      // FOR UPDATE: a second process replacing the same document waits for this one instead of racing it.
      const old = this.db.get<{ raw_sha256: string; ingested_at: string }>('SELECT raw_sha256, ingested_at FROM documents WHERE id = $1 FOR UPDATE', [oldId])
      if (!old) throw new ParleyError('store', oldId, 'no such document to replace')
      const at = now()
      const grams = matchGrams(match.title, match.text)
      if (d.id === oldId) {
        const c = documentColumns(d)
        this.db.all(`UPDATE documents SET ${SETTABLE.map((n, i) => `${n} = $${i + 1}`).join(', ')}, updated_at = $${SETTABLE.length + 1} WHERE id = $${SETTABLE.length + 2}`, [...SETTABLE.map((n) => c[n]), at, oldId])
        this.db.all('DELETE FROM document_references WHERE doc_id = $1', [oldId])
        this.insertReferences(d)
        this.db.all('UPDATE document_match SET title = $1, text = $2, grams = $3 WHERE doc_id = $4', [match.title, match.text, grams, oldId])
        this.addOrigin(d.id, d.origin, d.part, at)
        return { status: 'known', id: d.id }
      }
      const merge = this.exists(d.id)
      if (!merge) {
        const c = { ...documentColumns(d), raw_sha256: old.raw_sha256, ingested_at: old.ingested_at, updated_at: at }
        const names = [...COLUMNS, 'raw_sha256', 'ingested_at', 'updated_at'] as const
        this.db.all(`INSERT INTO documents (${names.join(', ')}) VALUES (${list(names)})`, names.map((n) => c[n]))
        this.db.all('UPDATE document_match SET doc_id = $1, title = $2, text = $3, grams = $4 WHERE doc_id = $5', [d.id, match.title, match.text, grams, oldId])
        this.insertReferences(d)
      }
      // The old id's sightings join the new one, in the order they were first seen.
      this.db.all(
        `INSERT INTO document_origins (doc_id, origin, part, first_seen_at)
         SELECT $1, origin, part, first_seen_at FROM document_origins WHERE doc_id = $2 ORDER BY seq
         ON CONFLICT (doc_id, origin, (coalesce(part, ''))) DO NOTHING`,
        [d.id, oldId],
      )
      this.addOrigin(d.id, d.origin, d.part, at)
      // Deleting the old document takes its sightings, references and (when merged) matching view with it.
      this.db.all('DELETE FROM documents WHERE id = $1', [oldId])
      this.db.all('INSERT INTO document_replacements (old_id, new_id, replaced_at) VALUES ($1, $2, $3)', [oldId, d.id, at])
      return { status: merge ? 'known' : 'new', id: d.id }
    })
  }

  listDocuments(opts: ListOptions = {}): DocumentSummary[] {
    const o = checked(ListOptions, 'listDocuments options', opts)
    const rows = this.db.all<SummaryRow>(
      `SELECT id, origin, part, format, title, published_at, published_precision, published_source, published_raw,
              script, char_length(text) AS chars, ingested_at
       FROM documents ${LISTED}
       ORDER BY published_at IS NULL, published_at DESC, ingested_at DESC, id
       LIMIT $4::bigint OFFSET $5::bigint`,
      [o.since ?? null, o.until ?? null, o.format ?? null, o.limit ?? DEFAULT_LIST_LIMIT, o.offset ?? 0],
    )
    return rows.map(summaryFrom)
  }

  countDocuments(opts?: ListOptions): number {
    if (!opts) return this.db.value<number>('SELECT count(*)::int FROM documents')!
    const o = checked(ListOptions, 'countDocuments options', opts)
    return this.db.value<number>(`SELECT count(*)::int FROM documents ${LISTED}`, [o.since ?? null, o.until ?? null, o.format ?? null])!
  }

  search(foldedQuery: string, opts: SearchOptions = {}): SearchHit[] {
    if (typeof foldedQuery !== 'string') throw new ParleyError('store', 'search', 'the query must be a string')
    const o = checked(SearchOptions, 'search options', opts)
    return searchPg(this.db, foldedQuery, o.limit ?? DEFAULT_SEARCH_LIMIT)
  }

  beginRun(inputs: string[]): number {
    return this.runs.begin(inputs)
  }

  recordFile(runId: number, rec: FileRecord): void {
    this.runs.record(runId, rec)
  }

  fileDone(sha256: string): boolean {
    return this.runs.done(sha256)
  }

  finishRun(runId: number): RunSummary {
    return this.runs.finish(runId)
  }

  listRuns(limit: number = DEFAULT_RUNS_LIMIT): RunSummary[] {
    return this.runs.list(limit)
  }

  listFailures(runId?: number): FileRecord[] {
    return this.runs.failures(runId)
  }

  putExtraction(ex: Extraction): void {
    if (!this.exists(ex.docId)) throw new ParleyError('store', ex.docId, 'no stored document with this id to attach an extraction to')
    this.extractions.put(ex)
  }

  getExtraction(docId: string): Extraction | null {
    return this.extractions.get(docId)
  }

  listEvents(filter: EventFilter = {}): StoredEvent[] {
    return this.extractions.listEvents(filter)
  }

  listQuotes(filter: QuoteFilter = {}): StoredQuote[] {
    return this.extractions.listQuotes(filter)
  }

  countEvents(filter: EventFilter = {}): number {
    return this.extractions.countEvents(filter)
  }

  countQuotes(filter: QuoteFilter = {}): number {
    return this.extractions.countQuotes(filter)
  }

  actorCounts(): ActorCount[] {
    return this.extractions.mentionCounts()
  }

  recordStale(): boolean {
    return this.record.recordStale()
  }

  putRecord(r: ResolvedRecord): void {
    this.record.putRecord(r)
  }

  listMergedEvents(filter: RecordFilter = {}): MergedEvent[] {
    return this.record.listMergedEvents(filter)
  }

  listReprints(): ReprintGroup[] {
    return this.record.listReprints()
  }

  listAnchors(): Anchor[] {
    return this.record.listAnchors()
  }

  listClaims(): Claim[] {
    return this.record.listClaims()
  }

  listStances(filter: { actors?: string[]; issues?: string[] } = {}): Stance[] {
    return this.record.listStances(filter)
  }

  /** Nested calls become savepoints. Unlike SQLite there is no database-wide write lock to take first: rows are locked as they are written. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)
  }

  close(): void {
    this.db.close()
  }

  private exists(id: string): boolean {
    return this.db.get('SELECT 1 FROM documents WHERE id = $1', [id]) !== undefined
  }

  private addOrigin(id: string, origin: string, part: string | null, at: string): void {
    this.db.all(
      `INSERT INTO document_origins (doc_id, origin, part, first_seen_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (doc_id, origin, (coalesce(part, ''))) DO NOTHING`,
      [id, origin, part, at],
    )
  }

  /** An exact id, or the one id a prefix of at least MIN_ID_PREFIX characters names. */
  private resolveId(idOrPrefix: string): string | null {
    if (this.exists(idOrPrefix)) return idOrPrefix
    if (idOrPrefix.length < MIN_ID_PREFIX) return null
    // A byte range on the primary key (ids are COLLATE "C") rather than LIKE, where _ and % are wildcards.
    const ids = this.db.all<{ id: string }>('SELECT id FROM documents WHERE id >= $1 AND id < $2 ORDER BY id LIMIT 11', [idOrPrefix, `${idOrPrefix}\u{10FFFF}`]).map((r) => r.id)
    if (ids.length > 1) {
      const shown = ids.slice(0, 10).join(', ') + (ids.length > 10 ? ', …' : '')
      throw new ParleyError('store', idOrPrefix, `id prefix matches more than one document (${shown}); give more characters`)
    }
    return ids[0] ?? null
  }

  private insertReferences(d: Document): void {
    for (const r of d.references) {
      const row: Record<(typeof REF_COLUMNS)[number], string | number | null> = { doc_id: d.id, ...r }
      try {
        this.db.all(`INSERT INTO document_references (${REF_COLUMNS.join(', ')}) VALUES (${list(REF_COLUMNS)})`, REF_COLUMNS.map((c) => row[c]))
      } catch (e) {
        throw new ParleyError('store', d.id, `reference ${r.n}: ${(e as Error).message}`)
      }
    }
  }
}

// until compares at the bound's own precision, so until '2025-02-18' keeps '2025-02-18T07:27Z'.
const LISTED = `
  WHERE ($1::text IS NULL OR published_at >= $1::text)
    AND ($2::text IS NULL OR substr(published_at, 1, length($2::text)) <= $2::text)
    AND ($3::text IS NULL OR format = $3::text)`
