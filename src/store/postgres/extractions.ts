// The extraction side of the PostgreSQL store: the same answers as the SQLite store's extractions.ts.
import { z } from 'zod'
import { Event, Extraction, Mention, NumberFact, Quote, TimeExpr } from '../../core/index.js'
import type { ActorCount, EventFilter, QuoteFilter, StoredEvent, StoredQuote } from '../store.js'
import type { Connection, Param } from './pg.js'

const Body = z.object({ times: z.array(TimeExpr), numbers: z.array(NumberFact) })

export class PgExtractions {
  constructor(private readonly db: Connection) {}

  put(ex: Extraction): void {
    const e = Extraction.parse(ex)
    const db = this.db
    db.transaction(() => {
      for (const t of ['extractions', 'mentions', 'events', 'quotes']) db.all(`DELETE FROM ${t} WHERE doc_id = $1`, [e.docId])
      db.all('INSERT INTO extractions (doc_id, extracted_at, body) VALUES ($1, $2, $3)', [e.docId, new Date().toISOString(), JSON.stringify({ times: e.times, numbers: e.numbers })])
      for (const m of e.mentions) {
        db.all(
          `INSERT INTO mentions (doc_id, span_start, span_end, surface, actor_id, name, type, how, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
           ON CONFLICT (doc_id, span_start, span_end) DO UPDATE SET surface = excluded.surface, actor_id = excluded.actor_id,
             name = excluded.name, type = excluded.type, how = excluded.how, body = excluded.body`,
          [e.docId, m.start, m.end, m.surface, m.actorId, m.name, m.type, m.how, JSON.stringify(m)],
        )
      }
      for (const ev of e.events) {
        // SQLite's INSERT OR REPLACE: a repeated id replaces the row and its actors, and goes to the end.
        db.all('DELETE FROM events WHERE id = $1', [ev.id])
        db.all('INSERT INTO events (id, doc_id, type, cameo, date, body) VALUES ($1, $2, $3, $4, $5, $6)', [ev.id, e.docId, ev.type, ev.cameo.code, ev.date, JSON.stringify(ev)])
        for (const a of ev.actors) db.all('INSERT INTO event_actors (event_id, actor_id, name, role) VALUES ($1, $2, $3, $4)', [ev.id, a.actorId, a.name, a.role])
      }
      for (const q of e.quotes) {
        db.all(
          `INSERT INTO quotes (doc_id, span_start, span_end, speaker_id, speaker, body) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (doc_id, span_start) DO UPDATE SET span_end = excluded.span_end, speaker_id = excluded.speaker_id,
             speaker = excluded.speaker, body = excluded.body`,
          [e.docId, q.start, q.end, q.speaker?.actorId ?? null, q.speaker?.name ?? null, JSON.stringify(q)],
        )
      }
    })
  }

  get(docId: string): Extraction | null {
    const body = this.db.value<string>('SELECT body FROM extractions WHERE doc_id = $1', [docId])
    if (body === undefined) return null
    const b = Body.parse(JSON.parse(body))
    const bodies = <T>(schema: z.ZodType<T>, sql: string): T[] => this.db.all<{ body: string }>(sql, [docId]).map((r) => schema.parse(JSON.parse(r.body)))
    return {
      docId,
      ...b,
      mentions: bodies(Mention, 'SELECT body FROM mentions WHERE doc_id = $1 ORDER BY span_start'),
      events: bodies(Event, 'SELECT body FROM events WHERE doc_id = $1 ORDER BY seq'),
      quotes: bodies(Quote, 'SELECT body FROM quotes WHERE doc_id = $1 ORDER BY span_start'),
    }
  }

  listEvents(f: EventFilter): StoredEvent[] {
    const w = eventWhere(f)
    const limit = w.param(f.limit ?? 200)
    const sql = `SELECT e.body, d.id AS doc_id, d.title, d.published_at FROM events e JOIN documents d ON d.id = e.doc_id
      ${w.sql()} ORDER BY e.date IS NULL, e.date, e.seq LIMIT ${limit}::bigint`
    return this.withDocument(sql, w.args, Event)
  }

