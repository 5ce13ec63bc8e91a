// SQLite tables of the record (migration 010_record.sql).
import type { Database } from 'better-sqlite3'
import { Anchor, Claim, MergedEvent, Stance, type ReprintGroup, type ResolvedRecord } from '../../core/record.js'
import type { RecordFilter, RecordStore } from '../record.js'

export class RecordTables implements RecordStore {
  private readonly q

  constructor(private readonly db: Database) {
    this.q = {
      state: db.prepare('SELECT generation, built_from FROM record_state WHERE id = 1'),
      built: db.prepare('UPDATE record_state SET built_from = generation, built_at = ? WHERE id = 1'),
      clear: ['record_event_actors', 'record_reports', 'record_events', 'record_reprints', 'record_anchors', 'record_claims', 'record_stances'].map((t) => db.prepare(`DELETE FROM ${t}`)),
      event: db.prepare('INSERT INTO record_events (id, seq, date, type, cameo, modality, sources, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      actor: db.prepare('INSERT INTO record_event_actors (event_id, actor_id, name, role) VALUES (?, ?, ?, ?)'),
      report: db.prepare('INSERT INTO record_reports (event_id, doc_id, extraction_id) VALUES (?, ?, ?)'),
      reprint: db.prepare('INSERT INTO record_reprints (original_id, doc_id, similarity) VALUES (?, ?, ?)'),
      anchor: db.prepare('INSERT INTO record_anchors (doc_id, start, end, body) VALUES (?, ?, ?, ?)'),
      claim: db.prepare('INSERT INTO record_claims (seq, quantity, unit, body) VALUES (?, ?, ?, ?)'),
      stance: db.prepare('INSERT INTO record_stances (seq, actor_id, actor, issue, position, date, doc_id, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
      claims: db.prepare('SELECT body FROM record_claims ORDER BY seq').pluck(),
      reprints: db.prepare('SELECT original_id, doc_id, similarity FROM record_reprints ORDER BY original_id, rowid'),
      anchors: db.prepare('SELECT body FROM record_anchors ORDER BY doc_id').pluck(),
    }
  }

  recordStale(): boolean {
    const s = this.q.state.get() as { generation: number; built_from: number | null }
    return s.built_from === null || s.built_from !== s.generation
  }

  putRecord(r: ResolvedRecord): void {
    this.db.transaction(() => {
      for (const c of this.q.clear) c.run()
      r.events.forEach((e, seq) => {
        this.q.event.run(e.id, seq, e.date, e.type, e.cameo, e.modality, e.sources, JSON.stringify(e))
        const roles: [string, typeof e.participants][] = [['source', e.source ? [e.source] : []], ['target', e.target ? [e.target] : []], ['participant', e.participants]]
        for (const [role, actors] of roles) for (const a of actors) this.q.actor.run(e.id, a.actorId, a.name, role)
        for (const rep of e.reports) this.q.report.run(e.id, rep.docId, rep.extractionId)
      })
      for (const g of r.reprints) for (const id of g.docIds.slice(1)) this.q.reprint.run(g.docIds[0], id, g.similarity)
      for (const a of r.anchors) this.q.anchor.run(a.docId, a.start, a.end, JSON.stringify(a))
      r.claims.forEach((c, i) => this.q.claim.run(i, c.quantity, c.unit, JSON.stringify(c)))
      r.stances.forEach((st, i) => this.q.stance.run(i, st.actorId, st.actor, st.issue, st.position, st.date, st.docId, JSON.stringify(st)))
      this.q.built.run(new Date().toISOString())
    })()
  }

  listMergedEvents(f: RecordFilter = {}): MergedEvent[] {
    const where: string[] = []
    const args: unknown[] = []
    if (f.from) {
      // A month-only event date agrees with a day bound in its month: compare at the shorter precision.
      where.push('date IS NOT NULL AND date >= substr(?, 1, length(date))')
      args.push(f.from)
    }
    if (f.to) {
      where.push('date IS NOT NULL AND substr(date, 1, length(?)) <= ?')
      args.push(f.to, f.to)
    }
    if (f.actors?.length) {
      where.push(`id IN (SELECT event_id FROM record_event_actors WHERE ${f.actors.map(() => '(actor_id = ? OR name = ?)').join(' OR ')})`)
      args.push(...f.actors.flatMap((a) => [a, a]))
    }
    const sql = `SELECT body FROM record_events ${where.length ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : ''} ORDER BY seq LIMIT ?`
    return (this.db.prepare(sql).pluck().all(...args, f.limit ?? -1) as string[]).map((b) => MergedEvent.parse(JSON.parse(b)))
  }

  listReprints(): ReprintGroup[] {
    const groups = new Map<string, ReprintGroup>()
    for (const r of this.q.reprints.all() as { original_id: string; doc_id: string; similarity: number }[]) {
      const g = groups.get(r.original_id) ?? { docIds: [r.original_id], similarity: 1 }
      g.docIds.push(r.doc_id)
      g.similarity = Math.min(g.similarity, r.similarity)
      groups.set(r.original_id, g)
    }
    return [...groups.values()]
  }

  listAnchors(): Anchor[] {
    return (this.q.anchors.all() as string[]).map((b) => Anchor.parse(JSON.parse(b)))
  }

  listClaims(): Claim[] {
    return (this.q.claims.all() as string[]).map((b) => Claim.parse(JSON.parse(b)))
  }

  listStances(f: { actors?: string[]; issues?: string[] } = {}): Stance[] {
    const where: string[] = []
    const args: string[] = []
    if (f.actors?.length) {
      where.push(`(${f.actors.map(() => '(actor_id = ? OR actor = ?)').join(' OR ')})`)
      args.push(...f.actors.flatMap((a) => [a, a]))
    }
    if (f.issues?.length) {
      where.push(`issue IN (${f.issues.map(() => '?').join(', ')})`)
      args.push(...f.issues)
    }
    const sql = `SELECT body FROM record_stances ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq`
    return (this.db.prepare(sql).pluck().all(...args) as string[]).map((b) => Stance.parse(JSON.parse(b)))
  }
}
