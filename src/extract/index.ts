// extract: Document -> Extraction. Each family of facts is its own stage over the matching view, which is
// index-aligned with the original text, so every span points into Document.text.
import type { Document, Extraction } from '../core/index.js'
import { matchingView } from '../normalize/matching.js'
import { findMentions } from './mentions/index.js'
import { findTimes } from './time/index.js'
import { findNumbers } from './numbers/index.js'
import { findQuotes } from './quotes/index.js'
import { findEvents } from './events/index.js'

export function extract(doc: Document): Extraction {
  const view = matchingView(doc.text).text
  const mentions = findMentions(doc)
  const times = findTimes(view, { published: doc.published })
  const quotes = findQuotes(doc, view, mentions)
  return {
    docId: doc.id,
    mentions,
    quotes,
    times,
    numbers: findNumbers(view, doc.sentences),
    events: findEvents({ doc, view, mentions, times, quotes }),
  }
}
