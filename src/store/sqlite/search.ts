// Chinese full-text search over the matching view. FTS5's trigram tokenizer finds any substring of three or
// more characters; two-character words (普京, 停火, 美国) are common in Chinese, so shorter terms fall back to
// instr() over the stored match text, as a filter on the FTS hits or, when no term is long enough, as a scan.
import type { Database, Statement } from 'better-sqlite3'
import { SNIPPET_CLOSE, SNIPPET_OPEN, SearchHit } from '../store.js'
import { checked, publishedFrom, type DocumentRow } from './rows.js'

const TRIGRAM = 3
const SNIPPET_TOKENS = 32 // trigram tokens are about one character each
const WINDOW_BEFORE = 12
const WINDOW_AFTER = 20

type HitRow = Pick<DocumentRow, 'id' | 'title' | 'published_at' | 'published_precision' | 'published_source' | 'published_raw'>
type FtsRow = HitRow & { snippet: string }
type ScanRow = HitRow & { match_title: string; match_text: string }

/** Whitespace separates terms; every term must occur. */
export function splitQuery(query: string): string[] {
  return query.split(/\s+/u).filter((t) => t.length > 0)
}

const codePoints = (s: string): number => [...s].length

// A term as an FTS5 string literal: no character in it is read as query syntax (AND, NEAR, *, ^, quotes).
const ftsPhrase = (term: string): string => `"${term.replaceAll('"', '""')}"`

// The trigram tokenizer folds case; instr() does not, and SQLite's lower() folds only ASCII. Folding ASCII
// alone on both sides keeps Latin names (Rubio, NATO) matching either way and keeps string lengths unchanged,
// so positions found in the folded text are positions in the original.
const foldAscii = (s: string): string => s.replace(/[A-Z]+/g, (c) => c.toLowerCase())

export class Searcher {
  private readonly cache = new Map<string, Statement>()

  constructor(private readonly db: Database) {}

  search(query: string, limit: number): SearchHit[] {
    const terms = splitQuery(query)
    if (terms.length === 0) return []
    const long = terms.filter((t) => codePoints(t) >= TRIGRAM)
    const short = terms.filter((t) => codePoints(t) < TRIGRAM).map(foldAscii)
    return long.length > 0 ? this.viaFts(long, short, limit) : this.viaScan(short, limit)
  }

  private viaFts(long: string[], short: string[], limit: number): SearchHit[] {
    const sql = `
      SELECT d.id, d.title, d.published_at, d.published_precision, d.published_source, d.published_raw,
             CASE WHEN instr(${snip(1)}, '${SNIPPET_OPEN}') > 0 THEN ${snip(1)} ELSE ${snip(0)} END AS snippet
      FROM document_fts
      JOIN document_match m ON m.rowid = document_fts.rowid
      JOIN documents d ON d.id = m.doc_id
      WHERE document_fts MATCH ? ${short.map(() => `AND ${containsSql}`).join(' ')}
      ORDER BY bm25(document_fts, 2.0, 1.0), d.id
      LIMIT ?`
    const expr = long.map(ftsPhrase).join(' AND ')
    const rows = this.stmt(sql).all(expr, ...short.flatMap((t) => [t, t]), limit) as FtsRow[]
    return rows.map((r) => hit(r, tidy(r.snippet)))
  }

  // Ranked by where and how often the first term occurs: a title hit first, then more occurrences.
  private viaScan(short: string[], limit: number): SearchHit[] {
    const sql = `
      SELECT d.id, d.title, d.published_at, d.published_precision, d.published_source, d.published_raw,
             m.title AS match_title, m.text AS match_text
      FROM document_match m
      JOIN documents d ON d.id = m.doc_id
      WHERE ${short.map(() => containsSql).join(' AND ')}
      ORDER BY instr(lower(m.title), ?) > 0 DESC,
               (length(m.text) - length(replace(lower(m.text), ?, ''))) / length(?) DESC,
               d.published_at DESC, d.id
      LIMIT ?`
    const first = short[0] ?? ''
    const params = [...short.flatMap((t) => [t, t]), first, first, first, limit]
    const rows = this.stmt(sql).all(...params) as ScanRow[]
    return rows.map((r) => {
      const inText = windowAround(r.match_text, short)
      return hit(r, inText ?? windowAround(r.match_title, short) ?? '')
    })
  }

  private stmt(sql: string): Statement {
    let s = this.cache.get(sql)
    if (!s) {
      s = this.db.prepare(sql)
      this.cache.set(sql, s)
    }
    return s
  }
}

// The text around a hit says more than the title, which the hit list shows anyway: prefer the text column.
const snip = (column: number): string =>
  `snippet(document_fts, ${column}, '${SNIPPET_OPEN}', '${SNIPPET_CLOSE}', '…', ${SNIPPET_TOKENS})`

const containsSql = '(instr(lower(m.title), ?) > 0 OR instr(lower(m.text), ?) > 0)'

function hit(r: HitRow, snippet: string): SearchHit {
  return checked(SearchHit, r.id, { id: r.id, title: r.title, snippet, published: publishedFrom(r) })
}

// Snippets are one line: paragraph breaks in a hit list only waste space.
const tidy = (s: string): string => s.replace(/\s+/gu, ' ').trim()

/** A window of text around the first hit of the first term, every hit in it marked; null if none is in text. */
export function windowAround(text: string, foldedTerms: string[]): string | null {
  const folded = foldAscii(text)
  const [first] = foldedTerms
  if (first === undefined) return null
  const at = folded.indexOf(first)
  if (at < 0) return null
  let start = Math.max(0, at - WINDOW_BEFORE)
  let end = Math.min(text.length, at + first.length + WINDOW_AFTER)
  // Never cut a surrogate pair in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++

  const marked = new Array<boolean>(end - start).fill(false)
  for (const term of foldedTerms) {
    for (let i = folded.indexOf(term, start); i >= 0 && i < end; i = folded.indexOf(term, i + 1)) {
      for (let j = i; j < Math.min(end, i + term.length); j++) marked[j - start] = true
    }
  }
  let out = start > 0 ? '…' : ''
  for (let i = start; i < end; i++) {
    const on = marked[i - start] === true
    const before = i > start && marked[i - start - 1] === true
    if (on && !before) out += SNIPPET_OPEN
    if (!on && before) out += SNIPPET_CLOSE
    out += text[i]
  }
  if (marked[end - start - 1] === true) out += SNIPPET_CLOSE
  if (end < text.length) out += '…'
  return tidy(out)
}

const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff
