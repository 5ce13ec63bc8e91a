// One input (a file's or a URL's bytes) -> the RawDocuments in it: decode, detect the container, and hand
// it to its reader. A feed gives one document per item; every other container gives one.
import { err, ok, type EncodingSource, type RawDocument, type Result } from '../core/index.js'
import { decode } from './encoding.js'
import { detectFormat } from './detect.js'
import { readFeed } from './feed.js'
import { readFeedExport } from './feed-export.js'
import { looksLikeJson, sniffBinary } from './sniff.js'
import { NotADocument } from './local.js'

export interface Input {
  origin: string // the path or URL as given
  bytes: Uint8Array
  httpCharset?: string | null
}

export interface ReadResult {
  docs: RawDocument[]
  warnings: string[]
}

// C0 controls other than tab, newlines and form feed: never meant in news text (a NUL from a broken save).
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/g

/**
 * Errors are values: a ParleyError naming the input, or a NotADocument (an image, an archive, JSON data) that
 * the caller sets aside rather than counts as failed.
 */
export function readInput(input: Input): Result<ReadResult> {
  if (input.bytes.length === 0) return err(new NotADocument(input.origin, 'skipped: empty file'))
  const binary = sniffBinary(input.bytes)
  if (binary) return err(new NotADocument(input.origin, `skipped: ${binary}`))
  const decoded = decode(input.bytes, { name: input.origin, httpCharset: input.httpCharset ?? null })
  if (!decoded.ok) return decoded
  const { encoding, source } = decoded.value
  let text = decoded.value.text
  const warnings: string[] = []
  const controls = text.match(CONTROL)?.length ?? 0
  if (controls) {
    text = text.replace(CONTROL, '')
    warnings.push(`${input.origin}: removed ${controls} control character${controls > 1 ? 's' : ''} (NUL and the like)`)
  }
  if (!text.trim()) return err(new NotADocument(input.origin, 'skipped: only whitespace'))
  const ctx = { origin: input.origin, bytes: input.bytes, encoding, encodingSource: source }
  const format = detectFormat(text, input.origin)
  if (format === 'text' && looksLikeJson(text)) return err(new NotADocument(input.origin, 'skipped: JSON data, not a JSON Feed'))
  const withWarnings = (r: Result<ReadResult>): Result<ReadResult> => (r.ok ? ok({ ...r.value, warnings: [...warnings, ...r.value.warnings] }) : r)
  return withWarnings(readAs(format, text, ctx))
}

function readAs(format: ReturnType<typeof detectFormat>, text: string, ctx: { origin: string; bytes: Uint8Array; encoding: string; encodingSource: EncodingSource }): Result<ReadResult> {
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
