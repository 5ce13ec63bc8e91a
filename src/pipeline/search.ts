// Search for people: the query is folded to the matching view (烏克蘭 and 乌克兰 find each other), and each
// snippet is shown in the document's own script. The store searches the matching view, which is index-aligned
// with the original text, so a snippet found there is the same stretch of the original.
import { SNIPPET_CLOSE, SNIPPET_OPEN, type SearchHit, type SearchOptions, type Store } from '../store/store.js'
import { matchingForm, matchingView } from '../normalize/matching.js'
import type { Document } from '../core/index.js'

const ELLIPSIS = '…'

export function searchDocuments(store: Store, query: string, opts?: SearchOptions): SearchHit[] {
  return store.search(matchingForm(query), opts).map((h) => {
    const doc = store.getDocument(h.id)
    return doc ? { ...h, snippet: inOriginalScript(doc, h.snippet) } : h
  })
}

/** The snippet (marks «» and ellipses kept) re-read from the original title or text; unchanged if not found. */
export function inOriginalScript(doc: Document, snippet: string): string {
  const lead = snippet.startsWith(ELLIPSIS) ? ELLIPSIS : ''
  const tail = snippet.endsWith(ELLIPSIS) && snippet.length > 1 ? ELLIPSIS : ''
  const body = snippet.slice(lead.length, snippet.length - tail.length)
  const pieces = body.split(new RegExp(`([${SNIPPET_OPEN}${SNIPPET_CLOSE}])`)).filter((p) => p !== '')
  const plain = pieces.filter((p) => p !== SNIPPET_OPEN && p !== SNIPPET_CLOSE).join('')
  if (!plain) return snippet
  for (const original of [doc.text, doc.title]) {
    const at = matchingView(original).text.indexOf(plain)
    if (at < 0) continue
    let k = at
    const out = pieces.map((p) => {
      if (p === SNIPPET_OPEN || p === SNIPPET_CLOSE) return p
      const piece = original.slice(k, k + p.length)
      k += p.length
      return piece
    })
    return lead + out.join('') + tail
  }
  return snippet
}
