// Extraction with or without a time limit per document. Without one, in this thread, as before. With one, in a
// worker thread (see time-limit.ts): a document over the limit is reported as timed out, never stored, and the
// batch goes on with the next.
import { extname } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Document } from '../core/index.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'
import { extractSafely, type Extracted } from './extract.js'
import { withTimeLimit } from './time-limit.js'
import type { ExtractWorkerData } from './extract-worker.js'

export type TimedOut = { ok: false; timedOut: true; problem: string }

export interface Extractor {
  extract(doc: Document): Promise<Extracted | TimedOut>
  close(): Promise<void>
}

// The worker beside this file, as compiled (.js in dist/) or as source (.ts under tsx).
const WORKER = new URL(`./extract-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url)

const named = (doc: Document): string => `${doc.origin}${doc.part ? `#${doc.part}` : ''}`

/** `ms` undefined or 0: no limit. `lexiconDir` is what the worker loads; `lexicon` what this thread uses. */
export function extractWithin(ms: number | undefined, lexiconDir: string | null, lexicon?: ActorLexicon): Extractor {
  if (!ms) return { extract: async (doc) => extractSafely(doc, lexicon), close: async () => undefined }
  const data: ExtractWorkerData = { lexiconDir }
  const limited = withTimeLimit<Document, Extracted>(WORKER, ms, data)
  return {
    async extract(doc) {
      const r = await limited.run(doc)
      if (r.ok) return r.value
      if (r.timedOut) return { ok: false, timedOut: true, problem: `extract: ${named(doc)}: ${r.problem}; not stored (a longer --time-limit reads it)` }
      return { ok: false, problem: `extract: ${named(doc)}: ${r.problem}` }
    },
    close: () => limited.close(),
  }
}
