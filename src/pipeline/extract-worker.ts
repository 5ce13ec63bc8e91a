// The worker thread behind `ingest --time-limit`: extracts one document per message (see time-limit.ts).
// It loads its own lexicon (a lexicon holds functions, which cannot be sent to a thread) and warms up with one
// short document before it says it is ready, so the limit counts each document's own extraction only.
import { serveTimeLimited } from './time-limit.js'
import { loadActorLexicon, type ActorLexicon } from '../extract/mentions/lexicon.js'
import { extractSafely, type Extracted } from './extract.js'
import type { Document } from '../core/index.js'
import { readInput } from '../ingest/read.js'
import { normalize } from '../normalize/index.js'

export interface ExtractWorkerData {
  /** The user's lexicon folder overlaid on the shipped one (--lexicon), or null. */
  lexiconDir: string | null
}

function setup(data: unknown): ActorLexicon {
  const lexicon = loadActorLexicon((data as ExtractWorkerData | undefined)?.lexiconDir ?? null)
  const warm = readInput({ origin: 'warm-up.txt', bytes: new TextEncoder().encode('2025年2月12日，两国总统通电话。') })
  const doc = warm.ok ? normalize(warm.value.docs[0]!, {}) : null
  if (doc?.ok) extractSafely(doc.value, lexicon)
  return lexicon
}

await serveTimeLimited<Document, Extracted, ActorLexicon>(setup, (doc, lexicon) => extractSafely(doc, lexicon))
