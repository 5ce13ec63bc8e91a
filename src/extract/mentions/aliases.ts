// Lexicon and learned tokens read as mentions. Plain aliases resolve at once; short forms only with context (a
// one-character country form next to another or before 方/军/总统…; a bare surname after a title its owner holds,
// or after a fuller mention of the same actor); ambiguous forms by title, earlier mention, country and date.
import { on } from '../switches.js'
import type { Mention } from '../../core/index.js'
import { mention, sentenceAt, type DocContext } from './context.js'
import { isCoreTranslit, mentionData } from './data.js'
import { derive } from './derived.js'
import type { Actor, Alias } from './lexicon.js'
import { countryOf, sentenceCountries } from './places.js'
import type { Token } from './scan.js'
import { holdsAny, type TitleInfo } from './titles.js'

/** One-character country forms (美, 俄, 乌): the lexicon's short country aliases one character long. */
function countryChars(ctx: DocContext): Set<string> {
  return derive(ctx.lex, 'country-chars', () => {
    const chars = new Set<string>()
    for (const a of ctx.lex.aliases) if (a.flags.has('short') && [...a.match].length === 1 && ctx.lex.actors.get(a.actor)?.type === 'country') chars.add(a.match)
    return chars
  })
}

/**
 * A one-character country form stands for its country when jieba does not make it part of another word (美元,
 * 法律, 日前) and a second country form is next to it (美俄, 俄乌, 美、俄、乌) or a follower word comes after it
 * (美方, 俄军, 美官员).
 */
export function countryCharConfirmed(ctx: DocContext, i: number): boolean {
  const chars = countryChars(ctx)
  const { context } = mentionData()
  const followers = context['country-follower']
  const joiners = context['country-joiner']
  const standsAlone = (k: number): boolean => {
    if (!chars.has(ctx.view[k] ?? '')) return false
    const w = ctx.words.wordAt(k)
    if (!w) return true
    const text = ctx.view.slice(w.start, w.end)
    // The word is country forms only (美俄, 俄乌), or one country form and a follower (美军).
    if ([...text].every((ch) => chars.has(ch))) return true
    return w.start === k && followers.has(text.slice(1))
  }
  if (!standsAlone(i)) return false
  const neighbour = (k: number) => standsAlone(k)
  if (neighbour(i - 1) || neighbour(i + 1)) return true
  if (joiners.has(ctx.view[i + 1] ?? '') && neighbour(i + 2)) return true
  if (joiners.has(ctx.view[i - 1] ?? '') && neighbour(i - 2)) return true
  for (const f of followers) if (ctx.view.startsWith(f, i + 1)) return true
  return false
}

/** A short surname must not run on into more of a name (巴罗佐, 希尔顿) nor sit inside a word (这里加上). */
function shortFits(ctx: DocContext, start: number, end: number, titled = false): boolean {
  // Right after a title (or a title of honour) the name starts there whatever jieba glued to it (拿督斯/里安/华).
  if ((!titled && !ctx.words.boundary(start)) || !ctx.words.boundary(end)) return false
  const after = ctx.view[end]
  const before = ctx.view[start - 1]
  if (after === '·' || before === '·') return false
  if (after && isCoreTranslit(after) && !ctx.words.boundary(end + 1)) return false
  if (after && isCoreTranslit(after) && ctx.words.startingAt(end)?.end === end + 1) return false
  return true
}

export interface AliasState {
  /** Actors named so far by a full (not short) form, by offset of that mention. */
  fullSeen: Map<string, number>
  /** Title before each token index, when one stands right before it. */
  titled: Map<number, TitleInfo>
}

function score(ctx: DocContext, tokens: Token[], t: Token, actor: Actor, st: AliasState, title: TitleInfo | undefined): number {
  let s = 0
  if (title && holdsAny(ctx, actor.id, title.roles, null)) s += 3
  if ((st.fullSeen.get(actor.id) ?? Infinity) < t.start) s += 3
  const sent = ctx.doc.sentences[sentenceAt(ctx.doc, t.start)]
  const countries = sent ? sentenceCountries(ctx, tokens, sent.start, sent.end) : new Set<string>()
  const c = countryOf(actor)
  if (c && countries.has(c) && actor.type !== 'country') s += 1
  if (ctx.date && ctx.lex.rolesOf(actor.id, ctx.date).length) s += 1
  return s
}

