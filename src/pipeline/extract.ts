// Extract a stored document and store what was read, replacing its previous extraction. A failure in the
// extract stage is a bug, but one article's bug must not stop a batch: it is returned as a message naming
// the document, and the document stays stored without facts until it is reprocessed.
import type { Document } from '../core/index.js'
import { extract } from '../extract/index.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'
import type { Store } from '../store/store.js'

export function extractInto(store: Store, doc: Document, lexicon?: ActorLexicon): string | null {
  try {
    store.putExtraction(extract(doc, { lexicon }))
    return null
  } catch (e) {
    return `extract: ${doc.origin}${doc.part ? `#${doc.part}` : ''}: ${(e as Error).message}`
  }
}
