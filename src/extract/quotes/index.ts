// Quotes: direct quotations with their speakers. Works on the matching view (index-aligned with the
// original text) and the document's mentions.
import type { Document, Mention, Quote, Speaker } from '../../core/index.js'
import { findQuoteSpans, looksLikeLabel, type QuoteSpan } from './spans.js'
import { speakerAfter, speakerBefore } from './speaker.js'

// A quotation this short with nobody saying it is a phrase in quotation marks, not a quote.
const MIN_UNATTRIBUTED = 10

export function findQuotes(doc: Document, view: string, mentions: readonly Mention[]): Quote[] {
  const quotes: Quote[] = []
  let previous: { speaker: Speaker; paragraphEnd: number } | null = null
  const spans = findQuoteSpans(view)
  doc.sentences.forEach((s, si) => {
    const inSentence = spans.filter((q) => q.open >= s.start && q.close < s.end)
    const paragraphEnd = view.indexOf('\n', s.start) < 0 ? view.length : view.indexOf('\n', s.start)
    if (previous && s.start > previous.paragraphEnd) previous = null
    for (const q of inSentence) {
      if (looksLikeLabel(view, q)) continue
      const found = speakerBefore(view, mentions, s.start, q.open, previous?.speaker ?? null) ?? speakerAfter(view, mentions, q.close, paragraphEnd)
      let speaker = found?.speaker ?? null
      let ruleId = found ? (found.verb.start < q.open ? 'quote.verb-before' : 'quote.verb-after') : 'quote.unattributed'
      // A quote standing alone after a quote with a speaker continues that speaker's words.
      if (!speaker && previous && startsSentence(view, s.start, q)) {
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
  })
  return quotes
}

function startsSentence(view: string, sStart: number, q: QuoteSpan): boolean {
  return view.slice(sStart, q.open).trim().length === 0
}
