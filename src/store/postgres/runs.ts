// Ingest runs and their files in PostgreSQL: the same answers as the SQLite store's runs.ts.
import { ParleyError } from '../../core/errors.js'
import { FileRecord, type RunSummary } from '../store.js'
import { checked, fileFrom, runFrom, type RunRow } from '../sqlite/rows.js'
import { positive } from '../sqlite/runs.js'
import type { Connection } from './pg.js'

// Counts come from the files recorded, so a summary is right even for a run that was interrupted.
const SUMMARY = `
  SELECT r.id, r.started_at, r.finished_at, r.inputs,
         coalesce(sum(f.documents) FILTER (WHERE f.status = 'new'), 0)::int AS new_docs,
         coalesce(sum(f.documents) FILTER (WHERE f.status = 'known'), 0)::int AS known_docs,
         count(*) FILTER (WHERE f.status = 'failed')::int AS failed_files
  FROM ingest_runs r LEFT JOIN ingest_files f ON f.run_id = r.id`

export class PgRuns {
  constructor(private readonly db: Connection) {}

  begin(inputs: string[]): number {
    if (!Array.isArray(inputs) || inputs.some((i) => typeof i !== 'string')) {
      throw new ParleyError('store', 'beginRun', 'inputs must be a list of paths or URLs')
    }
    return this.db.value<number>('INSERT INTO ingest_runs (started_at, inputs) VALUES ($1, $2) RETURNING id', [new Date().toISOString(), JSON.stringify(inputs)])!
  }

  record(runId: number, rec: FileRecord): void {
    const r = checked(FileRecord, String(rec.path), rec)
    this.requireRun(runId)
    this.db.all(
      `INSERT INTO ingest_files (run_id, path, sha256, status, documents, reason, recorded_at, final_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [runId, r.path, r.sha256, r.status, r.documents, r.reason, new Date().toISOString(), r.finalUrl ?? null],
    )
  }

  done(sha256: string): boolean {
    return this.db.value<boolean>(`SELECT EXISTS (SELECT 1 FROM ingest_files WHERE sha256 = $1 AND status IN ('new', 'known', 'empty'))`, [sha256]) === true
  }

  finish(runId: number): RunSummary {
    this.requireRun(runId)
    this.db.all('UPDATE ingest_runs SET finished_at = $1 WHERE id = $2', [new Date().toISOString(), runId])
    return runFrom(this.db.get<RunRow>(`${SUMMARY} WHERE r.id = $1 GROUP BY r.id`, [runId])!)
  }

  list(limit: number): RunSummary[] {
    positive(limit, 'listRuns limit')
    return this.db.all<RunRow>(`${SUMMARY} GROUP BY r.id ORDER BY r.id DESC LIMIT $1::bigint`, [limit]).map(runFrom)
  }

  failures(runId?: number): FileRecord[] {
    const rows = this.db.all<FileRecord & { final_url: string | null }>(
      `SELECT path, final_url, sha256, status, documents, reason FROM ingest_files
       WHERE status = 'failed' AND ($1::int IS NULL OR run_id = $1::int) ORDER BY id`,
      [runId ?? null],
    )
    return rows.map(({ final_url, ...r }) => fileFrom(final_url ? { ...r, finalUrl: final_url } : r))
  }

  private requireRun(runId: number): void {
    if (!Number.isInteger(runId) || this.db.get('SELECT 1 FROM ingest_runs WHERE id = $1', [runId]) === undefined) {
      throw new ParleyError('store', `run ${runId}`, 'no such run')
    }
  }
}
