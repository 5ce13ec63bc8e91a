// The event coder, as a pipeline over each sentence:
//   1. triggers: words of the event lexicon, less those a filter rejects (triggers.ts);
//   2. for each trigger: modality (cues before it), type adjustments, actors (its clause, then the rules in
//      actors.ts), date (dates.ts);
//   3. reported speech (X表示，…) becomes a statement event of its named speaker;
//   4. reports of one event within the article are merged (merge.ts).
// Every step beyond the lexicon is a named rule (rules.ts) that can be switched off for an ablation.
// Work per sentence is bounded by the sentence and its neighbours: facts are looked up by offset (ByOffset),
// and only the last few events are looked back at.
import { createHash } from 'node:crypto'
import type { Document, Event, EventType, Mention, Quote, TimeExpr } from '../../core/index.js'
import { CAMEO_CODEBOOK, eventLexicon } from './lexicon.js'
import { clausesOf } from './clauses.js'
import { findTriggers, type TriggerContext, type TriggerHit } from './triggers.js'
import { modalityOf, partsOf } from './parts.js'
import { dateFor } from './dates.js'
import { mergeEvents } from './merge.js'
import { findVerbs } from '../quotes/verbs.js'
import { subjectOf } from '../quotes/speaker.js'
import { findQuoteSpans, looksLikeLabel } from '../quotes/spans.js'
import { Words } from '../mentions/words.js'
import { ByOffset } from '../by-offset.js'
import { eventCues } from './cues.js'
import { ALL_RULES, Rules } from './rules.js'
import type { ActorLexicon } from '../mentions/lexicon.js'
import { completeActors, FOLLOW_UP, type SentenceState } from './actors.js'

export interface EventInput {
  doc: Document
  view: string
  mentions: readonly Mention[]
  times: readonly TimeExpr[]
  quotes: readonly Quote[]
  /** jieba's words of the view, when another stage already has them. */
  words?: Words
  /** Rules switched off (ids of rules.ts), for ablations. */
  disabled?: Iterable<string>
  /** The actor lexicon, for a destination written inside a visit word (访华, 访美). */
  lexicon?: ActorLexicon
}

const YEAR_MS = 365 * 24 * 3600 * 1000

function eventId(docId: string, start: number, type: EventType): string {
  return createHash('sha256').update(`${docId}:${start}:${type}`).digest('hex').slice(0, 16)
}

/** What trigger finding needs besides the text; `words` may come from the mention stage's context. */
export function triggerContext(view: string, words: Words = new Words(view)): TriggerContext {
  return { words, labels: findQuoteSpans(view).filter((q) => looksLikeLabel(view, q)) }
}

