// One input (a file's or a URL's bytes) -> the RawDocuments in it: decode, detect the container, and hand
// it to its reader. A feed gives one document per item; every other container gives one.
import { ok, type RawDocument, type Result } from '../core/index.js'
import { decode } from './encoding.js'
import { detectFormat } from './detect.js'
import { readFeed } from './feed.js'
import { readFeedExport } from './feed-export.js'

export interface Input {
  origin: string // the path or URL as given
  bytes: Uint8Array
  httpCharset?: string | null
}

export interface ReadResult {
  docs: RawDocument[]
  warnings: string[]
}

export function readInput(input: Input): Result<ReadResult> {
  const decoded = decode(input.bytes, { name: input.origin, httpCharset: input.httpCharset ?? null })
  if (!decoded.ok) return decoded
  const { text, encoding, source } = decoded.value
  const ctx = { origin: input.origin, bytes: input.bytes, encoding, encodingSource: source }
  const format = detectFormat(text, input.origin)
  switch (format) {
    case 'rss':
    case 'atom':
    case 'rdf':
    case 'jsonfeed': {
      const feed = readFeed(text, ctx)
      return feed.ok ? ok({ docs: feed.value.items, warnings: feed.value.warnings }) : feed
    }
    case 'feed-export': {
      const item = readFeedExport(text, ctx)
      return item.ok ? ok({ docs: [item.value], warnings: [] }) : item
    }
    case 'html':
    case 'wiki':
    case 'text': {
      // A wiki copy may be a saved page (HTML) or the page's text.
      const bodyKind = format === 'html' || (format === 'wiki' && /<(?:html|body|div|p)[\s>]/i.test(text.slice(0, 8192))) ? 'html' : 'text'
      return ok({
        docs: [{ ...ctx, part: null, format, body: text, bodyKind, title: null, url: null, outlet: null, lang: null, dates: [] }],
        warnings: [],
      })
    }
  }
}
