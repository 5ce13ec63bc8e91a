// Who took part in an event, beyond the names in its clause (parts.ts): the speaker of a quotation it stands
// in, the subject a pronoun continues, the parties of talks that 双方 or a back-reference points to. Each way
// is a rule of rules.ts; the rule ids that fired are appended to the event's evidence rule id.
import type { Document, Event, EventActor, EventType, Mention, Quote, Span } from '../../core/index.js'
import type { ByOffset } from '../by-offset.js'
import { eventCues } from './cues.js'
import { referredEvent } from './dates.js'
import type { Rules } from './rules.js'

export const FOLLOW_UP = new Set<EventType>(['agreement', 'proposal', 'reject', 'demand'])
const CONSULT = new Set<EventType>(['call', 'meeting', 'visit'])
/** How many sentences back an event may still be continued or referred to. */
const LOOKBACK = 5

export interface SentenceState {
  doc: Document
  view: string
  si: number
  s: Span
  clauses: readonly Span[]
  mentions: ByOffset<Mention>
  quotes: ByOffset<Quote>
  rules: Rules
  /** The events coded so far, in order. */
  events: readonly Event[]
}

export interface Candidate {
  type: EventType
  start: number
  clause: number
  actors: EventActor[]
}

const key = (a: { actorId: string | null; name: string }): string => a.actorId ?? a.name

/** The events of the last few sentences, newest last. */
function recentEvents(st: SentenceState, within: number): Event[] {
  const out: Event[] = []
  for (let i = st.events.length - 1; i >= 0; i--) {
    const e = st.events[i]!
    if (!e.evidence.some((x) => st.si - x.sentence <= within)) break
    out.unshift(e)
  }
  return out
}

/** The event's actors completed by the actor rules, or null when the event is dropped for want of them. */
export function completeActors(st: SentenceState, c: Candidate): { actors: EventActor[]; rule: string } | null {
  const { view, rules, clauses } = st
  const cues = eventCues()
  const clause = clauses[c.clause]!
  const lead = view.slice(clause.start, c.start)
  let actors = c.actors
  let rule = ''
  // Words in a quotation are its speaker's: a quote naming nobody else (“无法承认…协议”) is the speaker's own
  // act. A quote that names who acts (a commentator on what others do) keeps those actors.
  if (rules.on('actors.quote-speaker') && !actors.length) {
    const quote = st.quotes.overlapping(c.start, c.start + 1).find((q) => q.speaker?.actorId)
    if (quote?.speaker) {
      actors = [{ actorId: quote.speaker.actorId, name: quote.speaker.name, type: quote.speaker.type ?? 'person', country: quote.speaker.country, role: 'source' }]
      rule += '+speaker-of-quote'
    }
  }
  // A subject pronoun the mention stage left open (他拒绝签署…) continues the subject of the sentence before:
  // the first person it names. Weaker than coreference, so it lowers the confidence.
  const pronoun = cues.words.pronoun.map((w) => lead.indexOf(w)).filter((i) => i >= 0).sort((a, b) => a - b)[0]
  if (rules.on('actors.pronoun') && pronoun !== undefined && !st.mentions.covers(clause.start + pronoun, 16)) {
    const prev = st.doc.sentences[st.si - 1]
    const subject = prev ? st.mentions.within(prev.start, prev.end).find((m) => m.type === 'person' && !m.unresolved) : undefined
    if (subject && !actors.some((a) => a.actorId === subject.actorId)) {
      actors = [{ actorId: subject.actorId, name: subject.name, type: 'person', country: subject.country, role: 'source' }, ...actors]
      rule += '+subject-of-previous-sentence'
    }
  }
  // 双方同意就停火问题保持沟通…: when "both sides" is the subject, the parties are those of the talks just reported
  // (the one naming most parties, as reports of one event come in pieces); names after the verb are its object.
  const bothSides = rules.on('actors.both-sides') && FOLLOW_UP.has(c.type) && cues.within('both-sides', lead)
  if (bothSides && !actors.some((a) => a.role !== 'target' && a.role !== 'participant')) {
    const talks = recentEvents(st, LOOKBACK)
      .filter((e) => CONSULT.has(e.type) && e.modality !== 'negated' && e.actors.length >= 2)
      .sort((a, b) => b.actors.length - a.actors.length)[0]
    if (talks && !st.mentions.within(clause.start, c.start).some((m) => m.type !== 'place')) {
      actors = talks.actors.map((a) => ({ ...a, role: 'participant' as const }))
      rule += '+both-sides-of-talks'
    }
  }
  // An event naming nobody is done by the parties of the call or talks the sentence refers to (两国元首在通话中
  // 同意…), or continues the same kind of event of the sentence or two before (正式谈判于…举行).
  if (!actors.length && rules.on('actors.referred-event')) {
    const recent = recentEvents(st, 2)
    const referred = referredEvent(view.slice(st.s.start, st.s.end), recentEvents(st, LOOKBACK))
    const happened = (e: Event): boolean => e.modality !== 'negated' && e.modality !== 'hypothetical'
    // Calls, meetings and visits are all consultations (CAMEO 04x): talks held after a visit are the visitors'.
    const kin = (e: Event): boolean => e.type === c.type || (CONSULT.has(e.type) && CONSULT.has(c.type))
    const prior = referred ?? [...recent].reverse().find((e) => kin(e) && happened(e))
    if (prior) {
      actors = prior.actors.map((a) => ({ ...a, role: 'participant' as const }))
      rule += referred ? '+actors-of-referred-event' : '+actors-from-previous'
    }
  }
  if (!actors.length && rules.on('filter.no-actors')) return null
  // A visit needs a visitor: a destination alone (他将前往沙特, 他 unknown) says not who went, and things
  // arrive too (武器…将抵达乌克兰). A visitor is a person, or a side named with its delegation (美国代表团).
  if (rules.on('filter.visit-needs-visitor') && c.type === 'visit') {
    const delegation = (a: EventActor): boolean =>
      st.mentions.within(st.s.start, c.start).some((m) => key(m) === key(a) && cues.opens('delegation', view.slice(m.end, m.end + 3)))
    if (!actors.some((a) => a.role === 'source' && (a.type === 'person' || delegation(a)))) return null
  }
  return { actors, rule }
}
