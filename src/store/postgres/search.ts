// Chinese full-text search in PostgreSQL. Its text search parsers split words at spaces and punctuation, which
// Chinese does not have, and no Chinese parser ships with Debian's packages. So, like the SQLite store's
// trigram index, this one indexes pieces of the matching view rather than words: every distinct pair of
// neighbouring characters (bigrams), in a GIN-indexed text[] column. A term of two or more characters is looked
// up by its bigrams (all must be present), then checked as a whole with strpos(); a one-character term is a scan.
// ASCII letters are folded on both sides, and only they, as the SQLite store does, so offsets stay the same.
import { SearchHit } from '../store.js'
import { checked, publishedFrom, type DocumentRow } from '../sqlite/rows.js'
import { splitQuery, windowAround } from '../sqlite/search.js'
import type { Connection, Param } from './pg.js'

const foldAscii = (s: string): string => s.replace(/[A-Z]+/g, (c) => c.toLowerCase())

/** Every distinct pair of neighbouring code points of s (ASCII folded) that holds no whitespace. */
export function bigrams(s: string): string[] {
  const chars = [...foldAscii(s)]
  const out = new Set<string>()
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = chars[i]! + chars[i + 1]!
    if (!/\s/u.test(pair)) out.add(pair)
  }
  return [...out]
}

/** What the grams column holds for a matching view: title and text apart, so no pair spans the two. */
export const matchGrams = (title: string, text: string): string[] => [...new Set([...bigrams(title), ...bigrams(text)])]

type HitRow = Pick<DocumentRow, 'id' | 'title' | 'published_at' | 'published_precision' | 'published_source' | 'published_raw'> & {
  match_title: string
  match_text: string
}

// How often a folded term occurs in a folded column; a title hit counts twice, as the SQLite store weighs it.
const occurrences = (column: string, p: string): string => `((length(${column}) - length(replace(${column}, ${p}, ''))) / length(${p}))`
const folded = (column: string): string => `lower(${column} COLLATE "C")`

export function searchPg(db: Connection, query: string, limit: number): SearchHit[] {
  // Each term once: its bigrams for the index, the term itself for the check.
  const terms = [...new Set(splitQuery(query).map(foldAscii))]
  if (terms.length === 0) return []
  const params: Param[] = []
  const p = (v: Param): string => {
    params.push(v)
    return `$${params.length}`
  }
  const grams = [...new Set(terms.flatMap(bigrams))]
  const where = grams.length ? [`m.grams @> ${p(grams)}::text[]`] : []
  const score: string[] = []
  for (const t of terms) {
    const q = p(t)
    where.push(`(strpos(${folded('m.title')}, ${q}) > 0 OR strpos(${folded('m.text')}, ${q}) > 0)`)
    score.push(`2 * ${occurrences(folded('m.title'), q)} + ${occurrences(folded('m.text'), q)}`)
  }
  const sql = `
    SELECT d.id, d.title, d.published_at, d.published_precision, d.published_source, d.published_raw,
           m.title AS match_title, m.text AS match_text
    FROM document_match m JOIN documents d ON d.id = m.doc_id
    WHERE ${where.join(' AND ')}
    ORDER BY ${score.join(' + ')} DESC, d.published_at DESC NULLS LAST, d.id
    LIMIT ${p(limit)}::bigint`
  return db.all<HitRow>(sql, params).map((r) => {
    const snippet = windowAround(r.match_text, terms) ?? windowAround(r.match_title, terms) ?? ''
    return checked(SearchHit, r.id, { id: r.id, title: r.title, snippet, published: publishedFrom(r) })
  })
}