export function findEvents(input: EventInput): Event[] {
  const { doc, view } = input
  const rules = input.disabled ? new Rules(input.disabled) : ALL_RULES
  const lex = eventLexicon()
  const cues = eventCues()
  const tc = { ...triggerContext(view, input.words), rules }
  const mentions = new ByOffset(input.mentions)
  const times = new ByOffset(input.times)
  const quotes = new ByOffset(input.quotes)
  const events: Event[] = []
  const docTime = doc.published.at ? Date.parse(doc.published.at.slice(0, 10)) : NaN

  doc.sentences.forEach((s, si) => {
    const clauses = clausesOf(view, s)
    const local = mentions.within(s.start, s.end)
    const hits = findTriggers(view, s, clauses, local, tc)
    const eventClauses = new Set(hits.map((h) => h.clause))
    const state: SentenceState = { doc, view, si, s, clauses, mentions, quotes, rules, events }

    const make = (eventType: EventType, cameoCode: string, trigger: string, start: number, ci: number, ruleId: string, anchor = start, asReported = false): Event | null => {
      let type = eventType
      const clause = clauses[ci]!
      let { modality } = modalityOf(view, clause, start, tc.words)
      // A threat is made now, whatever mood its consequence is put in (如果…，将作出回应).
      if (asReported) modality = 'reported'
      // 曾暗示…，并承诺…: a tense or mood cue scopes over the clauses its subject carries into.
      if (rules.on('modality.scope-carry') && modality === 'reported' && ci > 0 && cues.opens('scope-carry', view.slice(clause.start, clause.end))) {
        const prev = clauses[ci - 1]!
        modality = modalityOf(view, prev, prev.end, tc.words).modality
      }
      // 以讨论…: a purpose, not an event.
      if (rules.on('filter.purpose') && modality === 'reported' && /以$/.test(view.slice(clause.start, start))) modality = 'hypothetical'
      let code = cameoCode
      if (rules.on('type.aid-cessation') && type === 'aid' && cues.within('cessation', view.slice(clause.start, clause.end))) {
        code = '162'
        if (modality === 'negated') modality = 'reported'
      }
      // 两国同意从当晚起停火: a truce both sides agree to is a ceasefire (one side's 同意停火 accepts an offer).
      if (rules.on('type.truce-both-sides') && type === 'agreement' && cues.within('truce', view.slice(start, clause.end)) && bothSidesBefore(view, clauses, ci, start, mentions)) {
        type = 'ceasefire'
        code = '0871'
      }
      const parts = partsOf(view, type, anchor, clauses, ci, mentions, rules)
      // 访华, 访美, 赴俄: the country a visit word names is where the visit goes.
      if (rules.on('parts.visit-abbreviation') && type === 'visit' && !parts.location && input.lexicon) parts.location = abbreviatedDestination(input.lexicon, trigger)
      const done = completeActors(state, { type, start, clause: ci, actors: parts.actors })
      if (!done) return null
      const { actors, rule: suffix } = done
      const date = dateFor({ doc, view, times, sentences: doc.sentences, earlier: events, rules, eventClauses }, si, clause, clauses, start, modality)
      if (rules.on('modality.old-is-historical') && modality === 'reported' && date.date && Number.isFinite(docTime) && docTime - Date.parse(date.date.padEnd(10, '-01').slice(0, 10)) > YEAR_MS) modality = 'historical'
      const cameo = lex.cameo.get(code)!
      const own = date.source === 'clause' || date.source === 'sentence'
      const confidence = Math.max(0.05, Math.min(0.95, 0.6 + (own ? 0.15 : 0) + (actors.length >= 2 ? 0.15 : 0.05)))
      return {
        id: eventId(doc.id, start, type),
        type,
        cameo: { code: cameo.code, label: cameo.label, codebook: CAMEO_CODEBOOK },
        plover: cameo.plover,
        actors,
        date: date.date,
        datePrecision: date.precision,
        dateSource: date.source,
        dateRange: date.range,
        location: parts.location,
        modality,
        trigger,
        evidence: [{ start: s.start, end: s.end, sentence: si, ruleId: ruleId + suffix, confidence }],
        confidence,
      }
    }

    // The first saying verb in [from, to) (not one that reports or cites), its clause and the subject before it.
    const speakerBetween = (from: number, to: number, skip: (i: number) => boolean = () => false) => {
      const verb = findVerbs(view, from, to).find((v) => v.kind !== 'report' && v.kind !== 'cite' && !skip(v.start))
      if (!verb) return null
      const ci = clauses.findIndex((c) => c.start <= verb.start && verb.start < c.end)
      const c = clauses[ci]
      return { verb, ci, who: c ? subjectOf(view, local, c.start, verb.start) : null }
    }

    const inSentence: Event[] = []
    let visitUntil = -1
    for (const hit of hits) {
      // 前往X，与Y会谈: the talks are what the visit is for, not an event of their own.
      if (rules.on('filter.meeting-in-visit') && hit.trigger.type === 'meeting' && hit.clause <= visitUntil) continue
      const e = make(hit.trigger.type, hit.trigger.cameo, hit.trigger.trigger, hit.start, hit.clause, `event.${hit.trigger.type}.${hit.trigger.trigger}`, hit.anchor)
      if (!e) continue
      if (e.type === 'visit') visitUntil = visitReach(view, clauses, hit)
      // What is agreed, proposed or refused in the talks of the same sentence involves their parties.
      const talks = inSentence.find((x) => x.type === 'call' || x.type === 'meeting')
      if (rules.on('actors.follow-up') && talks && FOLLOW_UP.has(e.type)) {
        for (const a of talks.actors) if (!e.actors.some((b) => (b.actorId ?? b.name) === (a.actorId ?? a.name))) e.actors.push({ ...a, role: 'participant' })
      }
      inSentence.push(e)
      events.push(e)
    }

    // 如果乌方违反停火，俄军将作出回应 / …，否则将面对严重后果: a condition with a hostile consequence is a threat by
    // whoever states the consequence, against whoever the condition names.
    if (rules.on('event.conditional-threat') && !inSentence.some((e) => e.type === 'threat')) {
      const t = conditionalThreat(view, clauses, cues)
      if (t) {
        const e = make('threat', '130', t.word, t.at, t.clause, 'event.threat.conditional', t.at, true)
        if (e) {
          // 普京强调，如果…: who states the consequence makes the threat.
          const who = speakerBetween(s.start, clauses[t.condition]!.start)?.who
          if (who && !who.anonymous && who.type && !e.actors.some((a) => (a.actorId ?? a.name) === (who.actorId ?? who.name))) {
            e.actors.unshift({ actorId: who.actorId, name: who.name, type: who.type, country: who.country, role: 'source' })
          }
          for (const m of mentions.within(clauses[t.condition]!.start, clauses[t.condition]!.end)) {
            if ((m.type === 'country' || m.type === 'person' || m.type === 'organization') && !m.unresolved && !e.actors.some((a) => (a.actorId ?? a.name) === (m.actorId ?? m.name))) {
              e.actors.push({ actorId: m.actorId, name: m.name, type: m.type, country: m.country, role: 'target' })
            }
          }
          events.push(e)
        }
      }
    }

    // Reported speech: the sentence's first reporting verb outside quotation marks with a named subject.
    if (rules.on('event.reported-speech')) {
      const quoted = (i: number): boolean => quotes.covers(i)
      const said = speakerBetween(s.start, s.end, quoted)
      if (said) {
        const { verb, ci, who } = said
        if (who && !who.anonymous && !eventClauses.has(ci)) {
          const e = make('statement', '010', verb.verb, verb.start, ci, 'event.statement.reported-speech')
          if (e) events.push(e)
        }
      }
    }
  })
  const merged = rules.on('merge.same-event') ? mergeEvents(events) : events
  return rules.on('filter.one-sided') ? merged.map((e) => (e.type !== 'statement' && sidesOf(e) < 2 ? { ...e, oneSided: true } : e)) : merged
}

