// One input (a file's or a URL's bytes) -> the RawDocuments in it: decode, detect the container, and hand
// it to its reader. A feed gives one document per item; every other container gives one.
import { err, ok, ParleyError, type EncodingSource, type RawDocument, type Result } from '../core/index.js'
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

// Reading and extracting take time in proportion to the text (about 0.1 ms a character): past these, an input is
// not news but something that would keep the run busy for minutes.
export const MAX_INPUT_CHARS = 2_000_000
export const MAX_DOCUMENT_CHARS = 200_000

// No real page nests elements a thousand deep; a page that does is built to exhaust a parser's stack.
export const MAX_DEPTH = 1000
// Void elements, and elements that old pages leave unclosed (<p>, <li>, <td>…): not counted as nesting.
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen', 'command', 'p', 'li', 'td', 'th', 'tr', 'dt', 'dd', 'option', 'tbody', 'thead', 'font'])

/** How deep the elements nest (stopping once past `limit`), from the tags alone: no parser involved. */
export function markupDepth(text: string, limit: number): number {
  let depth = 0
  let max = 0
  for (const m of text.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (m[1]) depth = Math.max(0, depth - 1)
    else if (!m[3] && !VOID.has(m[2]!.toLowerCase())) {
      depth++
      if (depth > max) max = depth
      if (max > limit) return max
    }
  }
  return max
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
  const warnings: string[] = decoded.value.warning ? [`${input.origin}: ${decoded.value.warning}`] : []
  const controls = text.match(CONTROL)?.length ?? 0
  if (controls) {
    text = text.replace(CONTROL, '')
    warnings.push(`${input.origin}: removed ${controls} control character${controls > 1 ? 's' : ''} (NUL and the like)`)
  }
  if (!text.trim()) return err(new NotADocument(input.origin, 'skipped: only whitespace'))
  if (text.length > MAX_INPUT_CHARS) return err(new ParleyError('ingest', input.origin, `${text.length} characters is over the ${MAX_INPUT_CHARS}-character limit for one input; not read`))
  const ctx = { origin: input.origin, bytes: input.bytes, encoding, encodingSource: source }
  const format = detectFormat(text, input.origin)
  const header = /^\uFEFF?\s*<!--([^\n]*?)-->[ \t]*\r?\n\s*\[[^\n]*\]\([^\s)]+\)/.exec(text)
  if (format !== 'feed-export' && header) warnings.push(`${input.origin}: looks like a feed-export item, but its header <!--${header[1]!.slice(0, 40)}--> is not an epoch time; read as text, date unknown`)
  if (format === 'html' || format === 'wiki' || format === 'rss' || format === 'atom' || format === 'rdf') {
    const depth = markupDepth(text, MAX_DEPTH)
    if (depth > MAX_DEPTH) return err(new ParleyError('ingest', input.origin, `markup nested more than ${MAX_DEPTH} levels deep; not read`))
  }
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
