// Quotes: direct quotations with their speakers. Works on the matching view (index-aligned with the
// original text) and the document's mentions.
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
  let previous: { speaker: Speaker; paragraphEnd: number } | null = null
  const spans = new ByOffset(findQuoteSpans(view).map((q) => ({ start: q.open, end: q.close + 1, q })))
  const byOffset = new ByOffset(allMentions)
  doc.sentences.forEach((s, si) => {
    // Only the sentence's mentions and those just after it matter: bounded work per sentence.
    const mentions = byOffset.within(s.start, Math.min(view.length, s.end + AFTER_REACH))
    const inSentence = spans.within(s.start, s.end).map((x) => x.q)
    const paragraphEnd = view.indexOf('\n', s.start) < 0 ? view.length : view.indexOf('\n', s.start)
    if (previous && s.start > previous.paragraphEnd) previous = null
    for (const q of inSentence) {
      if (looksLikeLabel(view, q)) continue
      const found = speakerBefore(view, mentions, s.start, q.open, previous?.speaker ?? null) ?? speakerAfter(view, mentions, q.close, paragraphEnd)
      let speaker = found?.speaker ?? null
      let ruleId = found ? (found.verb.start < q.open ? 'quote.verb-before' : 'quote.verb-after') : 'quote.unattributed'
      if (!speaker) {
        speaker = speakerAdjacent(view, mentions, s.start, q.open, previous?.speaker ?? null)
        if (speaker) ruleId = 'quote.adjacent'
      }
      // A quote standing alone after a quote with a speaker, or joined to one by punctuation only (“…”，“…”),
      // continues that speaker's words.
      const last = quotes[quotes.length - 1]
      const joined = last?.speaker && last.sentence === si && /^[\s，,、；;：:]*$/.test(view.slice(last.end + 1, q.open))
      if (!speaker && joined) {
        speaker = last.speaker
        ruleId = 'quote.run'
      } else if (!speaker && previous && startsSentence(view, s.start, q)) {
        speaker = previous.speaker
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
        confidence: speaker ? (ruleId === 'quote.run' ? 0.6 : speaker.anonymous ? 0.8 : 0.85) : 0.4,
      })
      if (speaker) previous = { speaker, paragraphEnd }
    }
    // Reported speech without quotation marks (特朗普说，他们讨论了…) also sets who is speaking, for the
    // quotes that follow it in the paragraph.
    if (!inSentence.length) {
      const verb = findVerbs(view, s.start, s.end).find((v) => v.kind !== 'report' && v.kind !== 'cite')
      const clause = verb ? view.lastIndexOf('，', verb.start) : -1
      const who = verb ? subjectOf(view, mentions, Math.max(s.start, clause + 1), verb.start) : null
      if (who && !who.anonymous && who.type === 'person') previous = { speaker: who, paragraphEnd }
    }
  })
  return quotes
}

function startsSentence(view: string, sStart: number, q: QuoteSpan): boolean {
  return view.slice(sStart, q.open).trim().length === 0
}
