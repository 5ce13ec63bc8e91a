// What every pass over one document shares: the matching view, jieba's words, the reference date, sentence and
// clause lookup, and one way to build a Mention so every mention carries the same provenance.
import type { Document, Mention, MentionHow } from '../../core/index.js'
import { matchingView } from '../../normalize/matching.js'
import { foldNameDots, loadActorLexicon, type Actor, type ActorLexicon, type ActorType } from './lexicon.js'
import { Words } from './words.js'

/** Characters that end a clause: a title's country or a new name's country is looked for inside one clause. */
export const CLAUSE_END = /[，,。．！!？?；;：:\n「」“”"（）()《》【】、]/

export interface DocContext {
  doc: Document
  lex: ActorLexicon
  /** The matching view with name dots folded: index-aligned with doc.text. */
  view: string
  words: Words
  /** The document's day (ISO) when known to the day, else null. */
  date: string | null
}

/** The per-document context; `lex` defaults to the shipped lexicon. */
export function makeContext(doc: Document, lex: ActorLexicon = loadActorLexicon()): DocContext {
  const view = foldNameDots(matchingView(doc.text).text)
  if (view.length !== doc.text.length) throw new Error(`mentions: ${doc.origin}: matching view is not aligned`)
  return { doc, lex, view, words: new Words(view), date: documentDay(doc) }
}

/** The publication day when the document states one to the day; a month or a year names no single holder. */
export function documentDay(doc: Document): string | null {
  const at = doc.published.at
  if (!at || !/^\d{4}-\d{2}-\d{2}/.test(at)) return null
  return at.slice(0, 10)
}

/** Index of the sentence holding offset i: the last sentence starting at or before it. */
export function sentenceAt(doc: Document, i: number): number {
  const s = doc.sentences
  let lo = 0
  let hi = s.length - 1
  let found = 0
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (s[mid]!.start <= i) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  return found
}

/** Start of the clause holding offset i. */
export function clauseStart(view: string, i: number): number {
  let k = i - 1
  while (k >= 0 && !CLAUSE_END.test(view[k]!)) k--
  return k + 1
}

export function countryName(lex: ActorLexicon, actor: Actor | null | undefined): string | null {
  if (!actor?.country) return null
  return lex.actors.get(actor.country)?.name ?? null
}

export interface MentionFields {
  start: number
  end: number
  how: MentionHow
  ruleId: string
  confidence: number
  actor?: Actor | null
  /** For an actor the lexicon does not know: its display name and, for a transliteration, a romanisation guess. */
  newActor?: { id: string; name: string; type: ActorType; country: string | null; guess?: string | null; inferred?: boolean; parties?: string[] }
  unresolved?: boolean
  /** For a mention no actor could be chosen for: the type all its candidates share. */
  type?: ActorType
}

export function mention(ctx: DocContext, f: MentionFields): Mention {
  const surface = ctx.doc.text.slice(f.start, f.end)
  const base = { surface, start: f.start, end: f.end, ruleId: f.ruleId, confidence: f.confidence, how: f.how, sentence: sentenceAt(ctx.doc, f.start) }
  if (f.actor) {
    const a = f.actor
    return { ...base, actorId: a.id, name: a.name, type: a.type, country: countryName(ctx.lex, a), unresolved: f.unresolved ?? false, cameo: ctx.lex.cameoOf(a.id, ctx.date), wikidata: a.wikidata }
  }
  if (f.newActor) {
    const n = f.newActor
    const country = n.country ? ctx.lex.actors.get(n.country)?.name ?? null : null
    const cameo = n.country ? ctx.lex.cameoOf(n.country) : null
    const extra = { ...(n.guess ? { guess: n.guess } : {}), ...(n.inferred ? { inferred: true } : {}), ...(n.parties ? { parties: n.parties } : {}) }
    return { ...base, actorId: n.id, name: n.name, type: n.type, country, unresolved: f.unresolved ?? true, cameo, wikidata: null, ...extra }
  }
  return { ...base, actorId: null, name: surface, type: f.type ?? 'person', country: null, unresolved: true }
}

/** True when [start, end) overlaps a span of the list. */
export function overlaps(list: { start: number; end: number }[], start: number, end: number): boolean {
  return list.some((m) => m.start < end && start < m.end)
}
