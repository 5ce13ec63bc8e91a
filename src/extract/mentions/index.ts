// Mention finding and resolution (issue 3). Placeholder until the resolver lands: finds nothing.
import type { Document, Mention } from '../../core/index.js'

export function findMentions(_doc: Document): Mention[] {
  return []
}
