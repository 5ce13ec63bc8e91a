// The main-text ladder: strict first, relax step by step, and say which level produced the text.
//   1. readability — Mozilla Readability with a Chinese-aware length threshold;
//   2. density     — our punctuation/link-density scorer (density.ts), when Readability returns nothing,
//                    or clearly less article than the densest container holds;
//   3. body        — every line of the page through the same line filters, when neither finds prose.
// Whatever the level, the lines then go through prune.ts (chrome lines, end markers, byline, best span).
import { Readability } from '@mozilla/readability'
import { isProse } from './boilerplate.js'
import { densestNode } from './density.js'
import { parseBody, parsePage } from './dom.js'
import { prune, type Pruned } from './prune.js'
import { blocksOf, type Block } from './to-text.js'

// Readability gives up on an article shorter than charThreshold characters (500 by default) and retries
// with looser rules. 500 Latin characters are some 90 words; the same content in Chinese takes about a
// third of the characters, so a Chinese page is judged at 150.
const CJK_CHAR_THRESHOLD = 150
// Below this many prose characters a level is said to have found nothing.
const MIN_PROSE = 40
// Readability's pick is kept unless the densest container holds this many times more prose: then
// Readability has locked onto a fragment (a lead paragraph, one cell of a layout table).
const DENSITY_WINS_AT = 2

export interface MainText {
  blocks: Block[]
  byline: Block[]
  method: 'readability' | 'density' | 'body' | 'fragment' | 'none'
  dropped: Pruned['dropped']
}

const compact = (s: string): string => s.replace(/[\s\u00a0\u3000]+/g, '')

function proseChars(blocks: readonly Block[]): number {
  let n = 0
  for (const b of blocks) if (isProse(b.text)) n += compact(b.text).length
  return n
}

function readability(html: string): Block[] | null {
  const doc = parsePage(html)
  let article: ReturnType<Readability['parse']> = null
  try {
    article = new Readability(doc, { charThreshold: CJK_CHAR_THRESHOLD }).parse()
  } catch {
    // Readability throws on some trees linkedom builds (a candidate with no <body> above it); the
    // density level below does not depend on it, so this is a fall-through, not a failure.
    return null
  }
  if (!article?.content) return null
  return blocksOf(parseBody(article.content).body)
}

/** Extracts the article's lines from a whole page. `page` is a parse of `html` that is not modified. */
export function mainText(html: string, page: Document, title: string | null): MainText {
  const fromReadability = readability(html)
  const r = fromReadability ? prune(fromReadability, title) : null
  const dense = densestNode(page.body)
  const d = dense ? prune(blocksOf(dense.node), title) : null
  const rn = r ? proseChars(r.kept) : 0
  const dn = d ? proseChars(d.kept) : 0
  if (r && rn >= MIN_PROSE && rn * DENSITY_WINS_AT >= dn) return { blocks: r.kept, byline: r.byline, method: 'readability', dropped: r.dropped }
  if (d && dn >= MIN_PROSE) return { blocks: d.kept, byline: d.byline, method: 'density', dropped: d.dropped }
  const whole = prune(blocksOf(page.body), title)
  if (proseChars(whole.kept) > 0) return { blocks: whole.kept, byline: whole.byline, method: 'body', dropped: whole.dropped }
  if (r && r.kept.length) return { blocks: r.kept, byline: r.byline, method: 'readability', dropped: r.dropped }
  return { blocks: [], byline: [], method: 'none', dropped: [] }
}

/** A feed item's HTML: all of it is the article, so only the line filters apply. */
export function fragmentText(doc: Document, title: string | null): MainText {
  const p = prune(blocksOf(doc.body), title)
  return { blocks: p.kept, byline: p.byline, method: 'fragment', dropped: p.dropped }
}
