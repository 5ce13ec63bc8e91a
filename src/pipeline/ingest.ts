// The ingest run: inputs -> read -> normalize -> store, one file at a time, each file in its own transaction.
// One broken file never stops the batch: its error is recorded and the run goes on. A file whose bytes
// (with its sidecar and --published) were fully handled before is not read again, so an interrupted run
// resumes where it stopped and a re-run adds nothing.
import { createHash } from 'node:crypto'
import { existsSync, lstatSync } from 'node:fs'
import { ParleyError, UserMeta, type Document } from '../core/index.js'
import { MAX_DOCUMENT_CHARS, readInput, type ReadResult } from '../ingest/read.js'
import { fetchUrl, redactUrl } from '../ingest/fetch.js'
import { DEFAULT_MAX_BYTES, NotADocument, readLocalFile } from '../ingest/local.js'
import { normalize, type Statements } from '../normalize/index.js'
import { matchingForm } from '../normalize/matching.js'
import { extractSafely, storeExtraction, type Extracted } from './extract.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'
import type { Store, FileRecord } from '../store/store.js'
import { fatalStoreProblem } from '../store/failures.js'
import { databaseFiles, expandInputs, SIDECAR_SUFFIX } from './inputs.js'
import { extractWithin, type Extractor } from './limited-extract.js'

export interface IngestOptions {
  published?: string
  /** Read files again even if the same bytes were handled before (after a lexicon or reader change). */
  force?: boolean
  /** The actor lexicon to extract with (default: the shipped one). */
  lexicon?: ActorLexicon
  onFile?: (done: number, total: number, outcome: FileOutcome) => void
  onStart?: (total: number) => void
  /** Largest local file or URL body read, in bytes (default 10 MB). */
  maxBytes?: number
  /** Fetch URLs (and follow redirects) to loopback, private and link-local addresses. */
  allowPrivate?: boolean
  /** Patterns of paths left out of folder walks (as in .parleyignore). */
  ignore?: string[]
  /**
   * Longest extraction of one document, in ms: past it the document is not stored and its input fails with
   * one line (see limited-extract.ts). Extraction then runs in a worker thread with the lexicon of `lexiconDir`.
   */
  timeLimitMs?: number
  /** The user's lexicon folder, for the time-limited worker (which cannot be handed `lexicon` itself). */
  lexiconDir?: string | null
}

/**
 * The database itself failed (disk full, read-only file): the run stops, since every later write would fail
 * too. `summary` holds what was done and stored before.
 */
