// Mention finding and resolution (issue 3). Over the matching view of a document:
//   1. lexicon tokens (aliases, role titles) by longest match;
//   2. brackets: a Latin name after a Chinese one links them and teaches the Chinese form for the rest of the text;
//   3. tokens again with the learned forms; aliases read with their context (short and ambiguous forms need it);
//      titles read for the name after them;
//   4. names the lexicon lacks (after a title, with a name dot, after a profession): holder, phonetic or new;
//   5. coreference (他, 这位总统, 俄总统, 两人).
// Every mention carries its span in the original text, its sentence, the rule that made it and a confidence.
import type { Document, Mention } from '../../core/index.js'
import { readAlias, readLearned, type AliasState } from './aliases.js'
import { findBrackets } from './bracket.js'
import { CLAUSE_END, makeContext, overlaps, type DocContext } from './context.js'
import { mentionData } from './data.js'
import { findCoreference } from './coref.js'
import { learnedFrom, type LearnedAlias } from './learn.js'
import type { ActorLexicon } from './lexicon.js'
import { findUnknownNames, resolveTitled } from './names.js'
import { findChineseNames } from './chinese.js'
import { findBodies } from './bodies.js'
import { scanTokens, type Token } from './scan.js'
import { joinGivenNames } from './given.js'
import { readTitle, titlePrefixMention, type TitleInfo } from './titles.js'

export { mergeLearnedAliases, learnedFrom, type LearnedAlias, type MergedAlias } from './learn.js'
export { antecedent, whoIsAt, type AntecedentQuery } from './coref.js'

export interface MentionOptions {
  /** Aliases learned from other documents of the set (mergeLearnedAliases). */
  learned?: LearnedAlias[]
  /** A context already built for this document (its view and jieba words), so callers can share them. */
  context?: DocContext
  /** The actor lexicon (default: the shipped one); ignored when `context` is given. */
  lexicon?: ActorLexicon
}

export interface MentionResult {
  mentions: Mention[]
  /** Aliases this document teaches (bracket links), for mergeLearnedAliases. */
  learned: LearnedAlias[]
}

/** Readings that name an actor fully enough for a later bare surname of it to count (菲奥娜·希尔 … 希尔). */
const FULL_RULES = new Set(['mention.lexicon', 'mention.lexicon.bracket-confirmed', 'mention.learned', 'mention.lexicon.short-title', 'mention.lexicon.short-country-context'])

const byStart = (a: Mention, b: Mention) => a.start - b.start || a.end - b.end

/** Everything findMentions finds, with the aliases the document teaches. */
export function analyzeMentions(doc: Document, options: MentionOptions = {}): MentionResult {
  const ctx = options.context ?? makeContext(doc, options.lexicon)
  const first = scanTokens(ctx.lex, ctx.view, options.learned ?? [])
  const brackets = findBrackets(ctx, first)
  const learned = learnedFrom(brackets.mentions, ctx.view)
  const tokens = joinGivenNames(ctx, scanTokens(ctx.lex, ctx.view, [...(options.learned ?? []), ...learned]))
  const out: Mention[] = []
  const roleNouns: { info: TitleInfo; start: number; end: number }[] = []
  const st: AliasState = { fullSeen: new Map(), titled: new Map() }
  for (const b of brackets.mentions) if (!st.fullSeen.has(b.actorId!)) st.fullSeen.set(b.actorId!, b.start)
  const remaining = [...brackets.mentions]

  tokens.forEach((t, i) => {
    if (t.kind === 'title') {
      const prefix = titlePrefixMention(ctx, t)
      if (prefix) out.push(prefix)
      const r = readTitle(ctx, tokens, i)
      if (r.nameToken !== null) st.titled.set(r.nameToken, r.info)
      else if (r.unknownName && !overlaps(remaining, r.unknownName.start, r.unknownName.end)) {
        out.push(resolveTitled(ctx, tokens, r.info, r.unknownName.start, r.unknownName.end))
      } else if (!r.unknownName && r.info.roles.length && roleNounFits(ctx, t) && !afterPerson(ctx, tokens, i)) {
        roleNouns.push({ info: r.info, start: t.start, end: t.end })
      }
      return
    }
    if (brackets.inner.some((b) => b.start <= t.start && t.end <= b.end)) return
    const bracket = remaining.find((b) => b.start < t.end && t.start < b.end)
    if (bracket) {
      // The bracket states who this is; a lexicon reading of the same span agrees with it or gives way.
      if (t.kind === 'alias' && t.aliases.some((a) => a.actor === bracket.actorId) && t.start === bracket.start && t.end === bracket.end) {
        remaining.splice(remaining.indexOf(bracket), 1)
        out.push({ ...bracket, how: 'lexicon', ruleId: 'mention.lexicon.bracket-confirmed', confidence: 0.97 })
      }
      return
    }
    const found = t.kind === 'learned' ? [readLearned(ctx, t)].filter((m): m is Mention => m !== null) : readAlias(ctx, tokens, i, st)
    for (const m of found) {
      out.push(m)
      if (m.actorId && FULL_RULES.has(m.ruleId) && !st.fullSeen.has(m.actorId)) st.fullSeen.set(m.actorId, m.start)
    }
  })
  out.push(...remaining)
  out.push(...findUnknownNames(ctx, tokens, out))
  const lexiconSpans = tokens.filter((t) => t.kind !== 'alias' || !t.aliases.every((a) => a.flags.has('short')))
  out.push(...findChineseNames(ctx, tokens, [...out, ...lexiconSpans]))
  out.sort(byStart)
  out.push(...findBodies(ctx, tokens, out))
  out.sort(byStart)
  const coref = findCoreference(ctx, out, roleNouns)
  return { mentions: [...out, ...coref].sort(byStart), learned }
}

/**
 * A bare role title is a role noun (俄总统在认真寻求…, 美防长的表态) when jieba ends a word with it and what follows
 * starts the words after a name (在, 的, 表示) or ends the clause; 美国总统任期, 美国总统选举 and a title before a
 * name we cannot read (美国国务卿鲁必欧) are not role nouns.
 */
function roleNounFits(ctx: DocContext, t: Token): boolean {
  if (!ctx.words.boundary(t.start) || !ctx.words.boundary(t.end)) return false
  const after = ctx.view[t.end]
  if (after === undefined || CLAUSE_END.test(after)) return true
  if (!mentionData().context['name-end'].has(after)) return false
  const next = ctx.words.startingAt(t.end)
  return !(next && /^(n|vn|j|x)/.test(next.tag))
}

/** 普京总统: a title right after a person's name is in apposition to it, not a second reference. */
function afterPerson(ctx: DocContext, tokens: Token[], i: number): boolean {
  const prev = tokens[i - 1]
  if (!prev || prev.end !== tokens[i]!.start) return false
  if (prev.kind === 'learned') return prev.learned.type === 'person'
  return prev.kind === 'alias' && prev.aliases.some((a) => ctx.lex.actors.get(a.actor)?.type === 'person')
}

/** All mentions of a document, sorted by start: names resolved to actors, and pronouns and role nouns to them. */
export function findMentions(doc: Document, options: MentionOptions = {}): Mention[] {
  return analyzeMentions(doc, options).mentions
}
