// Who an event is between. CAMEO codes events as dyads (source acts on target); the extract stage lists an
// event's actors as it found them in all its sentences, often with third parties named nearby. The dyad is read
// from the clause of the trigger's first report: "美国总统特朗普12日同俄罗斯总统普京通电话" gives Trump -> Putin,
// "特朗普随即致电乌克兰总统泽连斯基" gives Trump -> Zelenskyy, though Putin stands earlier in the sentence.
import type { EventActor, Event, Mention } from '../core/extraction.js'
import type { RecordActor } from '../core/record.js'
import type { ResolveLexicon } from './lexicon.js'

/** Clause ends inside a sentence: the dyad is looked for between two of these around the trigger. */
const CLAUSE_BREAK = /[，,；;：:。！？!?\n]/

const SPECIFICITY = { person: 3, organization: 2, country: 1, place: 0 } as const

export function recordActor(a: Pick<EventActor, 'actorId' | 'name' | 'type' | 'country'>, lex: ResolveLexicon): RecordActor {
  const info = a.actorId ? lex.actor(a.actorId) : null
  let code: string | null = null
  if (a.actorId) code = lex.code(a.actorId)
  if (!code && info?.country) {
    const country = lex.code(info.country)
    // A person or body of a state: the state's code, with GOV for office holders and state bodies (GDELT style).
    if (country) code = info.type === 'person' && !info.hasRole ? country : `${country}GOV`
  }
  return { actorId: a.actorId, name: a.name, type: a.type, country: a.country, code, wikidata: info?.wikidata ?? null }
}

/** The side an actor stands on: its country, or itself for a body without one (NATO, EU, UN). */
export const side = (a: { name: string; country: string | null }): string => a.country ?? a.name

export interface Dyad {
  source: EventActor | null
  target: EventActor | null
  /** The parties named in the trigger's clause (all of the event's parties when the clause names none). */
  key: EventActor[]
}

/**
 * Reads the dyad of an event from its first evidence span. `view` is the document's matching view (simplified,
 * index-aligned with the original), so the trigger, stored in matching form, is found in it.
 */
export function readDyad(ev: Event, view: string, mentions: Mention[]): Dyad {
  const parties = ev.actors.filter((a) => a.type !== 'place' && a.name !== ev.location?.name)
  const first = ev.evidence[0]!
  const at = view.indexOf(ev.trigger, first.start)
  const trig = at >= first.start && at < first.end ? at : first.start
  let start = trig
  while (start > first.start && !CLAUSE_BREAK.test(view[start - 1]!)) start--
  let end = trig + ev.trigger.length
  while (end < first.end && !CLAUSE_BREAK.test(view[end]!)) end++
  const ids = new Set(parties.map((a) => a.actorId ?? a.name))
  const inClause = mentions
    .filter((m) => m.start >= start && m.end <= end && ids.has(m.actorId ?? m.name))
    .sort((a, b) => a.start - b.start)
  const seen = new Set<string>()
  const ordered: { actor: EventActor; before: boolean }[] = []
  for (const m of inClause) {
    const key = m.actorId ?? m.name
    if (seen.has(key)) continue
    seen.add(key)
    ordered.push({ actor: parties.find((a) => (a.actorId ?? a.name) === key)!, before: m.start < trig })
  }
  // A report that names nobody in its clause ("正式谈判于2月18日举行") keeps the parties the extractor gave it.
  const key = ordered.length ? ordered : parties.map((actor) => ({ actor, before: true }))
  // Runs of one side ("美国总统特朗普": United States, Donald Trump) stand for one party: its most specific actor.
  const runs: { actor: EventActor; before: boolean }[] = []
  for (const k of key) {
    const last = runs[runs.length - 1]
    if (last && side(last.actor) === side(k.actor)) {
      if (SPECIFICITY[k.actor.type] > SPECIFICITY[last.actor.type]) last.actor = k.actor
    } else runs.push({ ...k })
  }
  // Roles the extractor gave: the most specific actor of the role stands for it (the minister, not the ministry).
  const mostSpecific = (role: string): EventActor | undefined =>
    parties.filter((a) => a.role === role).reduce<EventActor | undefined>((best, a) => (!best || SPECIFICITY[a.type] > SPECIFICITY[best.type] ? a : best), undefined)
  const explicitSource = mostSpecific('source')
  const explicitTarget = mostSpecific('target')
  const src = explicitSource ?? (runs.find((r) => r.before) ?? runs[0])?.actor ?? null
  const other = (a: EventActor | undefined): EventActor | undefined => (a && src && side(a) !== side(src) ? a : undefined)
  const tgt = other(explicitTarget) ?? (src ? runs.find((r) => side(r.actor) !== side(src))?.actor ?? null : null)
  return { source: src, target: tgt, key: key.map((k) => k.actor) }
}
