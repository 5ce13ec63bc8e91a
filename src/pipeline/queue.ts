// The shared work queue in PostgreSQL: `parley enqueue` turns inputs into jobs (a file's bytes travel in the job,
// so workers on other machines need not see the enqueuer's disk; a URL is fetched by the worker), and any number
// of `parley worker` processes take jobs and do what `parley ingest` does with one input: read, normalize,
// extract, store. See src/store/postgres/queue.ts for how each job is stored exactly once.
import { createHash } from 'node:crypto'
import { setTimeout as sleep } from 'node:timers/promises'
import { ParleyError, type Document, type UserMeta } from '../core/index.js'
import { fetchUrl, redactUrl } from '../ingest/fetch.js'
import { DEFAULT_MAX_BYTES, NotADocument, readLocalFile } from '../ingest/local.js'
import { MAX_DOCUMENT_CHARS, readInput } from '../ingest/read.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'
import { normalize } from '../normalize/index.js'
import { matchingForm } from '../normalize/matching.js'
import { startHeartbeat } from '../store/postgres/heartbeat.js'
import { JobQueue, LeaseLost, workerName, type Job, type JobOptions } from '../store/postgres/queue.js'
import type { PostgresStore } from '../store/postgres/store.js'
import { extractSafely, storeExtraction } from './extract.js'
import { readSidecar } from './ingest.js'
import { expandInputs } from './inputs.js'

/** The same key `parley ingest` records for a file (bytes, sidecar, --published), so either knows what the other did. */
export function inputKey(bytes: Uint8Array, sidecar: UserMeta | undefined, published: string | undefined): string {
  const h = createHash('sha256').update(bytes)
  if (sidecar) h.update('\0sidecar\0' + JSON.stringify(sidecar))
  if (published) h.update('\0published\0' + published)
  return h.digest('hex')
}

export interface EnqueueOptions {
  published?: string
  force?: boolean
  maxBytes?: number
  allowPrivate?: boolean
  ignore?: string[]
}

export interface EnqueueLine {
  input: string
  status: 'queued' | 'waiting' | 'known' | 'failed' | 'skipped'
  reason: string | null
}

/** One job per file or URL the inputs expand to (folders are walked as ingest walks them). */
export function enqueue(store: PostgresStore, inputs: readonly string[], opts: EnqueueOptions = {}): EnqueueLine[] {
  const queue = new JobQueue(store.db)
  const base: JobOptions = { published: opts.published, maxBytes: opts.maxBytes, allowPrivate: opts.allowPrivate }
  const out: EnqueueLine[] = []
  for (const item of expandInputs(inputs, { ignore: opts.ignore })) {
    if (item.kind === 'missing') out.push({ input: item.path, status: 'failed', reason: 'no such file or folder' })
    else if (item.kind === 'unreadable') out.push({ input: item.path, status: 'failed', reason: item.reason })
    else if (item.kind === 'skipped') out.push({ input: item.path, status: 'skipped', reason: item.reason })
    else if (item.kind === 'url') {
      const url = redactUrl(item.url)
      const key = createHash('sha256').update('url\0' + item.url).digest('hex')
      out.push({ input: url, status: queue.add({ input: item.url, key, bytes: null, options: base }), reason: null })
    } else {
      try {
        const bytes = readLocalFile(item.path, opts.maxBytes ?? DEFAULT_MAX_BYTES)
        if (!bytes.ok) throw bytes.error
        const sidecar = readSidecar(item.path)
        const key = inputKey(bytes.value, sidecar, opts.published)
        if (!opts.force && (store.fileDone(key) || queue.done(key))) {
          out.push({ input: item.path, status: 'known', reason: 'already ingested (same bytes)' })
          continue
        }
        out.push({ input: item.path, status: queue.add({ input: item.path, key, bytes: bytes.value, options: { ...base, sidecar } }), reason: null })
      } catch (e) {
        if (!(e instanceof ParleyError)) throw e
        out.push({ input: item.path, status: e instanceof NotADocument ? 'skipped' : 'failed', reason: e.message })
      }
    }
  }
  return out
}

export interface WorkerOptions {
  lexicon?: ActorLexicon
  /** How long a claim holds without a heartbeat; a dead worker's job waits this long for another worker. */
  leaseSeconds: number
  /** How long to wait before looking again when no job is ready. */
  pollSeconds: number
  /** Stop once no job is queued or running (otherwise run until stopped). */
  untilDone?: boolean
  /** For tests: wait this long after claiming each job, so a test can kill the worker in the middle of one. */
  pauseAfterClaimMs?: number
  onJob?: (line: string) => void
  onNote?: (line: string) => void
  /** Checked between jobs: true when the worker should stop (SIGINT, SIGTERM). */
  stopping?: () => boolean
}

export interface WorkerSummary {
  runId: number
  jobs: number
  newDocs: number
  knownDocs: number
  failed: number
}

