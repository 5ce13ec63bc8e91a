// The ingest run: inputs -> read -> normalize -> store, one file at a time, each file in its own transaction.
// One broken file never stops the batch: its error is recorded and the run goes on. A file whose bytes
// (with its sidecar and --published) were fully handled before is not read again, so an interrupted run
// resumes where it stopped and a re-run adds nothing.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { ParleyError, UserMeta, type Document } from '../core/index.js'
import { readInput } from '../ingest/read.js'
import { fetchUrl } from '../ingest/fetch.js'
import { normalize, type Statements } from '../normalize/index.js'
import { matchingForm } from '../normalize/matching.js'
import { extractInto } from './extract.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'
import type { Store, FileRecord } from '../store/store.js'
import { expandInputs, SIDECAR_SUFFIX } from './inputs.js'

export interface IngestOptions {
  published?: string
  /** Read files again even if the same bytes were handled before (after a lexicon or reader change). */
  force?: boolean
  /** The actor lexicon to extract with (default: the shipped one). */
  lexicon?: ActorLexicon
  onFile?: (done: number, total: number, outcome: FileOutcome) => void
  onStart?: (total: number) => void
}

export interface FileOutcome {
  path: string
  status: 'new' | 'known' | 'failed' | 'empty' | 'skipped'
  newDocs: number
  knownDocs: number
  reason: string | null
  warnings: string[]
  documents: { id: string; title: string; status: 'new' | 'known' }[]
  /** True once the file record is written (ingestOne writes its own). */
  recorded?: boolean
}

export interface IngestSummary {
  runId: number
  files: FileOutcome[]
  newDocs: number
  knownDocs: number
  failed: number
  skipped: number
}

interface Loaded {
  bytes: Uint8Array
  httpCharset: string | null
  sidecar: UserMeta | undefined
}

