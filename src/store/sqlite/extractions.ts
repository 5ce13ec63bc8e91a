// The extraction side of the SQLite store: put (replacing a document's previous facts in one transaction),
// get, and the filtered lists behind `parley events` and `parley quotes`.
import type { Database } from 'better-sqlite3'
import { Event, Extraction, Mention, NumberFact, Quote, TimeExpr } from '../../core/index.js'
import type { EventFilter, EventPageFilter, PageOf, QuoteFilter, QuotePageFilter, StoredEvent, StoredQuote } from '../store.js'
import { z } from 'zod'

const Body = z.object({ times: z.array(TimeExpr), numbers: z.array(NumberFact) })

interface DocInfo {
  doc_id: string
  title: string
  published_at: string | null
}

export class Extractions {
  private readonly q

  constructor(private readonly db: Database) {
    this.q = {
      clear: ['extractions', 'mentions', 'events', 'quotes'].map((t) => db.prepare(`DELETE FROM ${t} WHERE doc_id = ?`)),
      putBody: db.prepare('INSERT INTO extractions (doc_id, extracted_at, body) VALUES (?, ?, ?)'),
      putMention: db.prepare('INSERT OR REPLACE INTO mentions (doc_id, start, end, surface, actor_id, name, type, how, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      putEvent: db.prepare('INSERT OR REPLACE INTO events (id, doc_id, type, cameo, date, body) VALUES (?, ?, ?, ?, ?, ?)'),
      putActor: db.prepare('INSERT INTO event_actors (event_id, actor_id, name, role) VALUES (?, ?, ?, ?)'),
      putQuote: db.prepare('INSERT OR REPLACE INTO quotes (doc_id, start, end, speaker_id, speaker, body) VALUES (?, ?, ?, ?, ?, ?)'),
      body: db.prepare('SELECT body FROM extractions WHERE doc_id = ?').pluck(),
      mentions: db.prepare('SELECT body FROM mentions WHERE doc_id = ? ORDER BY start').pluck(),
      events: db.prepare('SELECT body FROM events WHERE doc_id = ? ORDER BY rowid').pluck(),
      quotes: db.prepare('SELECT body FROM quotes WHERE doc_id = ? ORDER BY start').pluck(),
    }
  }

  put(ex: Extraction): void {
    const e = Extraction.parse(ex)
    this.db.transaction(() => {
      for (const c of this.q.clear) c.run(e.docId)
      this.q.putBody.run(e.docId, new Date().toISOString(), JSON.stringify({ times: e.times, numbers: e.numbers }))
      for (const m of e.mentions) this.q.putMention.run(e.docId, m.start, m.end, m.surface, m.actorId, m.name, m.type, m.how, JSON.stringify(m))
      for (const ev of e.events) {
        this.q.putEvent.run(ev.id, e.docId, ev.type, ev.cameo.code, ev.date, JSON.stringify(ev))
        for (const a of ev.actors) this.q.putActor.run(ev.id, a.actorId, a.name, a.role)
      }
      for (const q of e.quotes) this.q.putQuote.run(e.docId, q.start, q.end, q.speaker?.actorId ?? null, q.speaker?.name ?? null, JSON.stringify(q))
    }).immediate()
  }

  get(docId: string): Extraction | null {
    const body = this.q.body.get(docId) as string | undefined
    if (body === undefined) return null
    const b = Body.parse(JSON.parse(body))
    const parse = <T>(schema: z.ZodType<T>, rows: unknown[]): T[] => rows.map((r) => schema.parse(JSON.parse(r as string)))
    return {
      docId,
      ...b,
      mentions: parse(Mention, this.q.mentions.all(docId)),
      events: parse(Event, this.q.events.all(docId)),
      quotes: parse(Quote, this.q.quotes.all(docId)),
    }
  }

  listEvents(f: EventFilter): StoredEvent[] {
    const w = eventWhere(f)
    const sql = `SELECT e.body, d.id AS doc_id, d.title, d.published_at FROM events e JOIN documents d ON d.id = e.doc_id
      ${w.sql()} ORDER BY e.date IS NULL, e.date, e.rowid LIMIT ?`
    return this.withDocument(sql, [...w.args, f.limit ?? 200], Event)
  }

  /** How many events the filter matches, whatever its limit: a listing says how many it left out. */
  countEvents(f: EventFilter): number {
    const w = eventWhere(f)
    return this.db.prepare(`SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id ${w.sql()}`).pluck().get(...w.args) as number
  }

  listQuotes(f: QuoteFilter): StoredQuote[] {
    const w = quoteWhere(f)
    const sql = `SELECT q.body, d.id AS doc_id, d.title, d.published_at FROM quotes q JOIN documents d ON d.id = q.doc_id
      ${w.sql()} ORDER BY d.published_at IS NULL, d.published_at, q.start LIMIT ?`
    return this.withDocument(sql, [...w.args, f.limit ?? 200], Quote)
  }

  countQuotes(f: QuoteFilter): number {
    const w = quoteWhere(f)
    return this.db.prepare(`SELECT count(*) FROM quotes q JOIN documents d ON d.id = q.doc_id ${w.sql()}`).pluck().get(...w.args) as number
  }

  /** A page of events and the count of all matching, offset and limit in SQL (the modality sits in the JSON body). */
  pageEvents(f: EventPageFilter): PageOf<StoredEvent> {
    const w = eventWhere(f)
    const sql = `SELECT e.body, d.id AS doc_id, d.title, d.published_at FROM events e JOIN documents d ON d.id = e.doc_id
      ${w.sql()} ORDER BY e.date IS NULL, e.date, e.rowid LIMIT ? OFFSET ?`
    const total = this.db.prepare(`SELECT count(*) FROM events e JOIN documents d ON d.id = e.doc_id ${w.sql()}`).pluck().get(...w.args) as number
    return { total, items: this.withDocument(sql, [...w.args, f.limit ?? 200, f.offset ?? 0], Event) }
  }

  pageQuotes(f: QuotePageFilter): PageOf<StoredQuote> {
    const w = quoteWhere(f)
    const sql = `SELECT q.body, d.id AS doc_id, d.title, d.published_at FROM quotes q JOIN documents d ON d.id = q.doc_id
      ${w.sql()} ORDER BY d.published_at IS NULL, d.published_at, q.start LIMIT ? OFFSET ?`
    return { total: this.countQuotes(f), items: this.withDocument(sql, [...w.args, f.limit ?? 200, f.offset ?? 0], Quote) }
  }

  /** Rows of (body, document) parsed with the fact's schema and tagged with their document. */
  private withDocument<T>(sql: string, args: unknown[], schema: z.ZodType<T>): (T & { docId: string; docTitle: string; docPublished: string | null })[] {
    return (this.db.prepare(sql).all(...args) as (DocInfo & { body: string })[]).map((r) => ({
      ...schema.parse(JSON.parse(r.body)),
      docId: r.doc_id,
      docTitle: r.title,
      docPublished: r.published_at,
    }))
  }

  mentionCounts(): { actorId: string; name: string; type: string; mentions: number; documents: number; surfaces: string[] }[] {
    const rows = this.db
      .prepare(`SELECT actor_id, name, type, count(*) AS n, count(DISTINCT doc_id) AS docs, group_concat(DISTINCT surface) AS surfaces
        FROM mentions WHERE actor_id IS NOT NULL GROUP BY actor_id ORDER BY n DESC`)
      .all() as { actor_id: string; name: string; type: string; n: number; docs: number; surfaces: string }[]
    return rows.map((r) => ({ actorId: r.actor_id, name: r.name, type: r.type, mentions: r.n, documents: r.docs, surfaces: r.surfaces.split(',') }))
  }
}

function eventWhere(f: EventPageFilter): Where {
  const w = new Where()
  if (f.types?.length) w.add(`e.type IN (${f.types.map(() => '?').join(', ')})`, ...f.types)
  if (f.modalities?.length) w.add(`json_extract(e.body, '$.modality') IN (${f.modalities.map(() => '?').join(', ')})`, ...f.modalities)
  w.dateRange('e.date', f.since, f.until)
  if (f.actors?.length) {
    w.add(`e.id IN (SELECT event_id FROM event_actors WHERE ${f.actors.map(() => '(actor_id = ? OR name = ?)').join(' OR ')})`, ...f.actors.flatMap((a) => [a, a]))
  }
  return w
}

function quoteWhere(f: QuoteFilter): Where {
  const w = new Where()
  if (f.speakers?.length) w.add(`(${f.speakers.map(() => '(q.speaker_id = ? OR q.speaker = ?)').join(' OR ')})`, ...f.speakers.flatMap((x) => [x, x]))
  w.dateRange('d.published_at', f.since, f.until)
  return w
}

/** A WHERE clause built from optional filters, with its arguments in order. */
class Where {
  private readonly parts: string[] = []
  readonly args: unknown[] = []

  add(condition: string, ...args: unknown[]): void {
    this.parts.push(condition)
    this.args.push(...args)
  }

  /** since/until on an ISO column; a bound compares at its own precision: until 2025-02 keeps 2025-02-28. */
  dateRange(column: string, since: string | undefined, until: string | undefined): void {
    if (since) this.add(`${column} >= ?`, since)
    if (until) this.add(`substr(${column}, 1, length(?)) <= ?`, until, until)
  }

  sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : ''
  }
}
