// The stored record, rebuilt when it is stale: on the first read after documents or extractions changed
// (ingest, reprocess), so listing commands read the table instead of resolving on every call.
import type { Document, Extraction } from '../core/index.js'
import { resolve } from '../resolve/index.js'
import { loadResolveLexicon, readCameo } from '../resolve/lexicon.js'
import type { Store } from '../store/store.js'

export function rebuildRecord(store: Store): void {
  const documents: Document[] = []
  const extractions: Extraction[] = []
  for (const s of store.listDocuments({ limit: Number.MAX_SAFE_INTEGER })) {
    const doc = store.getDocument(s.id)
    const ex = store.getExtraction(s.id)
    if (doc && ex) {
      documents.push(doc)
      extractions.push(ex)
    }
  }
  const record = resolve({ documents, extractions, lexicon: loadResolveLexicon(), cameo: readCameo() })
  store.putRecord(record)
}

/** Makes sure the stored record is current; returns true when it had to be rebuilt. */
export function ensureRecord(store: Store): boolean {
  if (!store.recordStale()) return false
  store.transaction(() => rebuildRecord(store))
  return true
}
