import { jieba } from '../jieba.js'

// Quotation marks in the matching view: “…” 「…」 『…』 and straight "…" (full-width ＂ is folded to ").
// Only the outermost pair counts; a quote never crosses a line break.

export interface QuoteSpan {
  open: number // index of the opening mark
  close: number // index of the closing mark
  start: number // first character inside
  end: number // one past the last character inside
}

const PAIRS: Record<string, string> = { '“': '”', '「': '」', '『': '』' }

export function findQuoteSpans(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = []
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    const close = PAIRS[ch] ?? (ch === '"' ? '"' : null)
    if (!close) continue
    let depth = 0
    let j = i + 1
    for (; j < text.length && text[j] !== '\n'; j++) {
      const c = text[j]!
      if (c === close && depth === 0) break
      if (close !== '"' && c === ch) depth++
      else if (close !== '"' && c === close) depth--
    }
    if (j >= text.length || text[j] !== close) continue // unbalanced: not a quotation
    if (j > i + 1) spans.push({ open: i, close: j, start: i + 1, end: j })
    i = j
  }
  return spans
}

// A short quoted phrase used as a name or a label is not a quotation: “北约威胁”论, 所谓的“第2轨道”行动, the
// “通气” between them, and a quoted noun modifying a noun through 的 (对乌版“和平方案”的支持) — but a quoted
// predicate before 的 is someone's words (是“不切实际”的目标), so jieba's part of speech tells the two apart.
const LABEL_AFTER = /^(?:论|式|一词|一说|说法|之说|字样|等字|这一说法|主义)/
const NOUN_TAGS = /^(?:n|nr|ns|nt|nz|nrt|vn|t|s)$/
const LABEL_BEFORE = /(?:所谓|所谓的|俗称|号称|称为|被称为|名为|叫做|即|以)$/
const MAX_LABEL = 8

export function looksLikeLabel(text: string, q: QuoteSpan): boolean {
  const inner = text.slice(q.start, q.end)
  if (inner.length > MAX_LABEL || /[，,。.！!？?；;：:、]/.test(inner)) return false
  const after = text.slice(q.close + 1, q.close + 6)
  const before = text.slice(Math.max(0, q.open - 4), q.open)
  if (LABEL_AFTER.test(after) || LABEL_BEFORE.test(before)) return true
  if (!after.startsWith('的')) return false
  const words = jieba().tag(inner, true)
  return words.length > 0 && NOUN_TAGS.test(words[words.length - 1]!.tag)
}
