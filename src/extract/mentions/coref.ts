// Coreference inside a document, kept conservative: 他/她 point at the one person named before them in the same
// sentence (else in the previous one), with gender agreement where the name tells it; 这位总统, 该官员 at the one
// such person who holds the role; a bare role title (俄总统在认真寻求…) at its holder on the document's date; 两人
// at the two people just named. Two candidates that fit equally mean no link.
import type { Document, Mention } from '../../core/index.js'
import { matchingView } from '../../normalize/matching.js'
import { documentDay, mention, sentenceAt, type DocContext } from './context.js'
import { mentionData, type CorefWord } from './data.js'
import { foldNameDots, loadActorLexicon } from './lexicon.js'
import { titleHolders, type TitleInfo } from './titles.js'

type Gender = 'male' | 'female' | null

function isFemale(m: Mention): boolean {
  const female = mentionData().context['female-char']
  const given = (s: string) => (s.includes('·') ? s.split('·')[0]! : '')
  const forms = [given(m.surface)]
  if (m.actorId) for (const a of loadActorLexicon().aliases) if (a.actor === m.actorId && a.match.includes('·')) forms.push(given(a.match))
  return forms.some((g) => [...g].some((ch) => female.has(ch)))
}

function roleMatches(pattern: string, role: string): boolean {
  if (pattern === '*') return true
  if (!pattern.startsWith('*.')) return pattern === role
  const office = pattern.slice(2)
  const own = role.slice(role.indexOf('.') + 1)
  return own === office || own.startsWith(`${office}-`) || own.endsWith(`-${office}`)
}

function holdsPattern(actorId: string | null, pattern: string, date: string | null): boolean {
  if (pattern === '*') return true
  if (!actorId) return false
  return loadActorLexicon()
    .rolesOf(actorId, date ?? undefined)
    .some((r) => roleMatches(pattern, r.role))
}

const key = (m: Mention) => m.actorId ?? `surface:${m.surface}`

export interface AntecedentQuery {
  gender?: Gender
  /** A role key, *.<office> pattern, or * (any person). */
  role?: string
  /** The document's day, for role agreement. */
  date?: string | null
}

/**
 * The one person `offset` can point back at: distinct people named before it in its sentence that agree with the
 * query, else in the sentence before. Null when none or when two or more agree.
 */
export function antecedent(doc: Document, mentions: Mention[], offset: number, q: AntecedentQuery = {}): Mention | null {
  const s = sentenceAt(doc, offset)
  const agrees = (m: Mention) =>
    m.type === 'person' &&
    m.end <= offset &&
    (q.gender !== 'female' || isFemale(m)) &&
    (q.gender !== 'male' || !isFemale(m)) &&
    (!q.role || holdsPattern(m.actorId, q.role, q.date ?? null))
  for (const sentence of [s, s - 1]) {
    if (sentence < 0) break
    const people = mentions.filter((m) => m.sentence === sentence && m.type === 'person' && m.end <= offset)
    if (!people.length) continue
    const fit = people.filter(agrees)
    const distinct = new Map(fit.map((m) => [key(m), m]))
    if (distinct.size !== 1) return null
    return [...distinct.values()][0]!
  }
  return null
}

function wordsAt(view: string, i: number, list: CorefWord[]): CorefWord | null {
  let best: CorefWord | null = null
  for (const w of list) if (view.startsWith(w.word, i) && (!best || w.word.length > best.word.length)) best = w
  return best
}

/** True when the pronoun at i is part of a word that is no pronoun (他们, 其他, 吉他). */
function insideNotWord(view: string, i: number, not: CorefWord[]): boolean {
  return not.some((w) => {
    for (let k = w.word.indexOf(view[i]!); k >= 0; k = w.word.indexOf(view[i]!, k + 1)) if (view.startsWith(w.word, i - k)) return true
    return false
  })
}

function pointAt(ctx: DocContext, start: number, end: number, target: Mention, ruleId: string, confidence: number): Mention {
  const actor = target.actorId ? ctx.lex.actors.get(target.actorId) : undefined
  if (actor) return mention(ctx, { start, end, actor, how: 'coref', ruleId, confidence })
  return { ...mention(ctx, { start, end, how: 'coref', ruleId, confidence }), actorId: target.actorId, name: target.name, type: target.type, country: target.country, unresolved: target.unresolved }
}

