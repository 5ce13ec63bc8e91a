// The event coder: per sentence and clause, a trigger from the lexicon gives the event type and CAMEO code;
// the mentions around it give the actors, the time expressions its date, the cues before it its modality.
// Reported speech (X表示，…) becomes a statement event of its speaker.
import { createHash } from 'node:crypto'
import type { Document, Event, EventActor, EventType, Mention, Quote, TimeExpr } from '../../core/index.js'
import { CAMEO_CODEBOOK, eventLexicon } from './lexicon.js'
import { clausesOf } from './clauses.js'
import { findTriggers, type TriggerContext } from './triggers.js'
import { modalityOf, partsOf } from './parts.js'
import { dateFor, referredEvent } from './dates.js'
import { mergeEvents } from './merge.js'
import { findVerbs } from '../quotes/verbs.js'
import { subjectOf } from '../quotes/speaker.js'
import { findQuoteSpans, looksLikeLabel } from '../quotes/spans.js'
import { Words } from '../mentions/words.js'

export interface EventInput {
  doc: Document
  view: string
  mentions: readonly Mention[]
  times: readonly TimeExpr[]
  quotes: readonly Quote[]
  /** jieba's words of the view, when another stage already has them. */
  words?: Words
}

const YEAR_MS = 365 * 24 * 3600 * 1000
// Aid cut off rather than given: 暂停军援 is CAMEO 162, reduce or stop aid.
const CESSATION = /暂停|停止|中断|冻结/

function eventId(docId: string, start: number, type: EventType): string {
  return createHash('sha256').update(`${docId}:${start}:${type}`).digest('hex').slice(0, 16)
}

const DELEGATION = /^(?:代表团|代表|官员|高官|领导人|特使|团队)/

/** What trigger finding needs besides the text; `words` may come from the mention stage's context. */
export function triggerContext(view: string, words: Words = new Words(view)): TriggerContext {
  return { words, labels: findQuoteSpans(view).filter((q) => looksLikeLabel(view, q)) }
}

