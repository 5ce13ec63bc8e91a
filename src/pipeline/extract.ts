// Extract a document: a pure computation, run before the write lock is taken, so another process's ingest is
// never kept waiting on our extraction. A failure in the extract stage is a bug, but one article's bug must
// not stop a batch: it is returned as a message naming the document, and the document stays stored without
// facts until it is reprocessed.
import type { Document, Extraction } from '../core/index.js'
import { extract } from '../extract/index.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'
import type { Store } from '../store/store.js'

export type Extracted = { ok: true; extraction: Extraction } | { ok: false; problem: string }

export function extractSafely(doc: Document, lexicon?: ActorLexicon): Extracted {
  try {
    return { ok: true, extraction: extract(doc, { lexicon }) }
  } catch (e) {
    return { ok: false, problem: `extract: ${doc.origin}${doc.part ? `#${doc.part}` : ''}: ${(e as Error).message}` }
  }
}

/** Stores an extraction made before (inside the caller's write transaction); the problem if there was one. */
export function storeExtraction(store: Store, x: Extracted): string | null {
  if (!x.ok) return x.problem
  store.putExtraction(x.extraction)
  return null
}

/** Extract and store in one step, for callers outside a transaction. */
export function extractInto(store: Store, doc: Document, lexicon?: ActorLexicon): string | null {
  return storeExtraction(store, extractSafely(doc, lexicon))
}