  countEvents(f: EventFilter): number {
    const w = eventWhere(f)
    return this.db.value<number>(`SELECT count(*)::int FROM events e JOIN documents d ON d.id = e.doc_id ${w.sql()}`, w.args)!
  }

  listQuotes(f: QuoteFilter): StoredQuote[] {
    const w = quoteWhere(f)
    const limit = w.param(f.limit ?? 200)
    const sql = `SELECT q.body, d.id AS doc_id, d.title, d.published_at FROM quotes q JOIN documents d ON d.id = q.doc_id
      ${w.sql()} ORDER BY d.published_at IS NULL, d.published_at, q.span_start LIMIT ${limit}::bigint`
    return this.withDocument(sql, w.args, Quote)
  }

  countQuotes(f: QuoteFilter): number {
    const w = quoteWhere(f)
    return this.db.value<number>(`SELECT count(*)::int FROM quotes q JOIN documents d ON d.id = q.doc_id ${w.sql()}`, w.args)!
  }

  mentionCounts(): ActorCount[] {
    const rows = this.db.all<{ actor_id: string; name: string; type: string; n: number; docs: number; surfaces: string[] }>(
      `SELECT actor_id, min(name) AS name, min(type) AS type, count(*)::int AS n, count(DISTINCT doc_id)::int AS docs,
              array_agg(DISTINCT surface) AS surfaces
       FROM mentions WHERE actor_id IS NOT NULL GROUP BY actor_id ORDER BY n DESC, actor_id`,
    )
    return rows.map((r) => ({ actorId: r.actor_id, name: r.name, type: r.type, mentions: r.n, documents: r.docs, surfaces: r.surfaces }))
  }

  private withDocument<T>(sql: string, args: Param[], schema: z.ZodType<T>): (T & { docId: string; docTitle: string; docPublished: string | null })[] {
    return this.db.all<{ body: string; doc_id: string; title: string; published_at: string | null }>(sql, args).map((r) => ({
      ...schema.parse(JSON.parse(r.body)),
      docId: r.doc_id,
      docTitle: r.title,
      docPublished: r.published_at,
    }))
  }
}

function eventWhere(f: EventFilter): Where {
  const w = new Where()
  if (f.types?.length) w.add(`e.type = ANY(${w.param(f.types)}::text[])`)
  w.dateRange('e.date', f.since, f.until)
  if (f.actors?.length) {
    const a = w.param(f.actors)
    w.add(`e.id IN (SELECT event_id FROM event_actors WHERE actor_id = ANY(${a}::text[]) OR name = ANY(${a}::text[]))`)
  }
  return w
}

function quoteWhere(f: QuoteFilter): Where {
  const w = new Where()
  if (f.speakers?.length) {
    const s = w.param(f.speakers)
    w.add(`(q.speaker_id = ANY(${s}::text[]) OR q.speaker = ANY(${s}::text[]))`)
  }
  w.dateRange('d.published_at', f.since, f.until)
  return w
}

/** A WHERE clause built from optional filters, with numbered parameters. */
export class Where {
  private readonly parts: string[] = []
  readonly args: Param[] = []

  param(v: Param): string {
    this.args.push(v)
    return `$${this.args.length}`
  }

  add(condition: string): void {
    this.parts.push(condition)
  }

  /** since/until on an ISO column; a bound compares at its own precision: until 2025-02 keeps 2025-02-28. */
  dateRange(column: string, since: string | undefined, until: string | undefined): void {
    if (since) this.add(`${column} >= ${this.param(since)}::text`)
    if (until) {
      const u = this.param(until)
      this.add(`substr(${column}, 1, length(${u}::text)) <= ${u}::text`)
    }
  }

  sql(): string {
    return this.parts.length ? `WHERE ${this.parts.join(' AND ')}` : ''
  }
}
