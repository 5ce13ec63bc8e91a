// The record's tables in PostgreSQL (migration 004_record.sql): the same answers as the SQLite store's record.ts.
import { Anchor, Claim, MergedEvent, Stance, type ReprintGroup, type ResolvedRecord } from '../../core/record.js'
import type { RecordFilter, RecordStore } from '../record.js'
import { Where } from './extractions.js'
import type { Connection } from './pg.js'

const TABLES = ['record_event_actors', 'record_reports', 'record_events', 'record_reprints', 'record_anchors', 'record_claims', 'record_stances']
// The generation now: the sequence's last number, or 0 before its first.
const GENERATION = `(SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM record_generation)`

export class PgRecord implements RecordStore {
  constructor(private readonly db: Connection) {}

  recordStale(): boolean {
    return this.db.value<boolean>(`SELECT built_from IS NULL OR built_from <> ${GENERATION} FROM record_state WHERE id = 1`) !== false
  }

  putRecord(r: ResolvedRecord): void {
    const db = this.db
    db.transaction(() => {
      db.exec(`DELETE FROM ${TABLES.join('; DELETE FROM ')}`)
      r.events.forEach((e, seq) => {
        db.all('INSERT INTO record_events (id, seq, date, type, cameo, modality, sources, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [e.id, seq, e.date, e.type, e.cameo, e.modality, e.sources, JSON.stringify(e)])
        const roles: [string, typeof e.participants][] = [['source', e.source ? [e.source] : []], ['target', e.target ? [e.target] : []], ['participant', e.participants]]
        for (const [role, actors] of roles) for (const a of actors) db.all('INSERT INTO record_event_actors (event_id, actor_id, name, role) VALUES ($1, $2, $3, $4)', [e.id, a.actorId, a.name, role])
        for (const rep of e.reports) db.all('INSERT INTO record_reports (event_id, doc_id, extraction_id) VALUES ($1, $2, $3)', [e.id, rep.docId, rep.extractionId])
      })
      for (const g of r.reprints) for (const id of g.docIds.slice(1)) db.all('INSERT INTO record_reprints (original_id, doc_id, similarity) VALUES ($1, $2, $3)', [g.docIds[0], id, g.similarity])
      for (const a of r.anchors) db.all('INSERT INTO record_anchors (doc_id, start_date, end_date, body) VALUES ($1, $2, $3, $4)', [a.docId, a.start, a.end, JSON.stringify(a)])
      r.claims.forEach((c, i) => db.all('INSERT INTO record_claims (seq, quantity, unit, body) VALUES ($1, $2, $3, $4)', [i, c.quantity, c.unit, JSON.stringify(c)]))
      r.stances.forEach((st, i) => db.all('INSERT INTO record_stances (seq, actor_id, actor, issue, position, date, doc_id, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [i, st.actorId, st.actor, st.issue, st.position, st.date, st.docId, JSON.stringify(st)]))
      db.all(`UPDATE record_state SET built_from = ${GENERATION}, built_at = $1 WHERE id = 1`, [new Date().toISOString()])
    })
  }

  listMergedEvents(f: RecordFilter = {}): MergedEvent[] {
    const w = new Where()
    // A month-only event date agrees with a day bound in its month: compare at the shorter precision.
    if (f.from) w.add(`date IS NOT NULL AND date >= substr(${w.param(f.from)}::text, 1, length(date))`)
    if (f.to) {
      const to = w.param(f.to)
      w.add(`date IS NOT NULL AND substr(date, 1, length(${to}::text)) <= ${to}::text`)
    }
    if (f.actors?.length) {
      const a = w.param(f.actors)
      w.add(`id IN (SELECT event_id FROM record_event_actors WHERE actor_id = ANY(${a}::text[]) OR name = ANY(${a}::text[]))`)
    }
    const limit = w.param(f.limit ?? null)
    return this.db.all<{ body: string }>(`SELECT body FROM record_events ${w.sql()} ORDER BY seq LIMIT ${limit}::bigint`, w.args).map((r) => MergedEvent.parse(JSON.parse(r.body)))
  }

  listReprints(): ReprintGroup[] {
    const groups = new Map<string, ReprintGroup>()
    for (const r of this.db.all<{ original_id: string; doc_id: string; similarity: number }>('SELECT original_id, doc_id, similarity FROM record_reprints ORDER BY original_id, seq')) {
      const g = groups.get(r.original_id) ?? { docIds: [r.original_id], similarity: 1 }
      g.docIds.push(r.doc_id)
      g.similarity = Math.min(g.similarity, r.similarity)
      groups.set(r.original_id, g)
    }
    return [...groups.values()]
  }

  listAnchors(): Anchor[] {
    return this.db.all<{ body: string }>('SELECT body FROM record_anchors ORDER BY doc_id').map((r) => Anchor.parse(JSON.parse(r.body)))
  }

  listClaims(): Claim[] {
    return this.db.all<{ body: string }>('SELECT body FROM record_claims ORDER BY seq').map((r) => Claim.parse(JSON.parse(r.body)))
  }

  listStances(f: { actors?: string[]; issues?: string[] } = {}): Stance[] {
    const w = new Where()
    if (f.actors?.length) {
      const a = w.param(f.actors)
      w.add(`(actor_id = ANY(${a}::text[]) OR actor = ANY(${a}::text[]))`)
    }
    if (f.issues?.length) w.add(`issue = ANY(${w.param(f.issues)}::text[])`)
    return this.db.all<{ body: string }>(`SELECT body FROM record_stances ${w.sql()} ORDER BY seq`, w.args).map((r) => Stance.parse(JSON.parse(r.body)))
  }
}
