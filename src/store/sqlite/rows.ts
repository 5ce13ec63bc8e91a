// How documents are laid out in SQLite rows, and back. Values read back go through the zod schemas, so a
// row edited by hand into something invalid is reported, not handed on.
import { z } from 'zod'
import { Document, Reference, Span } from '../../core/document.js'
import { ParleyError } from '../../core/errors.js'
import { DocumentSummary, FileRecord, RunSummary } from '../store.js'

export interface DocumentRow {
  id: string
  origin: string
  part: string | null
  format: string
  url: string | null
  outlet: string | null
  lang: string | null
  title: string
  published_at: string | null
  published_precision: string
  published_source: string
  published_raw: string | null
  script: string
  encoding: string
  text: string
  sentences: string
  raw_sha256: string
  ingested_at: string
  updated_at: string
}

export type ReferenceRow = Reference & { doc_id: string }

/** The columns a caller supplies; raw_sha256 and the times are the store's own. */
export function documentColumns(doc: Document): Omit<DocumentRow, 'raw_sha256' | 'ingested_at' | 'updated_at'> {
  return {
    id: doc.id,
    origin: doc.origin,
    part: doc.part,
    format: doc.format,
    url: doc.url,
    outlet: doc.outlet,
    lang: doc.lang,
    title: doc.title,
    published_at: doc.published.at,
    published_precision: doc.published.precision,
    published_source: doc.published.source,
    published_raw: doc.published.raw,
    script: doc.script,
    encoding: doc.encoding,
    text: doc.text,
    sentences: JSON.stringify(doc.sentences.map((s) => [s.start, s.end])),
  }
}

// Sentences are stored as [[start, end], …]: a long article has thousands, and the keys would double the size.
const SentencePairs = z.array(z.tuple([z.number(), z.number()]))

type PublishedColumns = Pick<DocumentRow, 'published_at' | 'published_precision' | 'published_source' | 'published_raw'>

/** Not yet a Published: precision and source are plain strings until the schema wrapping them checks them. */
export function publishedFrom(row: PublishedColumns): { at: string | null; precision: string; source: string; raw: string | null } {
  return { at: row.published_at, precision: row.published_precision, source: row.published_source, raw: row.published_raw }
}

export function documentFrom(row: DocumentRow, refs: ReferenceRow[]): Document {
  let sentences: Span[]
  try {
    sentences = SentencePairs.parse(JSON.parse(row.sentences)).map(([start, end]) => ({ start, end }))
  } catch (e) {
    throw new ParleyError('store', row.id, `stored sentences are not valid: ${(e as Error).message}`)
  }
  return checked(Document, row.id, {
    id: row.id,
    origin: row.origin,
    part: row.part,
    format: row.format,
    url: row.url,
    outlet: row.outlet,
    lang: row.lang,
    title: row.title,
    published: publishedFrom(row),
    script: row.script,
    text: row.text,
    sentences,
    references: refs.map(({ doc_id: _, ...r }) => r),
    encoding: row.encoding,
  })
}

export interface SummaryRow extends PublishedColumns {
  id: string
  origin: string
  part: string | null
  format: string
  title: string
  script: string
  chars: number
  ingested_at: string
}

export function summaryFrom(row: SummaryRow): DocumentSummary {
  return checked(DocumentSummary, row.id, {
    id: row.id,
    origin: row.origin,
    part: row.part,
    format: row.format,
    title: row.title,
    published: publishedFrom(row),
    script: row.script,
    chars: row.chars,
    ingestedAt: row.ingested_at,
  })
}

export interface RunRow {
  id: number
  started_at: string
  finished_at: string | null
  inputs: string
  new_docs: number
  known_docs: number
  failed_files: number
}

export function runFrom(row: RunRow): RunSummary {
  return checked(RunSummary, `run ${row.id}`, {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    inputs: JSON.parse(row.inputs) as unknown,
    newDocs: row.new_docs,
    knownDocs: row.known_docs,
    failedFiles: row.failed_files,
  })
}

export function fileFrom(row: FileRecord): FileRecord {
  return checked(FileRecord, row.path, row)
}

/** Parses value with schema; a failure becomes an error naming the input and every problem found. */
export function checked<S extends z.ZodType>(schema: S, input: string, value: unknown): z.infer<S> {
  const r = schema.safeParse(value)
  if (r.success) return r.data
  const problems = r.error.issues.map((i) => `${i.path.join('.') || '(value)'}: ${i.message}`).join('; ')
  throw new ParleyError('store', input, `invalid value: ${problems}`)
}