/** Reads one alias token. Returns the mentions it makes (none when a short form finds no context). */
export function readAlias(ctx: DocContext, tokens: Token[], index: number, st: AliasState): Mention[] {
  const t = tokens[index]!
  if (t.kind !== 'alias') return []
  const title = st.titled.get(index)
  const ids = [...new Set(t.aliases.map((a) => a.actor))]
  const actors = ids.map((id) => ctx.lex.actors.get(id)!)
  const short = t.aliases.every((a: Alias) => a.flags.has('short'))
  const span = { start: t.start, end: t.end }
  const seen = (a: Actor) => (st.fullSeen.get(a.id) ?? Infinity) < t.start

  if (actors.length > 1) {
    const scored = actors.map((a) => ({ a, s: score(ctx, tokens, t, a, st, title) })).sort((x, y) => y.s - x.s)
    const top = scored[0]!
    if (top.s >= 2 && top.s > scored[1]!.s) {
      return [mention(ctx, { ...span, actor: top.a, how: 'lexicon', ruleId: 'mention.lexicon.ambiguous-context', confidence: 0.75 })]
    }
    if (short && !shortFits(ctx, t.start, t.end)) return []
    const types = new Set(actors.map((a) => a.type))
    const type = types.size === 1 ? actors[0]!.type : undefined
    return [mention(ctx, { ...span, how: 'lexicon', ruleId: 'mention.lexicon.ambiguous-unresolved', confidence: 0.3, type })]
  }

  const actor = actors[0]!
  if (!short) return [mention(ctx, { ...span, actor, how: 'lexicon', ruleId: 'mention.lexicon', confidence: t.aliases.some((a) => a.flags.has('full')) ? 0.95 : 0.9 })]

  if (actor.type === 'country' && t.end - t.start === 1) {
    return countryCharConfirmed(ctx, t.start) ? [mention(ctx, { ...span, actor, how: 'lexicon', ruleId: 'mention.lexicon.country-char', confidence: 0.8 })] : []
  }
  const honored = on('mention.honorific') && [...mentionData().context.honorific].some((h) => ctx.view.startsWith(h, t.start - h.length))
  if (!shortFits(ctx, t.start, t.end, !!title || honored)) return []
  if (title && holdsAny(ctx, actor.id, title.roles, title.former ? null : ctx.date)) {
    return [mention(ctx, { ...span, actor, how: 'lexicon', ruleId: 'mention.lexicon.short-title', confidence: 0.85 })]
  }
  if (title && holdsAny(ctx, actor.id, title.roles, null)) {
    return [mention(ctx, { ...span, actor, how: 'lexicon', ruleId: 'mention.lexicon.short-title-any-date', confidence: 0.7 })]
  }
  if (seen(actor)) return [mention(ctx, { ...span, actor, how: 'lexicon', ruleId: 'mention.lexicon.short-after-full', confidence: 0.8 })]
  if (actor.type !== 'person') {
    // 国务院 after 美国 in the same sentence, 杜马 in a sentence naming Russia.
    const sent = ctx.doc.sentences[sentenceAt(ctx.doc, t.start)]
    const countries = sent ? sentenceCountries(ctx, tokens, sent.start, sent.end) : new Set<string>()
    const c = countryOf(actor)
    if (c && countries.has(c)) return [mention(ctx, { ...span, actor, how: 'lexicon', ruleId: 'mention.lexicon.short-country-context', confidence: 0.7 })]
    return []
  }
  // A short form of one known person (安华, 福明, 耿爽) in a sentence that names the person's country.
  if (on('mention.short-country')) {
    const sent = ctx.doc.sentences[sentenceAt(ctx.doc, t.start)]
    const countries = sent ? sentenceCountries(ctx, tokens, sent.start, sent.end) : new Set<string>()
    const c = countryOf(actor)
    if (c && countries.has(c)) return [mention(ctx, { ...span, actor, how: 'lexicon', ruleId: 'mention.lexicon.short-country-context', confidence: 0.7 })]
  }
  return [mention(ctx, { ...span, how: 'lexicon', ruleId: 'mention.lexicon.short-unresolved', confidence: 0.3 })]
}

/** A learned alias (from a bracket earlier in this document or from other documents) read as a mention. */
export function readLearned(ctx: DocContext, t: Token): Mention | null {
  if (t.kind !== 'learned') return null
  const l = t.learned
  const actor = ctx.lex.actors.get(l.actorId)
  const span = { start: t.start, end: t.end }
  if (actor) return mention(ctx, { ...span, actor, how: 'bracket', ruleId: 'mention.learned', confidence: 0.85 })
  const countryId = derive(ctx.lex, 'country-by-name', () => new Map([...ctx.lex.actors.values()].filter((a) => a.type === 'country').map((a) => [a.name, a.id]))).get(l.country ?? '') ?? null
  return mention(ctx, { ...span, how: 'bracket', ruleId: 'mention.learned', confidence: 0.8, newActor: { id: l.actorId, name: l.name, type: l.type, country: countryId }, unresolved: true })
}
