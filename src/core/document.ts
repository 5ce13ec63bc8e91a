// The types that cross the ingest -> normalize -> store boundary. One zod schema each; the
// TypeScript type is inferred from it, so the CLI, the store and the tests share one definition.
import { z } from 'zod'

/** What kind of container a document came in. Detected from content, not only from the file name. */
export const Format = z.enum(['rss', 'atom', 'rdf', 'jsonfeed', 'feed-export', 'html', 'text', 'wiki'])
export type Format = z.infer<typeof Format>

/** How finely a date is known. `unknown` means nothing stated it; we never guess. */
export const DatePrecision = z.enum(['minute', 'day', 'month', 'year', 'unknown'])
export type DatePrecision = z.infer<typeof DatePrecision>

/** Where a publication date came from. */
export const DateSource = z.enum([
  'feed', // a feed item's pubDate / published / updated / date_published
  'epoch-comment', // the <!--epoch-ms--> line of a feed-export item
  'meta-tag', // <meta property="article:published_time"> and kin
  'json-ld', // datePublished in a JSON-LD block
  'time-element', // <time datetime="…">
  'text-pattern', // a Chinese or numeric date pattern near the title
  'user', // --published on the command line
  'sidecar', // <file>.meta.json beside the input
  'inferred', // derived by a later stage from other documents
  'none',
])
export type DateSource = z.infer<typeof DateSource>

/**
 * A publication time. `at` is ISO 8601 cut to its precision: `2025-02-18T07:27Z` (minute, zone known),
 * `2025-02-18T07:27` (minute, local time of an unknown zone), `2025-02-18` (day), `2025-02` (month), `2025` (year),
 * or null when unknown. `raw` keeps the words or value it was read from.
 */
export const Published = z.object({
  at: z.string().nullable(),
  precision: DatePrecision,
  source: DateSource,
  raw: z.string().nullable(),
})
export type Published = z.infer<typeof Published>

export const UNKNOWN_DATE: Published = { at: null, precision: 'unknown', source: 'none', raw: null }

/** One entry of a Wikipedia copy's numbered reference list, kept as a source, not as text. */
export const Reference = z.object({
  n: z.number().int().positive(),
  outlet: z.string().nullable(),
  title: z.string(),
  date: z.string().nullable(), // publication date of the cited piece, ISO, when stated
  accessed: z.string().nullable(), // the [access date] in brackets
  language: z.string().nullable(), // as the copy names it: 英语, 俄语 … mapped to a code where known
  url: z.string().nullable(),
  raw: z.string(),
})
export type Reference = z.infer<typeof Reference>

export const EncodingSource = z.enum(['bom', 'http', 'xml-declaration', 'meta', 'detected', 'default'])
export type EncodingSource = z.infer<typeof EncodingSource>

/** What a reader found in one input: decoded, its container understood, nothing cleaned yet. */
export const RawDocument = z.object({
  origin: z.string(), // the path or URL as given
  part: z.string().nullable(), // which item of a multi-item source (a feed item's guid, link or index)
  format: Format,
  bytes: z.custom<Uint8Array>((v) => v instanceof Uint8Array), // the source's bytes as read (a whole feed for each of its items)
  encoding: z.string(), // 'utf-8', 'gb18030', 'big5', …
  encodingSource: EncodingSource,
  body: z.string(), // the decoded content: HTML (page or fragment) or plain text
  bodyKind: z.enum(['html', 'text']),
  title: z.string().nullable(), // a title the container states (feed item title, markdown link text)
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  lang: z.string().nullable(),
  dates: z.array(Published), // date candidates the container states, strongest first
})
export type RawDocument = z.infer<typeof RawDocument>

export const Script = z.enum(['simplified', 'traditional', 'unknown'])
export type Script = z.infer<typeof Script>

/** A half-open character range [start, end) in a document's original text. */
export const Span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
export type Span = z.infer<typeof Span>

/** A clean, dated document: what every later stage reads. */
export const Document = z.object({
  id: z.string(), // hash of the normalised text: the same article from two files is one document
  origin: z.string(),
  part: z.string().nullable(),
  format: Format,
  url: z.string().nullable(),
  outlet: z.string().nullable(),
  lang: z.string().nullable(),
  title: z.string(),
  published: Published,
  script: Script,
  text: z.string(), // main text; paragraphs separated by a blank line
  sentences: z.array(Span),
  references: z.array(Reference),
  encoding: z.string(),
})
export type Document = z.infer<typeof Document>

/** What a user may state about an input: `--published` or a `<file>.meta.json` sidecar. */
export const UserMeta = z.object({
  published: z.string().optional(),
  url: z.string().optional(),
  outlet: z.string().optional(),
  title: z.string().optional(),
})
export type UserMeta = z.infer<typeof UserMeta>
