// Quotes: direct quotations with their speakers. Works on the matching view (index-aligned with the
// original text) and the document's mentions.
import { on } from '../switches.js'
import type { Document, Mention, Quote, Speaker } from '../../core/index.js'
import { findQuoteSpans, looksLikeLabel, type QuoteSpan } from './spans.js'
import { speakerAdjacent, speakerAfter, speakerBefore, subjectOf } from './speaker.js'
import { findVerbs } from './verbs.js'
import { ByOffset } from '../by-offset.js'

// A quotation this short with nobody saying it is a phrase in quotation marks, not a quote.
const MIN_UNATTRIBUTED = 10

// How far after a quote its speaker may be named (“…”，X说).
const AFTER_REACH = 40

export function findQuotes(doc: Document, view: string, allMentions: readonly Mention[]): Quote[] {
  const quotes: Quote[] = []
  // The speaker of the quotes and reported speech so far, with the paragraph it was set in. It carries on to the
  // next paragraph too (X说，…。⏎“…” and ⏎他说：“…”), but no further: paragraphs are counted over lines that hold
  // Chinese text, so a line of site chrome (Advertisement) between them does not break the run.
  let previous: { speaker: Speaker; paragraph: number } | null = null
  const paragraphOf = paragraphIndex(view)
  const spans = new ByOffset(findQuoteSpans(view).map((q) => ({ start: q.open, end: q.close + 1, q })))
  const byOffset = new ByOffset(allMentions)
  doc.sentences.forEach((s, si) => {
    // Only the sentence's mentions and those just after it matter: bounded work per sentence.
    const mentions = byOffset.within(s.start, Math.min(view.length, s.end + AFTER_REACH))
    const inSentence = spans.within(s.start, s.end).map((x) => x.q)
    const paragraphEnd = view.indexOf('\n', s.start) < 0 ? view.length : view.indexOf('\n', s.start)
    const paragraph = paragraphOf(s.start)
    const opensParagraph = paragraph !== paragraphOf(Math.max(0, s.start - 1)) || s.start === 0
    if (previous && paragraph - previous.paragraph > (on('quote.carry-paragraph') ? 1 : 0)) previous = null
    const carried = previous && previous.paragraph < paragraph ? previous.speaker : null
    const current = previous && previous.paragraph === paragraph ? previous.speaker : null
    for (const q of inSentence) {
      if (looksLikeLabel(view, q)) continue
      const earlier = current ?? carried
      const found = speakerBefore(view, mentions, s.start, q.open, earlier) ?? speakerAfter(view, mentions, q.close, paragraphEnd)
      let speaker = found?.speaker ?? null
      let ruleId = found ? (found.verb.start < q.open ? 'quote.verb-before' : 'quote.verb-after') : 'quote.unattributed'
      if (!speaker) {
        speaker = speakerAdjacent(view, mentions, s.start, q.open, earlier)
        if (speaker) ruleId = 'quote.adjacent'
      }
      // A quote standing alone after a quote with a speaker, or joined to one by punctuation only (“…”，“…”),
      // continues that speaker's words; so does a paragraph that opens with a quote after a paragraph whose
      // speaker is known.
      const last = quotes[quotes.length - 1]
      const joined = last?.speaker && last.sentence === si && /^[\s，,、；;：:]*$/.test(view.slice(last.end + 1, q.open))
      if (!speaker && joined) {
        speaker = last.speaker
        ruleId = 'quote.run'
      } else if (!speaker && current && startsSentence(view, s.start, q)) {
        speaker = current
        ruleId = 'quote.run'
      } else if (!speaker && carried && opensParagraph && startsSentence(view, s.start, q)) {
        speaker = carried
        ruleId = 'quote.run-paragraph'
      } else if (!speaker && current && on('quote.verbless-run') && verbless(view, mentions, s.start, q.open)) {
        // …已从计划中删除，“这是我们的胜利。”: a quote in a sentence with no reporting verb and nobody named
        // before it goes on with the speaker of the paragraph.
        speaker = current
        ruleId = 'quote.run'
      }
      if (!speaker && q.end - q.start < MIN_UNATTRIBUTED) continue
      quotes.push({
        text: doc.text.slice(q.start, q.end),
        speaker,
        verb: found?.verb.verb ?? null,
        sentence: si,
        start: q.start,
        end: q.end,
        ruleId,
        confidence: speaker ? (ruleId.startsWith('quote.run') ? 0.6 : speaker.anonymous ? 0.8 : 0.85) : 0.4,
      })
      if (speaker) previous = { speaker, paragraph }
    }
    // Reported speech without quotation marks (特朗普说，他们讨论了…) also sets who is speaking, for the
    // quotes that follow it; so does a line that is only a name (●英国外交大臣拉米(David Lammy)) heading the
    // quotes under it.
    if (!inSentence.length) {
      const verb = findVerbs(view, s.start, s.end).find((v) => v.kind !== 'report' && v.kind !== 'cite')
      const who = verb ? subjectOf(view, mentions, clauseStartOf(view, s.start, verb.start), verb.start) : on('quote.heading') ? headingSpeaker(view, mentions, s.start, s.end) : null
      if (who && !who.anonymous && who.type === 'person') previous = { speaker: who, paragraph }
    }
  })
  return quotes
}

