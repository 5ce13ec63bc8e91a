// Who said a quotation. The speaker is the subject of the reporting verb that governs the quote: the verb
// before it in the sentence (X说：“…”, X表示，…“…”), or right after it (“…”，X说). The subject is the first
// person named in the verb's clause; failing that an unnamed source described there (一名俄罗斯资深消息人士,
// 三名熟悉内情的官员), an organisation, a country. A pronoun (他说) takes the coreference the
// mention stage gives, else the speaker of the quotes just before.
import { on } from '../switches.js'
import type { Mention, Speaker } from '../../core/index.js'
import { findVerbs, type VerbHit } from './verbs.js'

const CLAUSE_END = /[，,。；;：:！!？?\n]/
// An unnamed source: optional count, up to a dozen describing characters, and the noun for a source.
const ANONYMOUS = /(?:(?:一|两|二|三|几|多|数|某)(?:名|位|个)?)?[^，,。；;：:“”"「」\n]{0,14}?(?:消息人士|知情人士|匿名人士|消息来源|人士|官员|高官|外交官|官方人士)/
const PRONOUN = /他们|她们|他|她|该官员|这名官员|这位官员|该人士/

export interface SpeakerFound {
  speaker: Speaker
  verb: VerbHit
}

function clauseStart(text: string, from: number, at: number): number {
  for (let i = at - 1; i >= from; i--) if (CLAUSE_END.test(text[i]!)) return i + 1
  return from
}

function fromMention(m: Mention): Speaker {
  return { actorId: m.actorId, name: m.name, type: m.type, country: m.country, anonymous: false, descriptor: null, start: m.start, end: m.end }
}

const RANK: Record<string, number> = { person: 0, organization: 2, country: 3, place: 9 }

/** The subject of a clause [from, to): a person first, then an unnamed source, an organisation, a country. */
export function subjectOf(text: string, mentions: readonly Mention[], from: number, to: number): Speaker | null {
  const inside = mentions.filter((m) => m.start >= from && m.end <= to && !(m.unresolved && m.actorId === null && m.how !== 'new'))
  const person = inside.find((m) => m.type === 'person')
  if (person) return fromMention(person)
  const anon = ANONYMOUS.exec(text.slice(from, to))
  if (anon) {
    const start = from + anon.index
    const end = start + anon[0].length
    const country = inside.find((m) => m.type === 'country' && m.start >= start && m.end <= end)
    return { actorId: null, name: 'anonymous source', type: null, country: country?.name ?? null, anonymous: true, descriptor: anon[0], start, end }
  }
  const other = inside.filter((m) => (RANK[m.type] ?? 9) < 9).sort((a, b) => RANK[a.type]! - RANK[b.type]! || a.start - b.start)[0]
  return other ? fromMention(other) : null
}

/**
 * The speaker of the quote opening at `open` inside sentence [sStart, sEnd). `previous` is the speaker of
 * the quotes before it in the paragraph, for pronouns and runs of quotes.
 */
export function speakerBefore(text: string, mentions: readonly Mention[], sStart: number, open: number, previous: Speaker | null): SpeakerFound | null {
  const verbs = findVerbs(text, sStart, open).filter((v) => v.kind !== 'report' && v.kind !== 'cite')
  const verb = verbs[verbs.length - 1]
  if (!verb) return null
  // A verb whose own clause names nobody (…，并称“…”, …，但同时提到：“…”) shares the subject of the reporting verb
  // before it in the sentence (哈马斯称…，但同时提到), not whatever a clause between them names.
  if (on('quote.shared-subject')) {
    for (let k = verbs.length - 1; k >= 0; k--) {
      const own = clauseSubject(text, mentions, clauseStart(text, sStart, verbs[k]!.start), verbs[k]!.start, previous)
      if (own) return { speaker: own, verb }
      if (k === 0 || /[。！？!?]/.test(text.slice(verbs[k - 1]!.end, verbs[k]!.start))) break
    }
  }
  // Walk back clause by clause from the verb: the subject may stand a clause earlier (X在…时，说：“…”).
  let to = verb.start
  for (let from = clauseStart(text, sStart, to); ; from = clauseStart(text, sStart, from - 1)) {
    const subject = clauseSubject(text, mentions, from, to, previous)
    if (subject) return { speaker: subject, verb }
    if (from <= sStart) return null
    to = from - 1
  }
}

/** The subject of one clause: a pronoun's antecedent, a named actor, or the current speaker for a bare pronoun. */
function clauseSubject(text: string, mentions: readonly Mention[], from: number, to: number, previous: Speaker | null): Speaker | null {
  // A pronoun or role noun read by coreference counts when it comes before any person named in the clause:
  // in 特朗普在会见乌克兰总统后表示 the subject is 特朗普, not the president he met.
  const coref = mentions.find((m) => m.how === 'coref' && m.start >= from && m.end <= to && m.actorId)
  const named = mentions.find((m) => m.how !== 'coref' && m.type === 'person' && m.start >= from && m.end <= to && !(m.unresolved && m.actorId === null && m.how !== 'new'))
  const subject = coref && (!named || coref.start < named.start || !on('quote.subject-first')) ? fromMention(coref) : subjectOf(text, mentions, from, to)
  if (subject) return subject
  if (previous && PRONOUN.test(text.slice(from, to))) return previous
  return null
}

/** “…”，X说 / “…”X表示: the subject between the closing mark and a verb a few characters later. */
export function speakerAfter(text: string, mentions: readonly Mention[], close: number, sEnd: number): SpeakerFound | null {
  const limit = Math.min(sEnd, close + 40)
  const verb = findVerbs(text, close + 1, limit)[0]
  if (!verb || /[。！？!?]/.test(text.slice(close + 1, verb.start))) return null
  const subject = subjectOf(text, mentions, close + 1, verb.start)
  return subject ? { speaker: subject, verb } : null
}

// A quote hung on a name without a verb: X：“…” (a colon after the clause that names the speaker), or
// X“…” / 他也“…” (the speaker right before the mark; Chinese news often drops 说).
const ADVERB_TAIL = /(?:也|还|则|又|更|亦|并|都)$/

export function speakerAdjacent(text: string, mentions: readonly Mention[], sStart: number, open: number, previous: Speaker | null): Speaker | null {
  const before = text.slice(sStart, open).replace(/\s+$/, '')
  if (/[：:]$/.test(before)) {
    const colon = sStart + before.length - 1
    for (let from = clauseStart(text, sStart, colon); ; from = clauseStart(text, sStart, from - 1)) {
      const coref = mentions.find((m) => m.how === 'coref' && m.start >= from && m.end <= colon && m.actorId)
      const subject = coref ? fromMention(coref) : subjectOf(text, mentions, from, colon)
      if (subject) return subject
      if (from <= sStart) return null
    }
  }
  const bare = before.replace(ADVERB_TAIL, '')
  const end = sStart + bare.length
  const named = mentions.find((m) => m.end === end && (m.type === 'person' || (m.how === 'coref' && m.actorId)))
  if (named) {
    // 他感谢特朗普“…”: a name right before the mark that follows a subject in its clause is the object; the
    // subject speaks.
    const from = clauseStart(text, sStart, named.start)
    const subject = named.start > from && on('quote.adjacent-object') ? clauseSubject(text, mentions, from, named.start, previous) : null
    return subject ?? fromMention(named)
  }
  if (/(?:他|她)$/.test(bare) && previous) return previous
  return null
}
