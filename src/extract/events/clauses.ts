// Clauses: the stretches of a sentence between commas, semicolons and colons, outside quotation marks.
// An event's actors, cues and time are looked for in its clause first.
import type { Span } from '../../core/index.js'

const BREAK = new Set(['，', ',', '；', ';', '：', ':'])
const OPEN: Record<string, string> = { '“': '”', '「': '」', '『': '』', '(': ')', '（': '）' }

export function clausesOf(text: string, s: Span): Span[] {
  const out: Span[] = []
  let start = s.start
  const stack: string[] = []
  for (let i = s.start; i < s.end; i++) {
    const ch = text[i]!
    if (stack.length && ch === stack[stack.length - 1]) {
      stack.pop()
      continue
    }
    if (OPEN[ch]) {
      stack.push(OPEN[ch]!)
      continue
    }
    if (!stack.length && BREAK.has(ch)) {
      if (i > start) out.push({ start, end: i })
      start = i + 1
    }
  }
  if (s.end > start) out.push({ start, end: s.end })
  return out
}

export function clauseAt(clauses: readonly Span[], at: number): number {
  const i = clauses.findIndex((c) => c.start <= at && at < c.end)
  return i < 0 ? clauses.length - 1 : i
}
