// Ingest runs and their files: what `parley ingest` did, what failed and why, and what a resumed run may skip.
import type { Database } from 'better-sqlite3'
import { ParleyError } from '../../core/errors.js'
import { FileRecord, type RunSummary } from '../store.js'
import { checked, fileFrom, runFrom, type RunRow } from './rows.js'

// Counts come from the files recorded, so a summary is right even for a run that was interrupted.
const SUMMARY = `
  SELECT r.id, r.started_at, r.finished_at, r.inputs,
         coalesce(sum(CASE WHEN f.status = 'new' THEN f.documents END), 0) AS new_docs,
         coalesce(sum(CASE WHEN f.status = 'known' THEN f.documents END), 0) AS known_docs,
         count(CASE WHEN f.status = 'failed' THEN 1 END) AS failed_files
  FROM ingest_runs r LEFT JOIN ingest_files f ON f.run_id = r.id`

export class Runs {
  private readonly q

  constructor(db: Database) {
    this.q = {
      begin: db.prepare('INSERT INTO ingest_runs (started_at, inputs) VALUES (?, ?)'),
      exists: db.prepare('SELECT 1 FROM ingest_runs WHERE id = ?').pluck(),
      record: db.prepare(`INSERT INTO ingest_files (run_id, path, sha256, status, documents, reason, recorded_at, final_url)
                          VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      done: db
        .prepare(`SELECT EXISTS (SELECT 1 FROM ingest_files WHERE sha256 = ? AND status IN ('new', 'known', 'empty'))`)
        .pluck(),
      finish: db.prepare('UPDATE ingest_runs SET finished_at = ? WHERE id = ?'),
      summary: db.prepare(`${SUMMARY} WHERE r.id = ? GROUP BY r.id`),
      list: db.prepare(`${SUMMARY} GROUP BY r.id ORDER BY r.id DESC LIMIT ?`),
      failures: db.prepare(`SELECT path, final_url, sha256, status, documents, reason FROM ingest_files
                            WHERE status = 'failed' AND (@run IS NULL OR run_id = @run) ORDER BY id`),
    }
  }

  begin(inputs: string[]): number {
    if (!Array.isArray(inputs) || inputs.some((i) => typeof i !== 'string')) {
      throw new ParleyError('store', 'beginRun', 'inputs must be a list of paths or URLs')
    }
    return Number(this.q.begin.run(new Date().toISOString(), JSON.stringify(inputs)).lastInsertRowid)
  }

  record(runId: number, rec: FileRecord): void {
    const r = checked(FileRecord, String(rec.path), rec)
    this.requireRun(runId)
    this.q.record.run(runId, r.path, r.sha256, r.status, r.documents, r.reason, new Date().toISOString(), r.finalUrl ?? null)
  }

  done(sha256: string): boolean {
    return this.q.done.get(sha256) === 1
  }

  finish(runId: number): RunSummary {
    this.requireRun(runId)
    this.q.finish.run(new Date().toISOString(), runId)
    return runFrom(this.q.summary.get(runId) as RunRow)
  }

  list(limit: number): RunSummary[] {
    positive(limit, 'listRuns limit')
    return (this.q.list.all(limit) as RunRow[]).map(runFrom)
  }

  failures(runId?: number): FileRecord[] {
    const rows = this.q.failures.all({ run: runId ?? null }) as (FileRecord & { final_url: string | null })[]
    return rows.map(({ final_url, ...r }) => fileFrom(final_url ? { ...r, finalUrl: final_url } : r))
  }

  private requireRun(runId: number): void {
    if (this.q.exists.get(runId) === undefined) throw new ParleyError('store', `run ${runId}`, 'no such run')
  }
}

export function positive(n: number, what: string): void {
  if (!Number.isInteger(n) || n <= 0) throw new ParleyError('store', what, `must be a positive whole number, got ${n}`)
}
