// The SQLite Store: one embedded file (or ':memory:' for tests), the default for a single machine.
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import Database from 'better-sqlite3'
import { fatalStoreProblem } from '../failures.js'
import { Document } from '../../core/document.js'
import { ParleyError } from '../../core/errors.js'
import {
  DEFAULT_LIST_LIMIT,
  DEFAULT_RUNS_LIMIT,
  DEFAULT_SEARCH_LIMIT,
  ListOptions,
  MIN_ID_PREFIX,
  SearchOptions,
  Sighting,
  type DocumentSummary,
  type FileRecord,
  type MatchView,
  type PutResult,
  type RawRecord,
  type RunSummary,
  type SearchHit,
  type Store,
} from '../store.js'
import { loadMigrations, migrate } from './migrate.js'
import { checked, documentColumns, documentFrom, summaryFrom, type DocumentRow, type ReferenceRow, type SummaryRow } from './rows.js'
import { Runs } from './runs.js'
import { Searcher } from './search.js'
import { Extractions } from './extractions.js'
import type { Extraction } from '../../core/extraction.js'
import type { ActorCount, EventFilter, EventPageFilter, PageOf, QuoteFilter, QuotePageFilter, StoredEvent, StoredQuote } from '../store.js'
import { statements, type Statements } from './statements.js'
import { RecordTables } from './record.js'
import { FeedTables } from './feeds.js'
import type { Feed, FeedItem, FeedUpdate } from '../feeds.js'
import type { Anchor, Claim, MergedEvent, ReprintGroup, ResolvedRecord, Stance } from '../../core/record.js'
import type { RecordFilter } from '../record.js'

export interface OpenOptions {
  /**
   * 'write' (the default) creates the file if needed and switches it to WAL; 'read' is for commands that only
   * read: the file must exist (a typo in --db is an error, not a new empty database) and its journal mode is
   * left as it is. Both refuse a SQLite file that is not parley's, without changing it.
   */
  mode?: 'read' | 'write'
}

/** How long a connection waits for another process's write lock before giving up. */
export const BUSY_TIMEOUT_MS = 30_000

/** Opens the database at path (creating it when writing) and brings its schema up to date. */
export function openSqliteStore(path: string, opts: OpenOptions = {}): Store {
  const mode = opts.mode ?? 'write'
  if (mode === 'read' && path !== ':memory:' && !existsSync(path)) {
    throw new ParleyError('store', path, 'no database here (ingest something first, or check --db and $PARLEY_DB)')
  }
  let db: Database.Database
  try {
    db = new Database(path, { fileMustExist: mode === 'read' && path !== ':memory:' })
  } catch (e) {
    throw new ParleyError('store', path, `cannot open the database: ${fatalStoreProblem(e) ?? (e as Error).message}`)
  }
  try {
    // First: every statement after this may have to wait for another process's lock.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`)
    const foreign = foreignTables(db)
    if (foreign) throw new ParleyError('store', path, foreign)
    if (!db.memory && mode === 'write') {
      // WAL lets readers (the API, the dashboard) run while an ingest writes; NORMAL is durable under WAL
      // except for the last transactions on power loss, which a re-run restores.
      db.pragma('journal_mode = WAL')
    }
    db.pragma('synchronous = NORMAL')
    db.pragma('foreign_keys = ON')
    migrate(db, loadMigrations())
    return new SqliteStore(path, db)
  } catch (e) {
    db.close()
    if (e instanceof ParleyError) throw e
    throw new ParleyError('store', path, fatalStoreProblem(e) ?? (e as Error).message)
  }
}

/**
 * Why this file is not parley's to change, or null: it holds tables but no parley migrations table. Checked
 * before anything is written (the journal mode included), so another application's database stays untouched.
 */
