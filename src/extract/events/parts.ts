// The parts of an event around its trigger: who (actors with roles), where, and how sure (modality).
import type { EventActor, EventType, Mention, Modality, Span } from '../../core/index.js'
import { eventLexicon } from './lexicon.js'
import { findVerbs } from '../quotes/verbs.js'
import type { Words } from '../mentions/words.js'
import type { ByOffset } from '../by-offset.js'
import { eventCues } from './cues.js'
import { ALL_RULES, type Rules } from './rules.js'

const ACTOR_TYPES = new Set(['person', 'country', 'organization'])
const DATELINE = /^[^，,。；;：:\s]{0,8}?(?:\d{1,2}月)?\d{1,2}日(?:电|訊|讯|消息)/
// Cue families (lexicon/event-cues.tsv): continues — a clause continuing the previous one's action with a
// partner (，与X…, ，并…); no-subject — a clause opening with a preposition is done by the previous clause's
// subject (与X会面); at-place — a place or country right after 在/前往/抵达 is where; medium-after — a medium
// passing on others' words (据路透社报道, 塔斯社报道) is a source, not an actor.

const SYMMETRIC = new Set<EventType>(['call', 'meeting', 'agreement', 'exchange_prisoners', 'ceasefire'])

export interface Parts {
  actors: EventActor[]
  location: { actorId: string | null; name: string } | null
}

function usable(m: Mention, view: string, rules: Rules): boolean {
  if (!ACTOR_TYPES.has(m.type)) return false
  if (m.unresolved && m.how !== 'new') return false
  if (rules.on('actors.medium-not-actor') && m.type === 'organization') {
    const after = view.slice(m.end, m.end + 8).replace(/^\s*\d{0,2}日?/, '')
    if (eventCues().opens('medium-after', after) || view.slice(Math.max(0, m.start - 1), m.start) === '据') return false
    // 新华社华盛顿2月28日电, 中央社台北15日电: an agency in a dateline sends the story, it takes no part in it.
    if (DATELINE.test(view.slice(m.end, m.end + 16))) return false
  }
  return true
}

/** Actors and place of an event whose trigger stands at [tStart, tEnd) in clause `ci`. */
export function partsOf(view: string, type: EventType, tStart: number, clauses: readonly Span[], ci: number, mentions: ByOffset<Mention>, rules: Rules = ALL_RULES): Parts {
  const cues = eventCues()
  const inSpan = (c: Span): Mention[] => mentions.within(c.start, c.end)
  const clause = clauses[ci]!
  let picked = inSpan(clause)
  // The subject carries over from an earlier clause when this one names nobody before its trigger — but not
  // across a reporting verb: in X表示，…会谈将… X speaks about the event, X is not in it.
  const carry = !picked.some((m) => m.start < tStart && usable(m, view, rules)) || cues.opens('no-subject', view.slice(clause.start, clause.end))
  if (rules.on('actors.carry-subject') && carry) {
    for (let k = ci - 1; k >= 0; k--) {
      const c = clauses[k]!
      // X表示，… : the clause ends on its reporting verb, and what follows is what X said.
      if (findVerbs(view, c.start, c.end).some((v) => c.end - v.end <= 2)) break
      const earlier = inSpan(c).filter((m) => usable(m, view, rules))
      if (earlier.length) {
        picked = [...earlier, ...picked]
        break
      }
    }
  }
  if (rules.on('actors.continuation')) {
    for (let k = ci + 1; k < clauses.length && cues.opens('continues', view.slice(clauses[k]!.start, clauses[k]!.end)); k++) picked = [...picked, ...inSpan(clauses[k]!)]
  }

  let location: Parts['location'] = null
  const actors: EventActor[] = []
  const seen = new Set<string>()
  for (const m of picked) {
    const before = view.slice(Math.max(0, m.start - 3), m.start)
    // 在白宫会见, 前往土耳其: a building or country after 在/前往 is where, not who.
    const placed = rules.on('actors.place-not-actor') && (m.type === 'country' || m.type === 'organization') && cues.closes('at-place', before)
    if (m.type === 'place' || placed) {
      location ??= { actorId: m.actorId, name: m.name }
      // A visited country is also the visit's target (CAMEO: the host of a visit).
      if (m.type !== 'country' || type !== 'visit') continue
    }
    if (!usable(m, view, rules)) continue
    const key = m.actorId ?? m.name
    if (seen.has(key)) continue
    seen.add(key)
    const role = SYMMETRIC.has(type) ? 'participant' : m.start < tStart ? 'source' : 'target'
    actors.push({ actorId: m.actorId, name: m.name, type: m.type, country: m.country, role })
  }
  return { actors, location }
}

// When cues of several kinds stand before a trigger, the strongest reading wins: 并无计划会谈 did not happen,
// 是否准备参与谈判 may not happen.
const FUNCTION_CHARS = /^[向对在与把被给为将以于从和跟]$/
const STRENGTH: Record<Modality, number> = { negated: 4, hypothetical: 3, planned: 2, historical: 1, reported: 0 }

/** The modality cues before the trigger in its clause, whole words only; 'reported' when there is none. */
export function modalityOf(view: string, clause: Span, tStart: number, words?: Words): { modality: Modality; cue: string | null } {
  const lex = eventLexicon()
  let found: { modality: Modality; cue: string } | null = null
  for (let i = clause.start; i < tStart; ) {
    let taken = 0
    for (let len = Math.min(lex.longestCue, tStart - i); len > 0; len--) {
      const w = view.slice(i, i + len)
      const mod = lex.modality.get(w)
      if (!mod) continue
      taken = len
      // 未 in 未来 is no negation: a cue must be a word of its own (未能, 未曾 are cues of their own), or the
      // start of one that jieba closed with a function character (应向, 将于).
      const word = words?.wordAt(i)
      const glued = word && word.start === i && word.end > i + len && FUNCTION_CHARS.test(view.slice(i + len, word.end))
      if (words && (!words.boundary(i) || (!words.boundary(i + len) && !glued))) break
      if (!found || STRENGTH[mod] > STRENGTH[found.modality]) found = { modality: mod, cue: w }
      break
    }
    i += taken || 1
  }
  return found ?? { modality: 'reported', cue: null }
}