const CLAUSE_MARK = /[，,；;：:]/

function clauseStartOf(view: string, from: number, at: number): number {
  for (let i = at - 1; i >= from; i--) if (CLAUSE_MARK.test(view[i]!)) return i + 1
  return from
}

const MIN_PARAGRAPH = 12

/** Paragraph number of an offset: lines holding Chinese text counted from the start (chrome lines do not count). */
function paragraphIndex(view: string): (at: number) => number {
  const starts: number[] = []
  let n = -1
  const numbers: number[] = []
  for (let i = 0; i <= view.length; ) {
    const end = view.indexOf('\n', i) < 0 ? view.length : view.indexOf('\n', i)
    // A line of fewer than a dozen Chinese characters (请继续往下阅读, a subheading) is chrome, not a paragraph.
    if ((view.slice(i, end).match(/\p{Script=Han}/gu)?.length ?? 0) >= MIN_PARAGRAPH) n++
    starts.push(i)
    numbers.push(Math.max(0, n))
    i = end + 1
  }
  return (at: number) => {
    let lo = 0
    let hi = starts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (starts[mid]! <= at) lo = mid
      else hi = mid - 1
    }
    return numbers[lo]!
  }
}

/** A short line that is only a person's name with a title or a bracketed Latin form: the heading of quotes below. */
function headingSpeaker(view: string, mentions: readonly Mention[], start: number, end: number): Speaker | null {
  const lineStart = view.lastIndexOf('\n', start - 1) + 1
  const lineEnd = view.indexOf('\n', start) < 0 ? view.length : view.indexOf('\n', start)
  if (lineStart !== start && view.slice(lineStart, start).trim()) return null
  if (lineEnd - lineStart > 40 || end < lineEnd - 1) return null
  const people = mentions.filter((m) => m.start >= start && m.end <= lineEnd && m.type === 'person' && m.actorId)
  const last = people[people.length - 1]
  if (!last || new Set(people.map((m) => m.actorId)).size !== 1) return null
  // Nothing after the name but its Latin form in brackets and closing punctuation.
  if (!/^\s*(?:[(（][^)）]*[)）])?\s*[：:]?\s*$/.test(view.slice(last.end, lineEnd))) return null
  return subjectOf(view, people, start, lineEnd)
}

function verbless(view: string, mentions: readonly Mention[], sStart: number, open: number): boolean {
  if (findVerbs(view, sStart, open).length) return false
  return !mentions.some((m) => m.start >= sStart && m.end <= open && (m.type === 'person' || m.how === 'coref'))
}

function startsSentence(view: string, sStart: number, q: QuoteSpan): boolean {
  return view.slice(sStart, q.open).trim().length === 0
}