export function findEvents(input: EventInput): Event[] {
  const { doc, view, mentions, times, quotes } = input
  const lex = eventLexicon()
  const tc = triggerContext(view, input.words)
  const FOLLOW_UP = new Set<EventType>(['agreement', 'proposal', 'reject', 'demand'])
  const CONSULT = new Set<EventType>(['call', 'meeting', 'visit'])
  const CONTINUATION = /^\s*(?:与|同|和|跟|并|以及)/
  const events: Event[] = []
  const docTime = doc.published.at ? Date.parse(doc.published.at.slice(0, 10)) : NaN
  doc.sentences.forEach((s, si) => {
    const clauses = clausesOf(view, s)
    const ctx = { doc, view, times, sentences: doc.sentences, earlier: events }
    const make = (type: EventType, cameoCode: string, trigger: string, start: number, ci: number, ruleId: string, anchor = start): Event | null => {
      const clause = clauses[ci]!
      let { modality: cued } = modalityOf(view, clause, start, tc.words)
      // 曾暗示…，并承诺…: a tense or mood cue scopes over the clauses its subject carries into.
      if (cued === 'reported' && ci > 0 && /^\s*(?:并|而且|且|并且|还)/.test(view.slice(clause.start, clause.end))) {
        const prev = clauses[ci - 1]!
        cued = modalityOf(view, prev, prev.end, tc.words).modality
      }
      let code = cameoCode
      // 以讨论…: a purpose, not an event.
      let modality = cued === 'reported' && /以$/.test(view.slice(clause.start, start)) ? 'hypothetical' : cued
      if (type === 'aid' && CESSATION.test(view.slice(clause.start, clause.end))) {
        code = '162'
        if (modality === 'negated') modality = 'reported'
      }
      const parts = partsOf(view, type, anchor, clauses, ci, mentions)
      const delegationOf = (a: EventActor): boolean =>
        mentions.some((m) => (m.actorId ?? m.name) === (a.actorId ?? a.name) && m.start >= s.start && m.end <= start && DELEGATION.test(view.slice(m.end, m.end + 3)))
      let actors: EventActor[] = parts.actors
      let rule = ruleId
      // Words in a quotation are its speaker's: a quote naming nobody else (“无法承认…协议”) is the speaker's own
      // act. A quote that names who acts (a commentator on what others do) keeps those actors.
      const quote = quotes.find((q) => q.start <= start && start < q.end && q.speaker?.actorId)
      if (quote?.speaker && !actors.length) {
        actors = [{ actorId: quote.speaker.actorId, name: quote.speaker.name, type: quote.speaker.type ?? 'person', country: quote.speaker.country, role: 'source' }, ...actors]
      }
      // A subject pronoun the mention stage left open (他拒绝签署…) continues the subject of the sentence before:
      // the first person it names. Weaker than coreference, so it lowers the confidence.
      const pronoun = /他|她/.exec(view.slice(clause.start, start))
      if (pronoun && !mentions.some((m) => m.start <= clause.start + pronoun.index && clause.start + pronoun.index < m.end)) {
        const prev = doc.sentences[si - 1]
        const subject = prev ? mentions.find((m) => m.type === 'person' && !m.unresolved && m.start >= prev.start && m.end <= prev.end) : undefined
        if (subject && !actors.some((a) => a.actorId === subject.actorId)) {
          actors = [{ actorId: subject.actorId, name: subject.name, type: 'person', country: subject.country, role: 'source' }, ...actors]
          rule += '+subject-of-previous-sentence'
        }
      }
      // 双方同意就停火问题保持沟通…: when "both sides" is the subject, the parties are those of the talks just reported
      // (the one naming most parties, as reports of one event come in pieces); names after the verb are its object.
      const bothSides = FOLLOW_UP.has(type) && /双方|两国|两人|两位领导人/.test(view.slice(clause.start, start))
      const lastTalks = bothSides && !actors.some((a) => a.role !== 'target' && a.role !== 'participant')
        ? events
            .filter((e) => CONSULT.has(e.type) && e.modality !== 'negated' && e.actors.length >= 2 && e.evidence.some((x) => si - x.sentence <= 5))
            .sort((a, b) => b.actors.length - a.actors.length)[0]
        : undefined
      if (lastTalks && !mentions.some((m) => m.start >= clause.start && m.end <= start && m.type !== 'place')) {
        actors = lastTalks.actors.map((a) => ({ ...a, role: 'participant' as const }))
        rule += '+both-sides-of-talks'
      }
      // An event naming nobody is done by the parties of the call or talks the sentence refers to (两国元首在通话中
      // 同意…), or continues the same kind of event of the sentence or two before (正式谈判于…举行).
      if (!actors.length) {
        const referred = referredEvent(view.slice(s.start, s.end), events)
        const happened = (e: Event): boolean => e.modality !== 'negated' && e.modality !== 'hypothetical'
        // Calls, meetings and visits are all consultations (CAMEO 04x): talks held after a visit are the visitors'.
        const kin = (e: Event): boolean => e.type === type || (CONSULT.has(e.type) && CONSULT.has(type))
        const prior = referred ?? [...events].reverse().find((e) => kin(e) && happened(e) && e.evidence.some((x) => si - x.sentence <= 2))
        if (!prior) return null
        actors = prior.actors.map((a) => ({ ...a, role: 'participant' as const }))
        rule += referred ? '+actors-of-referred-event' : '+actors-from-previous'
      }
      // A visit needs a visitor: a destination alone (他将前往沙特, 他 unknown) says not who went, and things
      // arrive too (武器…将抵达乌克兰). A visitor is a person, or a side named with its delegation (美国代表团).
      if (type === 'visit' && !actors.some((a) => a.role === 'source' && (a.type === 'person' || delegationOf(a)))) return null
      const date = dateFor(ctx, si, clause, clauses, start, modality)
      if (modality === 'reported' && date.date && Number.isFinite(docTime) && docTime - Date.parse(date.date.padEnd(10, '-01').slice(0, 10)) > YEAR_MS) modality = 'historical'
      const cameo = lex.cameo.get(code)!
      let confidence = 0.6 + (date.source === 'text' ? 0.15 : 0) + (actors.length >= 2 ? 0.15 : 0.05)
      confidence = Math.max(0.05, Math.min(0.95, confidence))
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
        evidence: [{ start: s.start, end: s.end, sentence: si, ruleId: rule, confidence }],
        confidence,
      }
    }
    const triggered = new Set<number>()
    const inSentence: Event[] = []
    let visitUntil = -1
    for (const hit of findTriggers(view, s, clauses, mentions, tc)) {
      triggered.add(hit.clause)
      // 前往X，与Y会谈: the talks are what the visit is for, not an event of their own.
      if (hit.trigger.type === 'meeting' && hit.clause <= visitUntil) continue
      const e = make(hit.trigger.type, hit.trigger.cameo, hit.trigger.trigger, hit.start, hit.clause, `event.${hit.trigger.type}.${hit.trigger.trigger}`, hit.anchor)
      if (!e) continue
      if (e.type === 'visit') {
        visitUntil = hit.clause
        while (visitUntil + 1 < clauses.length && CONTINUATION.test(view.slice(clauses[visitUntil + 1]!.start, clauses[visitUntil + 1]!.end))) visitUntil++
      }
      // What is agreed, proposed or refused in the talks of the same sentence involves their parties.
      const talks = inSentence.find((x) => x.type === 'call' || x.type === 'meeting')
      if (talks && FOLLOW_UP.has(e.type)) {
        for (const a of talks.actors) if (!e.actors.some((b) => (b.actorId ?? b.name) === (a.actorId ?? a.name))) e.actors.push({ ...a, role: 'participant' })
      }
      inSentence.push(e)
      events.push(e)
    }
    // Reported speech: the sentence's first reporting verb outside quotation marks with a named subject.
    const quoted = (i: number): boolean => quotes.some((q) => q.start <= i && i < q.end)
    const verb = findVerbs(view, s.start, s.end).find((v) => v.kind !== 'report' && v.kind !== 'cite' && !quoted(v.start))
    if (verb) {
      const ci = clauses.findIndex((c) => c.start <= verb.start && verb.start < c.end)
      const c = clauses[ci]
      const who = c ? subjectOf(view, mentions, c.start, verb.start) : null
      if (who && !who.anonymous && !triggered.has(ci)) {
        const e = make('statement', '010', verb.verb, verb.start, ci, 'event.statement.reported-speech')
        if (e) events.push(e)
      }
    }
  })
  return mergeEvents(events)
}
