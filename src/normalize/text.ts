// Plain-text copies of articles: a headline on the first lines, maybe a dateline, paragraphs, and site
// chrome around them (removed by lexicon/chrome.tsv).
import type { Published } from '../core/index.js'
import { stripChrome } from './chrome.js'

export interface TextExtract {
  title: string | null
  text: string
  dates: Published[]
}

/** Finds publication-date candidates in the lines around a headline (a dateline). */
export type DatelineReader = (lines: string[]) => Published[]

const SENTENCE_END = /[。！？!?；”」』…]$/
const CJK = /[\u3400-\u9fff]/

// Prose ends on a full stop (or a quote closed after one); headlines end on nothing, ？ or ！.
const PROSE_END = /(?:[。；]|[。！？][”」』])$/

/** A line that reads as article prose rather than a headline, caption or dateline. */
function isBodyLine(line: string): boolean {
  return line.length >= 60 || PROSE_END.test(line)
}

/**
 * Reads a plain-text article. The headline is the longest line in the opening block (the lines before the
 * first line of prose): copies often start with image captions or a kicker above it. Lines before the
 * headline are dropped with it; the dateline, if any, is read from the opening block and the line after it.
 */
export function extractPlainText(body: string, readDateline: DatelineReader): TextExtract {
  const lines = stripChrome(body.replace(/\r\n?/g, '\n').split('\n')).map((l) => l.trim())
  const firstBody = lines.findIndex((l) => l && isBodyLine(l))
  const openingEnd = firstBody < 0 ? lines.length : firstBody
  let titleAt = -1
  for (let i = 0; i < openingEnd; i++) {
    if (lines[i] && (titleAt < 0 || lines[i]!.length > lines[titleAt]!.length)) titleAt = i
  }
  const opening = lines.slice(0, Math.min(lines.length, openingEnd + 1)).filter(Boolean)
  const dates = readDateline(opening)
  const rest = lines.slice(titleAt + 1)
  // A dateline standing alone on its own line is metadata, not prose.
  const paragraphs = joinBrokenLines(rest.filter((l, i) => l && !(i < 3 && !isBodyLine(l) && readDateline([l]).length > 0)))
  return { title: titleAt >= 0 ? lines[titleAt]! : null, text: paragraphs.join('\n\n'), dates }
}

/**
 * Copies sometimes break a sentence across lines ("向基辅发出了明" / "确信号，…。"). A long line that stops
 * on a character with no closing punctuation, followed by a line that finishes a sentence, is one paragraph.
 * Short lines without punctuation are headings and stay apart.
 */
export function joinBrokenLines(lines: string[]): string[] {
  const out: string[] = []
  for (const line of lines) {
    const prev = out[out.length - 1]
    const prevLast = prev?.slice(-1) ?? ''
    if (prev && prev.length >= 30 && CJK.test(prevLast) && CJK.test(line[0] ?? '') && SENTENCE_END.test(line) && line.length <= 80) {
      out[out.length - 1] = prev + line
    } else out.push(line)
  }
  return out
}
