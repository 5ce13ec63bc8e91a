// Reprocessing: read a stored document again from the bytes it came from, with today's readers and lexicons,
// and replace it in one transaction. What the user stated about it (a --published date, a sidecar) is not in
// the bytes, so it is carried over from the stored document.
import { ParleyError, type Document, type Result, err, ok } from '../core/index.js'
import { readInput } from '../ingest/read.js'
import { normalize, type Statements } from '../normalize/index.js'
import { matchingForm } from '../normalize/matching.js'
import type { PutResult, Store } from '../store/store.js'
import { extractSafely, storeExtraction } from './extract.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'

export interface Reprocessed {
  oldId: string
  newId: string
  status: PutResult['status']
  changed: boolean
}

/** Reads a stored document again; `lexicon` (default: the shipped one) re-resolves its actors. */
export function reprocess(store: Store, id: string, lexicon?: ActorLexicon): Result<Reprocessed> {
  const old = store.getDocument(id)
  const raw = old ? store.getRaw(old.id) : null
  if (!old || !raw) return err(new ParleyError('normalize', id, 'no stored document with this id'))
  const read = readInput({ origin: raw.origin, bytes: raw.bytes })
  if (!read.ok) return read
  const item = read.value.docs.find((d) => d.part === raw.part)
  if (!item) return err(new ParleyError('normalize', id, `the stored bytes no longer hold item ${raw.part ?? '(whole file)'}`))
  const p = old.published
  const carried: Statements = {}
  if (p.source === 'user' && p.raw) carried.user = { published: p.raw }
  if (p.source === 'sidecar' && p.raw) carried.sidecar = { published: p.raw }
  // A page fetched for a feed item (parley watch) had the feed's date as a candidate: it is not in the page's bytes.
  const withFeedDate = p.source === 'feed' && item.dates.length === 0 ? { ...item, dates: [p] } : item
  const doc = normalize(withFeedDate, carried)
  if (!doc.ok) return doc
  const next: Document = { ...doc.value, url: doc.value.url ?? old.url, outlet: doc.value.outlet ?? old.outlet }
  // Extracted before the write transaction (replaceDocument keeps the new reading's id), so the lock is held only to write.
  const extracted = extractSafely(next, lexicon)
  const r = store.transaction(() => {
    const put = store.replaceDocument(old.id, next, { title: matchingForm(next.title), text: matchingForm(next.text) })
    const problem = storeExtraction(store, extracted)
    if (problem) throw new ParleyError('extract', id, problem)
    return put
  })
  return ok({ oldId: old.id, newId: r.id, status: r.status, changed: JSON.stringify(old) !== JSON.stringify({ ...next, id: r.id }) })
}
