// normalize: RawDocument -> Document. Main text without chrome, title, publication date with its source,
// script, sentences. Pure: reads nothing but its arguments (and the lexicons).
import { createHash } from 'node:crypto'
import {
  Document,
  ParleyError,
  err,
  ok,
  parseStatedDate,
  type Published,
  type RawDocument,
  type Reference,
  type Result,
  type UserMeta,
} from '../core/index.js'
import { extractHtml } from './html/index.js'
import { readDateline } from './dateline.js'
import { extractPlainText } from './text.js'
import { extractWikiText } from './wiki.js'
import { choosePublished } from './published.js'
import { detectScript } from './script.js'
import { splitSentences } from './sentences.js'

export interface Statements {
  /** What the user said on the command line (--published …). */
  user?: UserMeta
  /** What a `<file>.meta.json` beside the input says. */
  sidecar?: UserMeta
}

const FEED_FORMATS = new Set(['rss', 'atom', 'rdf', 'jsonfeed', 'feed-export'])

/** The id of a document: a hash of its text with Unicode and white space normalised. */
export function documentId(text: string): string {
  const canonical = text.normalize('NFC').replace(/\s+/g, ' ').trim()
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16)
}

interface Body {
  title: string | null
  text: string
  dates: Published[]
  references: Reference[]
  lang: string | null
  outlet: string | null
  url: string | null
}

function readBody(raw: RawDocument): Body {
  if (raw.bodyKind === 'html') {
    const ex = extractHtml(raw.body, { url: raw.url, fragment: FEED_FORMATS.has(raw.format) })
    const base = { dates: ex.dates, lang: ex.lang, outlet: ex.siteName, url: ex.canonicalUrl }
    if (raw.format === 'wiki') {
      const w = extractWikiText(ex.text)
      return { ...base, title: ex.title ?? w.title, text: w.text, references: w.references }
    }
    return { ...base, title: ex.title, text: ex.text, references: [] }
  }
  if (raw.format === 'wiki') {
    const w = extractWikiText(raw.body)
    return { title: w.title, text: w.text, dates: [], references: w.references, lang: null, outlet: null, url: null }
  }
  const t = extractPlainText(raw.body, readDateline)
  return { title: t.title, text: t.text, dates: t.dates, references: [], lang: null, outlet: null, url: null }
}

function stated(meta: UserMeta | undefined, source: 'user' | 'sidecar', origin: string): Result<Published | null> {
  if (!meta?.published) return ok(null)
  const p = parseStatedDate(meta.published, source)
  if (!p) {
    const where = source === 'user' ? '--published' : 'the .meta.json sidecar'
    return err(new ParleyError('normalize', origin, `${where} gives "${meta.published}", which is not a date (use 2025-02-13, 2025-02 or 2025-02-13T10:00+08:00)`))
  }
  return ok(p)
}

export function normalize(raw: RawDocument, statements: Statements = {}): Result<Document> {
  const name = raw.part ? `${raw.origin}${raw.part.startsWith('#') ? '' : '#'}${raw.part}` : raw.origin
  const body = readBody(raw)
  const text = body.text.normalize('NFC').trim()
  if (!text) return err(new ParleyError('normalize', name, 'no article text found'))
  const user = stated(statements.user, 'user', name)
  if (!user.ok) return user
  const sidecar = stated(statements.sidecar, 'sidecar', name)
  if (!sidecar.ok) return sidecar
  const candidates = [user.value, sidecar.value, ...raw.dates, ...body.dates].filter((d): d is Published => d !== null)
  const title = (statements.user?.title ?? statements.sidecar?.title ?? raw.title ?? body.title ?? firstWords(text)).normalize('NFC').trim()
  const script = detectScript(`${title}\n${text}`)
  return ok(
    Document.parse({
      id: documentId(text),
      origin: raw.origin,
      part: raw.part,
      format: raw.format,
      url: statements.user?.url ?? statements.sidecar?.url ?? raw.url ?? body.url,
      outlet: statements.user?.outlet ?? statements.sidecar?.outlet ?? raw.outlet ?? body.outlet,
      lang: raw.lang ?? body.lang ?? (script === 'unknown' ? null : 'zh'),
      title,
      published: choosePublished(candidates),
      script,
      text,
      sentences: splitSentences(text),
      references: body.references,
      encoding: raw.encoding,
    }),
  )
}

/** A title for a text that states none: its first sentence, cut short. */
function firstWords(text: string): string {
  const line = text.split('\n')[0] ?? ''
  const end = line.search(/[。！？!?]/)
  const s = end > 0 ? line.slice(0, end) : line
  return s.length > 40 ? `${s.slice(0, 40)}…` : s
}
