// Actors across a set of documents: who is named, under which spellings, how often and where. The aliases one
// document teaches (bracket links) are merged and used for all of them. Used by `parley actors` and `parley actor`.
import type { Document, Mention } from '../../core/index.js'
import { matchingView } from '../../normalize/matching.js'
import { analyzeMentions, mergeLearnedAliases } from './index.js'
import { foldNameDots, latinKey, type Actor, type ActorLexicon, type Region, type Role } from './lexicon.js'

export interface DocumentMentions {
  doc: Document
  mentions: Mention[]
}

/** Finds the mentions of every document, twice: the second time with the aliases all of them taught. */
export function mentionsOfSet(docs: Document[], lexicon: ActorLexicon): DocumentMentions[] {
  const first = docs.map((doc) => analyzeMentions(doc, { lexicon }))
  const learned = mergeLearnedAliases(first.map((r) => r.learned))
  if (!learned.length) return docs.map((doc, i) => ({ doc, mentions: first[i]!.mentions }))
  return docs.map((doc) => ({ doc, mentions: analyzeMentions(doc, { learned, lexicon }).mentions }))
}

export interface ActorSummary {
  id: string
  name: string
  type: Mention['type']
  country: string | null
  known: boolean
  /** Not in the lexicon and shown as written (a transliteration): `guess` is a romanisation for reading only. */
  unresolved: boolean
  /** Not in the lexicon, named by the pinyin of its Chinese name. */
  inferred: boolean
  guess: string | null
  cameo: string | null
  wikidata: string | null
  /** Mentions by name (not by pronoun or role noun). */
  mentions: number
  /** Mentions by coreference (他, 这位总统, 俄总统). */
  coref: number
  documents: number
  /** Spellings as written, most frequent first. */
  aliases: { surface: string; count: number }[]
}

/** Actors named in the documents, most mentioned first. Unresolved mentions (a bare surname nobody confirmed) are left out. */
export function summarizeActors(set: DocumentMentions[]): ActorSummary[] {
  const byId = new Map<string, ActorSummary & { docs: Set<string>; surfaces: Map<string, number> }>()
  for (const { doc, mentions } of set) {
    for (const m of mentions) {
      if (!m.actorId) continue
      let s = byId.get(m.actorId)
      if (!s) {
        const known = !m.actorId.startsWith('new:')
        s = {
          id: m.actorId, name: m.name, type: m.type, country: m.country, known, unresolved: !known && !m.inferred && m.how !== 'bracket', inferred: !!m.inferred,
          guess: m.guess ?? null, cameo: m.cameo ?? null, wikidata: m.wikidata ?? null, mentions: 0, coref: 0, documents: 0, aliases: [], docs: new Set(), surfaces: new Map(),
        }
        byId.set(m.actorId, s)
      }
      s.docs.add(doc.id)
      if (m.how === 'coref') s.coref++
      else {
        s.mentions++
        s.surfaces.set(m.surface, (s.surfaces.get(m.surface) ?? 0) + 1)
      }
    }
  }
  return [...byId.values()]
    .map(({ docs, surfaces, ...s }) => ({
      ...s,
      documents: docs.size,
      aliases: [...surfaces].map(([surface, count]) => ({ surface, count })).sort((a, b) => b.count - a.count || (a.surface < b.surface ? -1 : 1)),
    }))
    .sort((a, b) => b.mentions + b.coref - (a.mentions + a.coref) || (a.name < b.name ? -1 : 1))
}

export interface ActorProfile {
  actor: Actor
  roles: Role[]
  /** Aliases grouped by region (cn, tw, hk, sg, any). */
  aliases: Partial<Record<Region, string[]>>
  /** CAMEO code today (the offices held now), and every code the actor has had. */
  cameo: string | null
  cameoCodes: string[]
}

export function actorProfile(lex: ActorLexicon, actor: Actor): ActorProfile {
  const aliases: Partial<Record<Region, string[]>> = {}
  for (const a of lex.aliasesOf.get(actor.id) ?? []) (aliases[a.region] ??= []).push(a.alias)
  return { actor, roles: lex.rolesOf(actor.id), aliases, cameo: lex.cameoOf(actor.id), cameoCodes: lex.cameoCodes(actor.id) }
}

export interface Sighting {
  docId: string
  title: string
  published: string | null
  sentence: number
  text: string
  surfaces: string[]
}

/** The sentences of the documents that mention an actor (by id), with the spellings used there. */
export function sightings(set: DocumentMentions[], actorId: string): Sighting[] {
  const out: Sighting[] = []
  for (const { doc, mentions } of set) {
    const bySentence = new Map<number, string[]>()
    for (const m of mentions) if (m.actorId === actorId) bySentence.set(m.sentence, [...(bySentence.get(m.sentence) ?? []), m.surface])
    for (const [sentence, surfaces] of [...bySentence].sort((a, b) => a[0] - b[0])) {
      const span = doc.sentences[sentence]
      out.push({ docId: doc.id, title: doc.title, published: doc.published.at, sentence, text: span ? doc.text.slice(span.start, span.end) : '', surfaces: [...new Set(surfaces)] })
    }
  }
  return out
}

/** Ids of actors the lexicon does not know whose name or a spelling matches the query, among the mentions found. */
export function lookupNewActors(set: DocumentMentions[], name: string): string[] {
  const q = foldNameDots(matchingView(name.trim()).text)
  const key = latinKey(name)
  const out = new Set<string>()
  for (const { mentions } of set) {
    for (const m of mentions) {
      if (!m.actorId?.startsWith('new:')) continue
      if (foldNameDots(matchingView(m.surface).text) === q || (key && (latinKey(m.name) === key || latinKey(m.guess ?? '') === key))) out.add(m.actorId)
    }
  }
  return [...out]
}