export class RunStopped extends ParleyError {
  constructor(
    path: string,
    problem: string,
    readonly summary: IngestSummary,
  ) {
    super('store', path, problem)
    this.name = 'RunStopped'
  }
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

export interface Loaded {
  bytes: Uint8Array
  httpCharset: string | null
  sidecar: UserMeta | undefined
  /** For a URL: where the answer came from, after redirects (credentials removed). */
  finalUrl?: string
}

const SIDECAR_MAX_BYTES = 64 * 1024

/**
 * The `<file>.meta.json` beside an input, validated; a broken sidecar is an error naming it. The message never
 * quotes the sidecar's bytes: a sidecar may be a link to a file that is not ours to print (/etc/passwd).
 */
export function readSidecar(path: string): UserMeta | undefined {
  const side = path + SIDECAR_SUFFIX
  if (!existsSync(side) && !isLink(side)) return undefined
  if (isLink(side)) throw new ParleyError('ingest', side, 'sidecar is a symbolic link; not read (a sidecar must be a file of its own)')
  const bytes = readLocalFile(side, SIDECAR_MAX_BYTES)
  if (!bytes.ok) throw new ParleyError('ingest', side, `sidecar: ${bytes.error.problem}`)
  let json: unknown
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.value))
  } catch (e) {
    throw new ParleyError('ingest', side, e instanceof SyntaxError ? 'sidecar is not valid JSON' : 'sidecar is not UTF-8 text')
  }
  const parsed = UserMeta.safeParse(json)
  if (!parsed.success) throw new ParleyError('ingest', side, `sidecar fields are wrong: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(top)'}: ${i.code}`).join('; ')}`)
  return parsed.data
}

function fileKey(l: Loaded, published: string | undefined): string {
  const h = createHash('sha256').update(l.bytes)
  if (l.sidecar) h.update('\0sidecar\0' + JSON.stringify(l.sidecar))
  if (published) h.update('\0published\0' + published)
  return h.digest('hex')
}

export async function ingest(store: Store, inputs: readonly string[], opts: IngestOptions = {}): Promise<IngestSummary> {
  const extractor = extractWithin(opts.timeLimitMs, opts.lexiconDir ?? null, opts.lexicon)
  try {
    return await ingestWith(store, inputs, opts, extractor)
  } finally {
    await extractor.close()
  }
}

async function ingestWith(store: Store, inputs: readonly string[], opts: IngestOptions, extractor: Extractor): Promise<IngestSummary> {
  // The database's own files are never input, even when the folder walked holds them.
  const exclude = store.path === ':memory:' ? [] : databaseFiles(store.path)
  const items = expandInputs(inputs, { exclude, ignore: opts.ignore })
  const files: FileOutcome[] = []
  const summary = (runId: number): IngestSummary => ({
    runId,
    files,
    newDocs: files.reduce((n, f) => n + f.newDocs, 0),
    knownDocs: files.reduce((n, f) => n + f.knownDocs, 0),
    failed: files.filter((f) => f.status === 'failed').length,
    skipped: files.filter((f) => f.status === 'skipped').length,
  })
  let runId = 0
  try {
    // Inputs as given, without any password in a URL.
    runId = store.beginRun(inputs.map((i) => (isUrlLike(i) ? redactUrl(i) : i)))
  } catch (e) {
    const fatal = fatalStoreProblem(e)
    if (fatal) throw new RunStopped(store.path, `${fatal}; nothing was stored`, summary(0))
    throw e
  }
  opts.onStart?.(items.length)
  for (const item of items) {
    const path = item.kind === 'url' ? redactUrl(item.url) : item.path
    let outcome: FileOutcome
    try {
      if (item.kind === 'missing') outcome = failed(path, 'no such file or folder')
      else if (item.kind === 'unreadable') outcome = failed(path, item.reason)
      else if (item.kind === 'skipped') outcome = skipped(path, item.reason)
      else {
        try {
          const loaded = item.kind === 'url' ? await loadUrl(item.url, opts) : loadFile(item.path, opts.maxBytes)
          outcome = await ingestOne(store, runId, loaded, path, opts, extractor)
        } catch (e) {
          if (fatalStoreProblem(e)) throw e
          // Expected failures (ParleyError) name their input; anything else is a bug or an I/O error, but still
          // only this input's: it is recorded with its path and the batch goes on.
          if (e instanceof NotADocument) outcome = skipped(path, e.problem)
          else outcome = failed(path, e instanceof ParleyError ? e.message : `ingest: ${path}: ${(e as Error).message ?? String(e)} (unexpected; please report)`)
        }
      }
      if (outcome.status === 'failed' && !outcome.recorded) store.recordFile(runId, { path, sha256: createHash('sha256').update(path).digest('hex'), status: 'failed', documents: 0, reason: outcome.reason })
    } catch (e) {
      const fatal = fatalStoreProblem(e)
      if (!fatal) throw e
      try {
        store.finishRun(runId)
      } catch {
        // The same failure again; the run stays marked as interrupted, which is true.
      }
      throw new RunStopped(store.path, `${fatal}; stopped at ${path}`, summary(runId))
    }
    files.push(outcome)
    opts.onFile?.(files.length, items.length, outcome)
  }
  store.finishRun(runId)
  return summary(runId)
}

const isUrlLike = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s)

const isLink = (p: string): boolean => {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}

function skipped(path: string, reason: string): FileOutcome {
  return { path, status: 'skipped', newDocs: 0, knownDocs: 0, reason, warnings: [], documents: [] }
}

function isStated(doc: Document): boolean {
  return doc.published.source === 'user' || doc.published.source === 'sidecar'
}

function failed(path: string, reason: string): FileOutcome {
  return { path, status: 'failed', newDocs: 0, knownDocs: 0, reason, warnings: [], documents: [] }
}

function loadFile(path: string, maxBytes = DEFAULT_MAX_BYTES): Loaded {
  const r = readLocalFile(path, maxBytes)
  if (!r.ok) throw r.error
  return { bytes: r.value, httpCharset: null, sidecar: readSidecar(path) }
}

async function loadUrl(url: string, opts: IngestOptions): Promise<Loaded> {
  const r = await fetchUrl(url, { maxBytes: opts.maxBytes, allowPrivate: opts.allowPrivate })
  if (!r.ok) throw r.error
  return { bytes: r.value.bytes, httpCharset: r.value.charset, sidecar: undefined, finalUrl: r.value.url }
}

async function ingestOne(store: Store, runId: number, loaded: Loaded, path: string, opts: IngestOptions, extractor: Extractor): Promise<FileOutcome> {
  const sha256 = fileKey(loaded, opts.published)
  if (!opts.force && store.fileDone(sha256)) {
    const outcome: FileOutcome = { path, status: 'known', newDocs: 0, knownDocs: 0, reason: 'already ingested (same bytes)', warnings: [], documents: [], recorded: true }
    store.recordFile(runId, { path, sha256, status: 'known', documents: 0, reason: outcome.reason })
    return outcome
  }
  const read = readInput({ origin: path, bytes: loaded.bytes, httpCharset: loaded.httpCharset })
  if (!read.ok) throw read.error
  return storeRead(store, runId, loaded, path, sha256, read.value, opts, extractor)
}

/**
 * Normalizes, extracts and stores what was read from one input, and records the input (as `path`, keyed by
 * `sha256`) in run `runId`. `parley watch` calls it for each new item of a feed and each page an item links to.
 */
export async function storeRead(store: Store, runId: number, loaded: Loaded, path: string, sha256: string, read: ReadResult, opts: IngestOptions, extractor: Extractor = extractWithin(undefined, null, opts.lexicon)): Promise<FileOutcome> {
  const statements: Statements = { user: opts.published ? { published: opts.published } : undefined, sidecar: loaded.sidecar }
  const warnings = [...read.warnings]
  const docs: Document[] = []
  for (const raw of read.docs) {
    const doc = normalize(raw, statements)
    if (!doc.ok) warnings.push(doc.error.message)
    else if (doc.value.text.length > MAX_DOCUMENT_CHARS) warnings.push(`ingest: ${path}${raw.part ? `#${raw.part}` : ''}: text of ${doc.value.text.length} characters is over the ${MAX_DOCUMENT_CHARS}-character limit per document; not stored`)
    else docs.push(doc.value)
  }
  if (!docs.length) {
    // Every item failed (each warning names its item), or the input holds none.
    const status = read.docs.length ? 'failed' : 'empty'
    const reason = warnings.length ? warnings.join('; ') : 'no documents in this input'
    store.recordFile(runId, { path, sha256, status, documents: 0, reason })
    return { path, status, newDocs: 0, knownDocs: 0, reason, warnings, documents: [], recorded: true }
  }
  // Everything slow happens before the write lock: matching views, and the extraction of each document not
  // stored yet. Inside, only writes (a document another process stored meanwhile is simply 'known').
  const prepared: { doc: Document; match: { title: string; text: string }; extracted: Extracted | null }[] = []
  const overTime: string[] = []
  for (const doc of docs) {
    const extracted = store.getDocument(doc.id) === null ? await extractor.extract(doc) : null
    // Over the time limit: not stored (a re-run with a higher limit reads it again), and the input fails.
    if (extracted && !extracted.ok && 'timedOut' in extracted) overTime.push(extracted.problem)
    else prepared.push({ doc, match: { title: matchingForm(doc.title), text: matchingForm(doc.text) }, extracted })
  }
  const documents = store.transaction(() =>
    prepared.map(({ doc, match, extracted }: { doc: Document; match: { title: string; text: string }; extracted: Extracted | null }) => {
      const r = store.putDocument(doc, { bytes: loaded.bytes }, match)
      if (r.status === 'new') {
        const problem = storeExtraction(store, extracted ?? extractSafely(doc, opts.lexicon))
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
    ...(loaded.finalUrl && loaded.finalUrl !== path ? { finalUrl: loaded.finalUrl } : {}),
    sha256,
    status: overTime.length ? 'failed' : newDocs ? 'new' : 'known',
    documents: documents.length,
    reason: overTime.length ? overTime.join('; ') : warnings.length ? warnings.join('; ') : null,
  }
  store.recordFile(runId, rec)
  return { path, status: rec.status, newDocs, knownDocs: documents.length - newDocs, reason: rec.reason, warnings, documents, recorded: true }
}