/** Takes jobs until told to stop (or, with untilDone, until none is queued or running). */
export async function work(store: PostgresStore, opts: WorkerOptions): Promise<WorkerSummary> {
  const queue = new JobQueue(store.db)
  const me = workerName()
  const runId = store.beginRun([`worker ${me}`])
  const summary: WorkerSummary = { runId, jobs: 0, newDocs: 0, knownDocs: 0, failed: 0 }
  const schema = store.db.value<string>('SELECT current_schema()') ?? null
  const heart = startHeartbeat(store.db.url, schema, opts.leaseSeconds)
  try {
    while (!opts.stopping?.()) {
      const job = queue.claim(opts.leaseSeconds, undefined, me)
      if (!job) {
        if (opts.untilDone && !queue.pending()) break
        await sleep(opts.pollSeconds * 1000)
        continue
      }
      heart.beat({ id: job.id, claim: job.claim })
      opts.onNote?.(`job ${job.id} claimed: ${redactUrl(job.input)}${job.attempts > 1 ? ` (attempt ${job.attempts})` : ''}`)
      if (opts.pauseAfterClaimMs) await sleep(opts.pauseAfterClaimMs)
      try {
        const r = await runJob(store, queue, job, runId, opts.lexicon)
        summary.jobs++
        summary.newDocs += r.newDocs
        summary.knownDocs += r.knownDocs
        if (r.status === 'failed') summary.failed++
        opts.onJob?.(`job ${job.id} ${r.status}: ${redactUrl(job.input)}${r.status === 'done' ? ` (new ${r.newDocs}, known ${r.knownDocs})` : ` (${r.error})`}`)
      } catch (e) {
        if (!(e instanceof LeaseLost)) {
          queue.release(job)
          throw e
        }
        opts.onNote?.(e.message)
      } finally {
        heart.beat(null)
      }
    }
  } finally {
    heart.stop()
    store.finishRun(runId)
  }
  return summary
}

interface JobResult {
  status: 'done' | 'failed'
  newDocs: number
  knownDocs: number
  error: string | null
}

/** One job: the same steps as one input of `parley ingest`; everything slow happens before the transaction. */
async function runJob(store: PostgresStore, queue: JobQueue, job: Job, runId: number, lexicon: ActorLexicon | undefined): Promise<JobResult> {
  const path = redactUrl(job.input)
  const failed = (error: string): JobResult => {
    store.transaction(() => {
      queue.hold(job)
      queue.finish(job, { status: 'failed', newDocs: 0, knownDocs: 0, error })
      store.recordFile(runId, { path, sha256: job.key, status: 'failed', documents: 0, reason: error })
    })
    return { status: 'failed', newDocs: 0, knownDocs: 0, error }
  }
  let bytes = job.bytes
  let charset: string | null = null
  let finalUrl: string | undefined
  if (bytes === null) {
    const r = await fetchUrl(job.input, { maxBytes: job.options.maxBytes, allowPrivate: job.options.allowPrivate })
    if (!r.ok) return failed(r.error.message)
    bytes = r.value.bytes
    charset = r.value.charset
    finalUrl = r.value.url
  }
  const read = readInput({ origin: path, bytes, httpCharset: charset })
  if (!read.ok) return failed(read.error.message)
  const warnings = [...read.value.warnings]
  const docs: Document[] = []
  for (const raw of read.value.docs) {
    const doc = normalize(raw, { user: job.options.published ? { published: job.options.published } : undefined, sidecar: job.options.sidecar })
    if (!doc.ok) warnings.push(doc.error.message)
    else if (doc.value.text.length > MAX_DOCUMENT_CHARS) warnings.push(`ingest: ${path}: text of ${doc.value.text.length} characters is over the ${MAX_DOCUMENT_CHARS}-character limit per document; not stored`)
    else docs.push(doc.value)
  }
  if (!docs.length) return failed(warnings.length ? warnings.join('; ') : 'no documents in this input')
  const prepared = docs.map((doc) => ({
    doc,
    match: { title: matchingForm(doc.title), text: matchingForm(doc.text) },
    extracted: store.getDocument(doc.id) === null ? extractSafely(doc, lexicon) : null,
  }))
  const key = job.bytes === null ? inputKey(bytes, job.options.sidecar, job.options.published) : job.key
  return store.transaction(() => {
    queue.hold(job)
    let newDocs = 0
    for (const { doc, match, extracted } of prepared) {
      const r = store.putDocument(doc, { bytes: bytes! }, match)
      if (r.status !== 'new') continue
      newDocs++
      const problem = storeExtraction(store, extracted ?? extractSafely(doc, lexicon))
      if (problem) warnings.push(problem)
    }
    const knownDocs = prepared.length - newDocs
    const reason = warnings.length ? warnings.join('; ') : null
    store.recordFile(runId, { path, ...(finalUrl && finalUrl !== path ? { finalUrl } : {}), sha256: key, status: newDocs ? 'new' : 'known', documents: prepared.length, reason })
    queue.finish(job, { status: 'done', newDocs, knownDocs, error: reason })
    return { status: 'done', newDocs, knownDocs, error: reason }
  })
}
