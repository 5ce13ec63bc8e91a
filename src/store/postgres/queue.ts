// The jobs table (migration 005_jobs.sql): adding inputs, claiming one with FOR UPDATE SKIP LOCKED, holding it
// by a lease, finishing it. Exactly once: a job's documents are stored and the job is marked done in one
// transaction that first locks the job's row and checks the claim is still ours; a worker whose lease ran out
// and whose job another worker took finds the claim changed and stores nothing.
import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import { z } from 'zod'
import { UserMeta } from '../../core/index.js'
import type { Connection } from './pg.js'

/** What changes how a job's bytes are read, as `parley ingest` takes it. */
export const JobOptions = z.object({
  published: z.string().optional(),
  sidecar: UserMeta.optional(),
  maxBytes: z.number().int().positive().optional(),
  allowPrivate: z.boolean().optional(),
})
export type JobOptions = z.infer<typeof JobOptions>

export interface NewJob {
  input: string
  key: string
  bytes: Uint8Array | null
  options: JobOptions
}

export interface Job extends NewJob {
  id: number
  attempts: number
  claim: string
}

export const JobStatus = z.enum(['queued', 'running', 'done', 'failed'])
export type JobStatus = z.infer<typeof JobStatus>

export interface QueueCounts {
  queued: number
  running: number
  done: number
  failed: number
  /** Running jobs whose lease ran out: their worker died or stalls; the next claim takes them. */
  expired: number
}

/** A worker gives an input up after it died (or lost its lease) on it this many times: one input must not kill every worker. */
export const DEFAULT_MAX_ATTEMPTS = 3

export class LeaseLost extends Error {
  constructor(readonly jobId: number) {
    super(`job ${jobId}: the lease ran out and another worker took the job; this worker's result was dropped`)
    this.name = 'LeaseLost'
  }
}

/** host:pid, for `parley queue` to say who holds what. */
export const workerName = (): string => `${hostname()}:${process.pid}`

export class JobQueue {
  constructor(private readonly db: Connection) {}

  /** 'queued', or 'waiting' when the same input is queued or running already (it is not queued twice). */
  add(job: NewJob): 'queued' | 'waiting' {
    const rows = this.db.all(
      `INSERT INTO jobs (input, key, bytes, options) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) WHERE status IN ('queued', 'running') DO NOTHING RETURNING id`,
      [job.input, job.key, job.bytes, JSON.stringify(job.options)],
    )
    return rows.length ? 'queued' : 'waiting'
  }

  /** True when a job with this key was done before. */
  done(key: string): boolean {
    return this.db.get(`SELECT 1 FROM jobs WHERE key = $1 AND status = 'done' LIMIT 1`, [key]) !== undefined
  }

  /**
   * Takes the oldest job that is queued, or running on a lease that ran out, for leaseSeconds. SKIP LOCKED:
   * workers claiming at once each get a different job instead of waiting on each other's row locks.
   */
  claim(leaseSeconds: number, maxAttempts = DEFAULT_MAX_ATTEMPTS, worker = workerName()): Job | null {
    return this.db.transaction(() => {
      this.db.all(
        `UPDATE jobs SET status = 'failed', finished_at = now(), claim = NULL, lease_until = NULL,
           error = 'a worker died or stalled on this input ' || attempts || ' times; not tried again'
         WHERE status = 'running' AND lease_until < now() AND attempts >= $1`,
        [maxAttempts],
      )
      const claim = randomUUID()
      const row = this.db.get<{ id: string; input: string; key: string; bytes: Buffer | null; options: string; attempts: number }>(
        `UPDATE jobs SET status = 'running', claim = $1, worker = $2, attempts = attempts + 1,
           lease_until = now() + make_interval(secs => $3::double precision), started_at = now()
         WHERE id = (
           SELECT id FROM jobs WHERE status = 'queued' OR (status = 'running' AND lease_until < now())
           ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING id, input, key, bytes, options, attempts`,
        [claim, worker, leaseSeconds],
      )
      if (!row) return null
      const bytes = row.bytes ? new Uint8Array(row.bytes.buffer, row.bytes.byteOffset, row.bytes.byteLength) : null
      return { id: Number(row.id), input: row.input, key: row.key, bytes, options: JobOptions.parse(JSON.parse(row.options)), attempts: row.attempts, claim }
    })
  }

  /** Inside the transaction that stores the job's result: locks the job's row, and throws LeaseLost unless the claim is still this one. */
  hold(job: Job): void {
    const row = this.db.get(`SELECT 1 FROM jobs WHERE id = $1 AND claim = $2 AND status = 'running' FOR UPDATE`, [job.id, job.claim])
    if (!row) throw new LeaseLost(job.id)
  }

  /** Marks the job done or failed (an input that cannot be read fails; it is not tried again). Call after hold(). */
  finish(job: Job, outcome: { status: 'done' | 'failed'; newDocs: number; knownDocs: number; error: string | null }): void {
    this.db.all(
      `UPDATE jobs SET status = $3, finished_at = now(), lease_until = NULL, new_docs = $4, known_docs = $5, error = $6
       WHERE id = $1 AND claim = $2`,
      [job.id, job.claim, outcome.status, outcome.newDocs, outcome.knownDocs, outcome.error],
    )
  }

  /** Gives a job back at once (a worker stopping), so no one waits for its lease to run out. */
  release(job: Job): void {
    this.db.all(`UPDATE jobs SET status = 'queued', claim = NULL, lease_until = NULL, attempts = attempts - 1 WHERE id = $1 AND claim = $2 AND status = 'running'`, [job.id, job.claim])
  }

  counts(): QueueCounts {
    const row = this.db.get<QueueCounts>(
      `SELECT count(*) FILTER (WHERE status = 'queued')::int AS queued,
              count(*) FILTER (WHERE status = 'running')::int AS running,
              count(*) FILTER (WHERE status = 'done')::int AS done,
              count(*) FILTER (WHERE status = 'failed')::int AS failed,
              count(*) FILTER (WHERE status = 'running' AND lease_until < now())::int AS expired
       FROM jobs`,
    )
    return row!
  }

  /** True while any job is queued or running: a worker told to stop when the work is done keeps waiting. */
  pending(): boolean {
    return this.db.get(`SELECT 1 FROM jobs WHERE status IN ('queued', 'running') LIMIT 1`) !== undefined
  }

  /** Failed jobs, newest first. */
  failures(limit = 20): { id: number; input: string; attempts: number; error: string | null }[] {
    return this.db
      .all<{ id: string; input: string; attempts: number; error: string | null }>(`SELECT id, input, attempts, error FROM jobs WHERE status = 'failed' ORDER BY id DESC LIMIT $1::bigint`, [limit])
      .map((r) => ({ ...r, id: Number(r.id) }))
  }
}
