// Clues around a name: which country the words before it name (瑞典国家安全顾问X, 乌克兰历史学家X), whether a
// generic title or profession stands right before it (政治分析师X), which countries a sentence names.
import { clauseStart, type DocContext } from './context.js'
import { mentionData } from './data.js'
import type { Actor } from './lexicon.js'
import type { Token } from './scan.js'

/** The one actor a token names for context purposes: a single non-short alias, a learned alias, or a concrete title's scope. */
function tokenActor(ctx: DocContext, t: Token): Actor | null {
  if (t.kind === 'alias') {
    const ids = new Set(t.aliases.map((a) => a.actor))
    if (ids.size !== 1 || t.aliases.every((a) => a.flags.has('short'))) return null
    return ctx.lex.actors.get(t.aliases[0]!.actor) ?? null
  }
  if (t.kind === 'title') {
    const role = t.titles[0]!
    return role.needsCountry ? null : ctx.lex.scopeOf(role.role)
  }
  return null
}

/** The country id an actor belongs to: a country's own id, an organisation's or a person's country. */
export function countryOf(actor: Actor | null): string | null {
  if (!actor) return null
  return actor.type === 'country' ? actor.id : actor.country
}

/**
 * The country a new name's clause opens with: 法国国际关系研究所俄罗斯问题专家X -> France (the head of
 * such a phrase comes first; later countries qualify the institution).
 */
export function clauseCountry(ctx: DocContext, tokens: Token[], pos: number): string | null {
  const from = clauseStart(ctx.view, pos)
  for (const t of tokens) {
    if (t.start < from) continue
    if (t.start >= pos) break
    const c = countryOf(tokenActor(ctx, t))
    if (c) return c
  }
  return null
}

/**
 * The country of a title that needs one, from the words just before it in its clause: 瑞典 in 瑞典国家安全顾问,
 * 白宫 in 白宫安全顾问, 川普 in 川普的国家安全顾问. The nearest such word within a few characters.
 */
export function titleCountry(ctx: DocContext, tokens: Token[], index: number): string | null {
  const title = tokens[index]!
  const from = clauseStart(ctx.view, title.start)
  for (let k = index - 1; k >= 0; k--) {
    const t = tokens[k]!
    if (t.end < from || title.start - t.end > 10) break
    const c = countryOf(tokenActor(ctx, t))
    if (c) return c
    if (t.kind === 'alias' && t.aliases.some((a) => ctx.lex.actors.get(a.actor)?.type === 'person')) break
  }
  return null
}

/** True when a 'former' word (前, 时任) stands right before offset i. */
export function precededByFormer(ctx: DocContext, i: number): boolean {
  for (const w of mentionData().context.former) if (ctx.view.startsWith(w, i - w.length)) return true
  return false
}

/** True when a generic title or profession (分析师, 研究员) or a role title ends right at offset i. */
export function precededByPersonCue(ctx: DocContext, tokens: Token[], i: number): boolean {
  if (tokens.some((t) => t.kind === 'title' && t.end === i)) return true
  for (const w of mentionData().context['person-cue']) if (ctx.view.startsWith(w, i - w.length)) return true
  return false
}

/** Countries the sentence [from, to) names, by its lexicon words. */
export function sentenceCountries(ctx: DocContext, tokens: Token[], from: number, to: number): Set<string> {
  const out = new Set<string>()
  for (const t of tokens) {
    if (t.end <= from || t.start >= to) continue
    const c = countryOf(tokenActor(ctx, t))
    if (c) out.add(c)
  }
  return out
}