/** Coreference mentions for a document whose other mentions are found (sorted by start). */
export function findCoreference(ctx: DocContext, found: Mention[], roleNouns: { info: TitleInfo; start: number; end: number }[]): Mention[] {
  const { coref } = mentionData()
  const not = coref.filter((w) => w.kind === 'not')
  const words = coref.filter((w) => w.kind !== 'not')
  const all = [...found]
  const out: Mention[] = []
  const add = (m: Mention) => {
    out.push(m)
    all.push(m)
    all.sort((a, b) => a.start - b.start)
  }
  const taken = new Uint8Array(ctx.view.length)
  for (const m of found) taken.fill(1, m.start, m.end)
  const covered = (i: number) => taken[i] === 1
  const nouns = new Map(roleNouns.map((r) => [r.start, r]))
  for (let i = 0; i < ctx.view.length; i++) {
    const noun = nouns.get(i)
    if (noun) {
      const holders = titleHolders(ctx, noun.info)
      if (holders.length === 1 && ctx.date && !noun.info.former) {
        const actor = ctx.lex.actors.get(holders[0]!)!
        add(mention(ctx, { start: noun.start, end: noun.end, actor, how: 'coref', ruleId: 'mention.coref.title-holder', confidence: 0.7 }))
      } else if (!noun.info.former) {
        // Undated: the role holder named most recently before it, if any holder was named at all.
        const before = all.filter((m) => m.end <= noun.start && m.actorId && holders.includes(m.actorId))
        const last = before[before.length - 1]
        if (last) add(pointAt(ctx, noun.start, noun.end, last, 'mention.coref.title-named', 0.6))
      }
      i = noun.end - 1
      continue
    }
    if (covered(i)) continue
    const w = wordsAt(ctx.view, i, words)
    if (!w) continue
    if (w.kind === 'pronoun' && insideNotWord(ctx.view, i, not)) continue
    const end = i + w.word.length
    if (w.kind === 'pronoun') {
      // 他（普京）: the writer names the antecedent in brackets right after the pronoun.
      const named = ctx.view[end] === '(' ? found.find((m) => m.start === end + 1 && m.type === 'person' && m.actorId) : undefined
      if (named) {
        add(pointAt(ctx, i, end, named, 'mention.coref.pronoun-bracket', 0.9))
        i = end - 1
        continue
      }
      const target = antecedent(ctx.doc, all, i, { gender: w.gender })
      if (target) add(pointAt(ctx, i, end, target, 'mention.coref.pronoun', 0.6))
    } else if (w.kind === 'role-noun') {
      const target = antecedent(ctx.doc, all, i, { role: w.role ?? '*', date: ctx.date })
      if (target) add(pointAt(ctx, i, end, target, 'mention.coref.role-noun', 0.6))
    } else if (w.kind === 'pair') {
      const pair = lastTwo(ctx.doc, all, i)
      if (pair) for (const t of pair) add(pointAt(ctx, i, end, t, 'mention.coref.pair', 0.55))
    }
    i = end - 1
  }
  return out
}

/** The two people 两人 stands for: exactly two distinct people named in its sentence before it, or else in the one before. */
function lastTwo(doc: Document, mentions: Mention[], offset: number): Mention[] | null {
  const s = sentenceAt(doc, offset)
  for (const sentence of [s, s - 1]) {
    if (sentence < 0) break
    const people = mentions.filter((m) => m.sentence === sentence && m.type === 'person' && m.end <= offset)
    const distinct = new Map(people.map((m) => [key(m), m]))
    if (distinct.size === 2) return [...distinct.values()]
    if (distinct.size > 2) return null
  }
  return null
}

/**
 * Who the words at `offset` name, for quotes and events: the mention covering it (a name, or a pronoun this stage
 * already resolved), else the antecedent of a pronoun or role noun starting there. Null when the text does not
 * make it clear.
 */
export function whoIsAt(doc: Document, mentions: Mention[], offset: number): Mention | null {
  const covering = mentions.filter((m) => m.start <= offset && offset < m.end && m.actorId)
  if (covering.length === 1) return covering[0]!
  if (covering.length > 1) return null
  const view = foldNameDots(matchingView(doc.text).text)
  const { coref } = mentionData()
  const w = wordsAt(view, offset, coref.filter((x) => x.kind === 'pronoun' || x.kind === 'role-noun'))
  if (!w) return null
  if (w.kind === 'pronoun' && insideNotWord(view, offset, coref.filter((x) => x.kind === 'not'))) return null
  const sorted = [...mentions].sort((a, b) => a.start - b.start)
  return antecedent(doc, sorted, offset, w.kind === 'pronoun' ? { gender: w.gender } : { role: w.role ?? '*', date: documentDay(doc) })
}
