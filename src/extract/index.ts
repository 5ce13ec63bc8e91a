// extract: Document -> Extraction. Each family of facts is its own stage over the matching view, which is
// index-aligned with the original text, so every span points into Document.text.
import type { Document, Event, Extraction, Published } from '../core/index.js'
import { latinKey, type ActorLexicon } from './mentions/lexicon.js'
import { matchingView } from '../normalize/matching.js'
import { findMentions } from './mentions/index.js'
import { makeContext } from './mentions/context.js'
import { findTimes } from './time/index.js'
import { storyDay } from './time/dateline.js'
import { findNumbers } from './numbers/index.js'
import { findQuotes } from './quotes/index.js'
import { findEvents } from './events/index.js'
import { Rules } from './events/rules.js'

/**
 * The date relative expressions are read against: the publication date, or, for an undated copy of a wiki
 * page, the latest date its citations were accessed or published — the copy was made no earlier, and its
 * "2月12日" means the nearest such day before it. Only times use this anchor; the document stays undated.
 */
export function timeAnchor(doc: Document): Published {
  if (doc.published.at || !doc.references.length) return doc.published
  const latest = doc.references.flatMap((r) => [r.accessed, r.date]).filter((d): d is string => !!d && /^\d{4}-\d{2}-\d{2}$/.test(d)).sort().pop()
  return latest ? { at: latest, precision: 'day', source: 'inferred', raw: 'latest citation date' } : doc.published
}

export interface ExtractOptions {
  /** Event rules switched off (ids of src/extract/events/rules.ts), for ablations. */
  disabled?: Iterable<string>
  /** The actor lexicon (default: the shipped one; a user lexicon overlays it). */
  lexicon?: ActorLexicon
}

export function extract(doc: Document, options: ExtractOptions = {}): Extraction {
  const view = matchingView(doc.text).text
  // One jieba pass over the text serves the mention and the event stages.
  const context = makeContext(doc, options.lexicon)
  const mentions = findMentions(doc, { context })
  // A dateline's filing day (（法新社曼谷12日电）) is the story's today, a day before a paper may print it.
  const rules = new Rules(options.disabled)
  const filed = rules.on('date.dateline-day') ? storyDay(view, timeAnchor(doc)) : null
  const times = findTimes(view, { published: filed ?? timeAnchor(doc) })
  const story = filed ? { ...doc, published: filed } : doc
  const quotes = findQuotes(doc, view, mentions)
  return {
    docId: doc.id,
    mentions,
    quotes,
    times,
    numbers: findNumbers(view, doc.sentences),
    events: withActorCodes(context.lex, findEvents({ doc: story, view, mentions, times, quotes, words: context.words, disabled: options.disabled, lexicon: context.lex })),
  }
}

/** Event actors get their CAMEO code on the event's date (the office held that day) and their Wikidata id. */
function withActorCodes(lex: ActorLexicon, events: Event[]): Event[] {
  return events.map((e) => {
    const day = e.date && /^\d{4}-\d{2}-\d{2}$/.test(e.date) ? e.date : null
    return {
      ...e,
      actors: e.actors.map((a) => {
        const known = a.actorId ? lex.actors.get(a.actorId) : undefined
        if (known) return { ...a, cameo: lex.cameoOf(known.id, day), wikidata: known.wikidata }
        const country = a.country ? [...lex.byLatin.get(latinKey(a.country)) ?? []].find((c) => c.type === 'country') : undefined
        return { ...a, cameo: a.cameo ?? (country ? lex.cameoOf(country.id) : null), wikidata: a.wikidata ?? null }
      }),
    }
  })
}