/** The `<file>.meta.json` beside an input, validated; a broken sidecar is an error naming it. */
export function readSidecar(path: string): UserMeta | undefined {
  const side = path + SIDECAR_SUFFIX
  if (!existsSync(side)) return undefined
  let json: unknown
  try {
    json = JSON.parse(readFileSync(side, 'utf8'))
  } catch (e) {
    throw new ParleyError('ingest', side, `sidecar is not valid JSON (${(e as Error).message})`)
  }
  const parsed = UserMeta.safeParse(json)
  if (!parsed.success) throw new ParleyError('ingest', side, `sidecar fields are wrong: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
  return parsed.data
}

function fileKey(l: Loaded, published: string | undefined): string {
  const h = createHash('sha256').update(l.bytes)
  if (l.sidecar) h.update('\0sidecar\0' + JSON.stringify(l.sidecar))
  if (published) h.update('\0published\0' + published)
  return h.digest('hex')
}

export async function ingest(store: Store, inputs: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const items = expandInputs(inputs)
  const runId = store.beginRun([...inputs])
  const files: FileOutcome[] = []
  opts.onStart?.(items.length)
  for (const item of items) {
    const path = item.kind === 'url' ? item.url : item.path
    let outcome: FileOutcome
    if (item.kind === 'missing') outcome = failed(path, 'no such file or folder')
    else if (item.kind === 'unreadable') outcome = failed(path, item.reason)
    else if (item.kind === 'skipped') outcome = { ...failed(path, item.reason), status: 'skipped' }
    else {
      try {
        outcome = await ingestOne(store, runId, item.kind === 'url' ? await loadUrl(item.url) : loadFile(item.path), path, opts)
      } catch (e) {
        // Expected failures (ParleyError) name their input; anything else is a bug or an I/O error, but still
        // only this input's: it is recorded with its path and the batch goes on.
        const reason = e instanceof ParleyError ? e.message : `ingest: ${path}: ${(e as Error).message ?? String(e)} (unexpected; please report)`
        outcome = failed(path, reason)
      }
    }
    if (outcome.status === 'failed' && !outcome.recorded) store.recordFile(runId, { path, sha256: createHash('sha256').update(path).digest('hex'), status: 'failed', documents: 0, reason: outcome.reason })
    files.push(outcome)
    opts.onFile?.(files.length, items.length, outcome)
  }
  store.finishRun(runId)
  return {
    runId,
    files,
    newDocs: files.reduce((n, f) => n + f.newDocs, 0),
    knownDocs: files.reduce((n, f) => n + f.knownDocs, 0),
    failed: files.filter((f) => f.status === 'failed').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
  }
}

function isStated(doc: Document): boolean {
  return doc.published.source === 'user' || doc.published.source === 'sidecar'
}

function failed(path: string, reason: string): FileOutcome {
  return { path, status: 'failed', newDocs: 0, knownDocs: 0, reason, warnings: [], documents: [] }
}

function loadFile(path: string): Loaded {
  return { bytes: new Uint8Array(readFileSync(path)), httpCharset: null, sidecar: readSidecar(path) }
}

async function loadUrl(url: string): Promise<Loaded> {
  const r = await fetchUrl(url)
  if (!r.ok) throw r.error
  return { bytes: r.value.bytes, httpCharset: r.value.charset, sidecar: undefined }
}

async function ingestOne(store: Store, runId: number, loaded: Loaded, path: string, opts: IngestOptions): Promise<FileOutcome> {
  const sha256 = fileKey(loaded, opts.published)
  if (!opts.force && store.fileDone(sha256)) {
    const outcome: FileOutcome = { path, status: 'known', newDocs: 0, knownDocs: 0, reason: 'already ingested (same bytes)', warnings: [], documents: [], recorded: true }
    store.recordFile(runId, { path, sha256, status: 'known', documents: 0, reason: outcome.reason })
    return outcome
  }
  const read = readInput({ origin: path, bytes: loaded.bytes, httpCharset: loaded.httpCharset })
  if (!read.ok) throw read.error
  const statements: Statements = { user: opts.published ? { published: opts.published } : undefined, sidecar: loaded.sidecar }
  const warnings = [...read.value.warnings]
  const docs: Document[] = []
  for (const raw of read.value.docs) {
    const doc = normalize(raw, statements)
    if (doc.ok) docs.push(doc.value)
    else warnings.push(doc.error.message)
  }
  if (!docs.length) {
    // Every item failed (each warning names its item), or the input holds none.
    const status = read.value.docs.length ? 'failed' : 'empty'
    const reason = warnings.length ? warnings.join('; ') : 'no documents in this input'
    store.recordFile(runId, { path, sha256, status, documents: 0, reason })
    return { path, status, newDocs: 0, knownDocs: 0, reason, warnings, documents: [], recorded: true }
  }
  const documents = store.transaction(() =>
    docs.map((doc) => {
      const match = { title: matchingForm(doc.title), text: matchingForm(doc.text) }
      const r = store.putDocument(doc, { bytes: loaded.bytes }, match)
      if (r.status === 'new') {
        const problem = extractInto(store, doc, opts.lexicon)
        if (problem) warnings.push(problem)
      }
      // A date the user states now about an article stored before is applied, not dropped.
      if (r.status === 'known' && isStated(doc)) {
        const stored = store.getDocument(r.id)
        if (stored && JSON.stringify(stored.published) !== JSON.stringify(doc.published)) store.replaceDocument(r.id, { ...stored, published: doc.published }, match)
      }
      return { id: r.id, title: doc.title, status: r.status }
    }),
  )
  const newDocs = documents.filter((d) => d.status === 'new').length
  const rec: FileRecord = {
    path,
    sha256,
    status: newDocs ? 'new' : 'known',
    documents: documents.length,
    reason: warnings.length ? warnings.join('; ') : null,
  }
  store.recordFile(runId, rec)
  return { path, status: rec.status, newDocs, knownDocs: documents.length - newDocs, reason: rec.reason, warnings, documents, recorded: true }
}
