// The parts of an event around its trigger: who (actors with roles), where, and how sure (modality).
import type { EventActor, EventType, Mention, Modality, Span } from '../../core/index.js'
import { eventLexicon } from './lexicon.js'
import { findVerbs } from '../quotes/verbs.js'
import type { Words } from '../mentions/words.js'

const ACTOR_TYPES = new Set(['person', 'country', 'organization'])
// A clause that continues the previous one's action with a partner: 与/同/和/跟 X …, 并 …, 向 X …
const CONTINUES = /^\s*(?:与|同|和|跟|并|向|对|以及|即)/
// A clause opening with a preposition has no subject of its own: 与X会面 is done by the previous clause's subject.
const NO_SUBJECT = /^\s*(?:与|同|和|跟|向|对)/
// Where: a place or country right after 在/于/赴/前往/抵达/访问/飞抵/到.
const AT_PLACE = /(?:在|于|赴|前往|抵达|访问|飞抵|到访|到)$/
// A medium passing on others' words (据路透社报道, 塔斯社报道) is a source, not an actor.
const MEDIUM_AFTER = /^(?:\s*\d{0,2}日?)?(?:报道|报导|引述|援引|指出|称|消息)/

const SYMMETRIC = new Set<EventType>(['call', 'meeting', 'agreement', 'exchange_prisoners', 'ceasefire'])

export interface Parts {
  actors: EventActor[]
  location: { actorId: string | null; name: string } | null
}

function usable(m: Mention, view: string): boolean {
  if (!ACTOR_TYPES.has(m.type)) return false
  if (m.unresolved && m.how !== 'new') return false
  if (m.type === 'organization' && (MEDIUM_AFTER.test(view.slice(m.end, m.end + 6)) || view.slice(Math.max(0, m.start - 1), m.start) === '据')) return false
  return true
}

/** Actors and place of an event whose trigger stands at [tStart, tEnd) in clause `ci`. */
export function partsOf(view: string, type: EventType, tStart: number, clauses: readonly Span[], ci: number, mentions: readonly Mention[]): Parts {
  const inSpan = (c: Span): Mention[] => mentions.filter((m) => m.start >= c.start && m.end <= c.end)
  const clause = clauses[ci]!
  let picked = inSpan(clause)
  // The subject carries over from an earlier clause when this one names nobody before its trigger — but not
  // across a reporting verb: in X表示，…会谈将… X speaks about the event, X is not in it.
  if (!picked.some((m) => m.start < tStart && usable(m, view)) || NO_SUBJECT.test(view.slice(clause.start, clause.end))) {
    for (let k = ci - 1; k >= 0; k--) {
      const c = clauses[k]!
      // X表示，… : the clause ends on its reporting verb, and what follows is what X said.
      if (findVerbs(view, c.start, c.end).some((v) => c.end - v.end <= 2)) break
      const earlier = inSpan(c).filter((m) => usable(m, view))
      if (earlier.length) {
        picked = [...earlier, ...picked]
        break
      }
    }
  }
  for (let k = ci + 1; k < clauses.length && CONTINUES.test(view.slice(clauses[k]!.start, clauses[k]!.end)); k++) picked = [...picked, ...inSpan(clauses[k]!)]

  let location: Parts['location'] = null
  const actors: EventActor[] = []
  const seen = new Set<string>()
  for (const m of picked) {
    const before = view.slice(Math.max(0, m.start - 3), m.start)
    // 在白宫会见, 前往土耳其: a building or country after 在/前往 is where, not who.
    if (m.type === 'place' || ((m.type === 'country' || m.type === 'organization') && AT_PLACE.test(before))) {
      location ??= { actorId: m.actorId, name: m.name }
      // A visited country is also the visit's target (CAMEO: the host of a visit).
      if (m.type !== 'country' || type !== 'visit') continue
    }
    if (!usable(m, view)) continue
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