/**
 * How many sides an event names: a person counts as their country, a body as itself (or its country, for a
 * country's ministry or army), so 特朗普 and 美国 are one side, 格罗西 (IAEA) and 伊朗 two.
 */
function sidesOf(e: Event): number {
  const sides = new Set(e.actors.map((a) => (a.type === 'country' ? a.name : a.country ?? a.actorId ?? a.name)))
  // A visit's other side is where it goes (抵达利雅得): the destination stands for its host.
  return sides.size + (e.type === 'visit' && e.location ? 1 : 0)
}

/** The last clause a visit's purpose reaches: 前往X，与Y会谈，并… */
function visitReach(view: string, clauses: readonly { start: number; end: number }[], hit: TriggerHit): number {
  const cues = eventCues()
  let until = hit.clause
  while (until + 1 < clauses.length && cues.opens('visit-continues', view.slice(clauses[until + 1]!.start, clauses[until + 1]!.end))) until++
  return until
}

/**
 * Whether the subject of a trigger names two sides: 双方/两国 or mentions of two countries (泰国和柬埔寨) before it
 * in its clause, or in the clause before when its own names nobody (泰柬已达成共识，同意…).
 */
function bothSidesBefore(view: string, clauses: readonly { start: number; end: number }[], ci: number, at: number, mentions: ByOffset<Mention>): boolean {
  const cues = eventCues()
  const sidesIn = (from: number, to: number): { sides: number; cue: boolean } => {
    const text = view.slice(from, to)
    const sides = new Set(mentions.within(from, to).filter((m) => m.type === 'country' || m.type === 'person' || m.type === 'organization').map((m) => m.country ?? m.name))
    return { sides: sides.size, cue: cues.words['both-sides'].some((w) => text.includes(w)) }
  }
  let r = sidesIn(clauses[ci]!.start, at)
  if (!r.sides && !r.cue && ci > 0) r = sidesIn(clauses[ci - 1]!.start, clauses[ci - 1]!.end)
  return r.cue || r.sides >= 2
}

/**
 * A condition clause (如果/若/一旦…) followed by a clause stating a hostile consequence (将作出回应, 必将付出代价,
 * 将被视为战争行为), or a consequence after 否则: the consequence clause, where its word stands, and the condition.
 */
function conditionalThreat(view: string, clauses: readonly { start: number; end: number }[], cues: ReturnType<typeof eventCues>): { clause: number; condition: number; at: number; word: string } | null {
  for (let ci = 0; ci < clauses.length; ci++) {
    const c0 = clauses[ci]!
    const text = view.slice(c0.start, c0.end)
    const otherwise = cues.words['threat-otherwise'].map((w) => text.indexOf(w)).filter((k) => k >= 0)
    const cond = cues.words['threat-condition'].map((w) => text.indexOf(w)).filter((k) => k >= 0)
    if (!otherwise.length && !cond.length) continue
    // The consequence follows the condition, in a later clause or (inside a quotation, one clause) later in it.
    const from = c0.start + Math.min(...otherwise, ...cond) + 1
    for (let k = ci; k < Math.min(clauses.length, ci + 3); k++) {
      const c = clauses[k]!
      const start = Math.max(c.start, from)
      const body = view.slice(start, c.end)
      // The consequence is what 将/会/必 announces: 若乙国反击，甲国必将回应 (not the 反击 of the condition).
      const will = body.search(/将|会|必|就|要/)
      if (will < 0) continue
      const hits = cues.words['threat-consequence'].map((w) => ({ w, k: body.indexOf(w, will) })).filter((x) => x.k >= 0).sort((a, b) => a.k - b.k)
      if (hits[0]) return { clause: k, condition: otherwise.length && !cond.length ? Math.max(0, ci - 1) : ci, at: start + hits[0].k, word: hits[0].w }
    }
  }
  return null
}

/** The country a two-character visit word names by its one-character abbreviation (访华 -> China), if only one. */
function abbreviatedDestination(lex: ActorLexicon, trigger: string): { actorId: string | null; name: string } | null {
  if (trigger.length !== 2 || !/^[访抵赴]/.test(trigger)) return null
  const countries = new Set((lex.byMatch.get(trigger[1]!) ?? []).map((a) => lex.actors.get(a.actor)).filter((a) => a?.type === 'country'))
  if (countries.size !== 1) return null
  const [c] = [...countries]
  return { actorId: c!.id, name: c!.name }
}