function foreignTables(db: Database.Database): string | null {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
  if (!tables.length) return null
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '')
  if (!tables.includes('schema_migrations')) return `not a parley database (it holds ${shown} and no parley migrations); refusing to change it`
  const columns = db.prepare("SELECT name FROM pragma_table_info('schema_migrations')").pluck().all() as string[]
  const first = columns.includes('name') && columns.includes('version') ? (db.prepare('SELECT name FROM schema_migrations WHERE version = 1').pluck().get() as string | undefined) : null
  if (first !== undefined && first !== '001_documents.sql') return `not a parley database (its schema_migrations table is another program's); refusing to change it`
  return null
}

const now = (): string => new Date().toISOString()

class SqliteStore implements Store {
  private readonly q: Statements
  private readonly runs: Runs
  private readonly searcher: Searcher
  private readonly extractions: Extractions
  private readonly record: RecordTables
  private readonly feeds: FeedTables

  constructor(
    readonly path: string,
    private readonly db: Database.Database,
  ) {
    this.q = statements(db)
    this.runs = new Runs(db)
    this.searcher = new Searcher(db)
    this.extractions = new Extractions(db)
    this.record = new RecordTables(db)
    this.feeds = new FeedTables(db)
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

  putExtraction(ex: Extraction): void {
    if (this.q.exists.get(ex.docId) === undefined) throw new ParleyError('store', ex.docId, 'no stored document with this id to attach an extraction to')
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

  pageEvents(filter: EventPageFilter): PageOf<StoredEvent> {
    return this.extractions.pageEvents(filter)
  }

  pageQuotes(filter: QuotePageFilter): PageOf<StoredQuote> {
    return this.extractions.pageQuotes(filter)
  }

  actorCounts(): ActorCount[] {
    return this.extractions.mentionCounts()
  }

  putDocument(doc: Document, raw: { bytes: Uint8Array }, match: MatchView): PutResult {
    const d = checked(Document, doc?.id ?? 'putDocument', doc)
    if (!(raw?.bytes instanceof Uint8Array)) throw new ParleyError('store', d.id, 'raw bytes must be a Uint8Array')
    return this.transaction(() => {
      const at = now()
      if (this.q.exists.get(d.id) !== undefined) {
        this.q.addOrigin.run(d.id, d.origin, d.part, at)
        return { status: 'known', id: d.id }
      }
      // The bytes of a document already known are not kept again: the first reading is the one reprocessing uses.
      const bytes = Buffer.from(raw.bytes.buffer, raw.bytes.byteOffset, raw.bytes.byteLength)
      const sha256 = createHash('sha256').update(bytes).digest('hex')
      this.q.putBlob.run(sha256, bytes, bytes.byteLength)
      this.q.insertDocument.run({ ...documentColumns(d), raw_sha256: sha256, ingested_at: at, updated_at: at })
      this.q.addOrigin.run(d.id, d.origin, d.part, at)
      this.insertReferences(d)
      this.q.insertMatch.run(d.id, match.title, match.text)
      return { status: 'new', id: d.id }
    })
  }

  getDocument(idOrPrefix: string): Document | null {
    const id = this.resolveId(idOrPrefix)
    if (id === null) return null
    const row = this.q.getDocument.get(id) as DocumentRow | undefined
    if (!row) return null
    return documentFrom(row, this.q.getReferences.all(id) as ReferenceRow[])
  }

  listOrigins(id: string): Sighting[] {
    const rows = this.q.listOrigins.all(id) as { origin: string; part: string | null; first_seen_at: string }[]
    return rows.map((r) => checked(Sighting, id, { origin: r.origin, part: r.part, firstSeenAt: r.first_seen_at }))
  }

  getRaw(id: string): RawRecord | null {
    const row = this.q.getRaw.get(id) as (Omit<RawRecord, 'bytes'> & { bytes: Buffer }) | undefined
    if (!row) return null
    // A plain Uint8Array view, not the Buffer subclass: callers compare and decode bytes, nothing more.
    const bytes = new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength)
    return { ...row, bytes, format: checked(Document.shape.format, id, row.format) }
  }

  replaceDocument(oldId: string, doc: Document, match: MatchView): PutResult {
    const d = checked(Document, doc?.id ?? 'replaceDocument', doc)
    return this.transaction(() => {
      const old = this.q.getKeep.get(oldId) as { raw_sha256: string; ingested_at: string } | undefined
      if (!old) throw new ParleyError('store', oldId, 'no such document to replace')
      const at = now()
      if (d.id === oldId) {
        this.q.updateDocument.run({ ...documentColumns(d), updated_at: at })
        this.q.deleteReferences.run(oldId)
        this.insertReferences(d)
        this.q.updateMatch.run(match.title, match.text, oldId)
        this.q.addOrigin.run(d.id, d.origin, d.part, at)
        return { status: 'known', id: d.id }
      }

      const merge = this.q.exists.get(d.id) !== undefined
      if (merge) {
        // The new reading equals a document already stored: that one stays, the old id's sightings join it.
        this.q.copyOrigins.run(d.id, oldId)
        this.q.deleteMatch.run(oldId)
      } else {
        this.q.insertDocument.run({ ...documentColumns(d), raw_sha256: old.raw_sha256, ingested_at: old.ingested_at, updated_at: at })
        this.q.copyOrigins.run(d.id, oldId)
        this.q.moveMatch.run(d.id, match.title, match.text, oldId)
        this.insertReferences(d)
      }
      this.q.addOrigin.run(d.id, d.origin, d.part, at)
      this.q.deleteOrigins.run(oldId)
      this.q.deleteReferences.run(oldId)
      this.q.deleteDocument.run(oldId)
      this.q.recordReplacement.run(oldId, d.id, at)
      return { status: merge ? 'known' : 'new', id: d.id }
    })
  }

  listDocuments(opts: ListOptions = {}): DocumentSummary[] {
    const o = checked(ListOptions, 'listDocuments options', opts)
    const rows = this.q.listDocuments.all({
      since: o.since ?? null,
      until: o.until ?? null,
      format: o.format ?? null,
      limit: o.limit ?? DEFAULT_LIST_LIMIT,
      offset: o.offset ?? 0,
    }) as SummaryRow[]
    return rows.map(summaryFrom)
  }

  countDocuments(opts?: ListOptions): number {
    if (!opts) return this.q.count.get() as number
    const o = checked(ListOptions, 'countDocuments options', opts)
    return this.q.countListed.get({ since: o.since ?? null, until: o.until ?? null, format: o.format ?? null }) as number
  }

  search(foldedQuery: string, opts: SearchOptions = {}): SearchHit[] {
    if (typeof foldedQuery !== 'string') throw new ParleyError('store', 'search', 'the query must be a string')
    const o = checked(SearchOptions, 'search options', opts)
    return this.searcher.search(foldedQuery, o.limit ?? DEFAULT_SEARCH_LIMIT)
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

  transaction<T>(fn: () => T): T {
    // IMMEDIATE: a deferred BEGIN that reads first cannot wait for the write lock later (SQLITE_BUSY at
    // once under WAL); taking the lock up front lets the busy timeout do its work.
    return this.db.transaction(fn).immediate()
  }

  close(): void {
    this.db.close()
  }

  /** An exact id, or the one id a prefix of at least MIN_ID_PREFIX characters names. */
  private resolveId(idOrPrefix: string): string | null {
    if (this.q.exists.get(idOrPrefix) !== undefined) return idOrPrefix
    if (idOrPrefix.length < MIN_ID_PREFIX) return null
    // A range on the primary key rather than LIKE, which would ignore case and treat _ and % as wildcards.
    const ids = this.q.idsWithPrefix.all(idOrPrefix, `${idOrPrefix}\u{10FFFF}`) as string[]
    if (ids.length > 1) {
      const shown = ids.slice(0, 10).join(', ') + (ids.length > 10 ? ', …' : '')
      throw new ParleyError('store', idOrPrefix, `id prefix matches more than one document (${shown}); give more characters`)
    }
    return ids[0] ?? null
  }

  private insertReferences(d: Document): void {
    for (const r of d.references) {
      try {
        this.q.insertReference.run({ doc_id: d.id, ...r })
      } catch (e) {
        throw new ParleyError('store', d.id, `reference ${r.n}: ${(e as Error).message}`)
      }
    }
  }
}
