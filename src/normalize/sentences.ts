// Sentence splitting for Chinese news text with Latin mixed in. Hand-written because the sentence breakers
// we could use (Intl.Segmenter, ICU) split inside quotations, and a quote must stay whole: quote attribution
// reads the sentence around a “…” as one unit.
import type { Span } from '../core/index.js'

const OPEN = new Set(['“', '「', '『', '《', '（', '('])
const CLOSE: Record<string, string> = { '“': '”', '「': '」', '『': '』', '《': '》', '（': '）', '(': ')' }
const FULL_STOP = new Set(['。', '！', '？', '!', '?', '；'])
// A quotation longer than this is more likely an unbalanced mark than a real quote: stop protecting it.
const MAX_QUOTE = 400

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch)
}

/** Splits `text` into sentence spans. Works on the original or the matching view (they are index-aligned). */
export function splitSentences(text: string): Span[] {
  const spans: Span[] = []
  let start = 0
  const stack: { close: string; at: number }[] = []

  const push = (end: number): void => {
    let s = start
    let e = end
    while (s < e && isSpace(text[s])) s++
    while (e > s && isSpace(text[e - 1])) e--
    if (e > s) spans.push({ start: s, end: e })
    start = end
  }

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    const top = stack[stack.length - 1]
    if (top && i - top.at > MAX_QUOTE) stack.length = 0
    if (ch === '\n') {
      // A line break ends a sentence (paragraphs, headlines) and any quote left open on that line.
      stack.length = 0
      push(i)
      continue
    }
    if (top && ch === top.close) {
      stack.pop()
      // “……。” closes a sentence when the quote ends with a full stop and nothing else is open.
      if (!stack.length && FULL_STOP.has(text[i - 1] ?? '') && top.close !== '）' && top.close !== ')') {
        let end = i + 1
        while (end < text.length && /[”」』)\]]/.test(text[end]!)) end++
        push(end)
        i = end - 1
      }
      continue
    }
    if (OPEN.has(ch)) {
      // A straight double quote opens or closes depending on what is open.
      stack.push({ close: CLOSE[ch]!, at: i })
      continue
    }
    if (ch === '"') {
      if (top?.close === '"') stack.pop()
      else stack.push({ close: '"', at: i })
      continue
    }
    if (stack.length) continue
    let end = -1
    if (FULL_STOP.has(ch)) end = i + 1
    else if (ch === '.' && isSpace(text[i + 1]) && !/\d/.test(text[i - 1] ?? '')) end = i + 1
    else if (ch === '…' && text[i + 1] !== '…' && (isSpace(text[i + 1]) || text[i + 1] === '\n')) end = i + 1
    if (end < 0) continue
    // Keep trailing closers and repeated marks with the sentence: 。” ！？ ……
    while (end < text.length && /[”」』）)\]!?！？。]/.test(text[end]!)) end++
    push(end)
    i = end - 1
  }
  push(text.length)
  return spans
}
