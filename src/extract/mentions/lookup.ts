// One resolver for a name a user types (events --actor, quotes --speaker, actor, and the API): an id
// (vladimir-putin), a Wikidata id (Q7747), a CAMEO code (RUS, USAGOV: every actor with it), an alias in either
// script and any regional form (普京, 普丁, 蒲亭), an English name or surname in any common spelling (Donald Trump,
// Trump, Zelensky, Zelenskyy, Zelenskiy), or a Chinese spelling that sounds like a known alias.
import { derive } from './derived.js'
import { CAMEO } from './lexicon-files.js'
import { latinKey, looseLatinKey, nameMatchForm, type Actor, type ActorLexicon } from './lexicon.js'
import { soundsLike } from './phonetic.js'

export type LookupHow = 'id' | 'wikidata' | 'cameo' | 'alias' | 'latin' | 'surname' | 'phonetic' | 'none'

export interface Lookup {
  actors: Actor[]
  how: LookupHow
}

interface LookupIndex {
  byCameo: Map<string, Actor[]>
  byLoose: Map<string, Actor[]>
  /** Persons by the loose key of their surname: the last word of the English name or of a Latin alias. */
  bySurname: Map<string, { actor: Actor; first: string }[]>
}

function lookupIndex(lex: ActorLexicon): LookupIndex {
  return derive(lex, 'lookup', () => {
    const byCameo = new Map<string, Actor[]>()
    for (const a of lex.actors.values()) for (const c of lex.cameoCodes(a.id)) byCameo.set(c, [...(byCameo.get(c) ?? []), a])
    // The country or body a code names comes first, then organisations, then people.
    const rank = { country: 0, organization: 1, person: 2, place: 3 }
    for (const list of byCameo.values()) list.sort((x, y) => rank[x.type] - rank[y.type] || (x.name < y.name ? -1 : 1))
    const names: [string, Actor][] = [...lex.actors.values()].map((a) => [a.name, a])
    for (const a of lex.aliases) if (/^[\p{Script=Latin}\s.'’-]+$/u.test(a.alias)) names.push([a.alias, lex.actors.get(a.actor)!])
    const byLoose = new Map<string, Actor[]>()
    const bySurname = new Map<string, { actor: Actor; first: string }[]>()
    for (const [name, actor] of names) {
      const k = looseLatinKey(name)
      const list = byLoose.get(k) ?? []
      if (!list.includes(actor)) byLoose.set(k, [...list, actor])
      const words = k.split(' ')
      if (actor.type !== 'person' || words.length < 2) continue
      const s = bySurname.get(words[words.length - 1]!) ?? []
      if (!s.some((x) => x.actor === actor && x.first === words[0]![0])) bySurname.set(words[words.length - 1]!, [...s, { actor, first: words[0]![0]! }])
    }
    return { byCameo, byLoose, bySurname }
  })
}

const unique = (list: Actor[]): Actor[] => [...new Map(list.map((a) => [a.id, a])).values()]

export function lookupActors(lex: ActorLexicon, query: string): Lookup {
  const q = query.trim()
  if (!q) return { actors: [], how: 'none' }
  const byId = lex.actors.get(q)
  if (byId) return { actors: [byId], how: 'id' }
  if (/^Q\d+$/i.test(q)) {
    const a = lex.byWikidata.get(q.toUpperCase())
    return a ? { actors: [a], how: 'wikidata' } : { actors: [], how: 'none' }
  }
  const idx = lookupIndex(lex)
  if (CAMEO.test(q)) {
    const coded = idx.byCameo.get(q)
    if (coded?.length) return { actors: coded, how: 'cameo' }
  }
  const ids = new Set((lex.byMatch.get(nameMatchForm(q)) ?? []).map((a) => a.actor))
  if (ids.size) return { actors: [...ids].map((id) => lex.actors.get(id)!), how: 'alias' }
  if (/\p{Script=Han}/u.test(q)) {
    const like = soundsLike(lex, nameMatchForm(q), () => true)
    return like ? { actors: [like], how: 'phonetic' } : { actors: [], how: 'none' }
  }
  const latin = lex.byLatin.get(latinKey(q))
  if (latin?.length) return { actors: latin, how: 'latin' }
  const key = looseLatinKey(q)
  const loose = idx.byLoose.get(key)
  if (loose?.length) return { actors: loose, how: 'latin' }
  const words = key.split(' ').filter(Boolean)
  if (!words.length) return { actors: [], how: 'none' }
  const same = (idx.bySurname.get(words[words.length - 1]!) ?? []).filter((s) => words.length === 1 || s.first === words[0]![0])
  const actors = unique(same.map((s) => s.actor))
  return actors.length ? { actors, how: 'surname' } : { actors: [], how: 'none' }
}

/** The candidates of an ambiguous lookup as one line: `Boris Johnson (boris-johnson), Mike Johnson (mike-johnson)`. */
export function describeCandidates(actors: Actor[], max = 12): string {
  const shown = actors.slice(0, max).map((a) => `${a.name} (${a.id})`)
  return shown.join(', ') + (actors.length > max ? `, … ${actors.length - max} more` : '')
}

