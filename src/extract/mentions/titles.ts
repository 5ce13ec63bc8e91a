// Role titles in the text: what role each names (美国国务卿 -> us.secretary-of-state; 瑞典 + 国家安全顾问 ->
// se.national-security-adviser), and what follows it: a known name, an unknown transliterated name, or nothing
// (a role noun: 俄总统在认真寻求… names the holder).
import { on } from '../switches.js'
import type { Mention } from '../../core/index.js'
import { mention, type DocContext } from './context.js'
import { precededByFormer, titleCountry } from './places.js'
import type { Token } from './scan.js'
import { Trie } from './trie.js'
import { mentionData } from './data.js'
import { derive } from './derived.js'
import type { Alias } from './lexicon.js'

export interface TitleInfo {
  start: number
  end: number
  /** Concrete role keys (us.secretary-of-state); empty when a title needing a country found none. */
  roles: string[]
  /** 前国务卿, 时任总统: the office is not held now, so the date's holder is not meant. */
  former: boolean
  /** The country the title belongs to. */
  country: string | null
}

export interface TitleReading {
  info: TitleInfo
  /** Index of the token right after the title, when a lexicon or learned name follows. */
  nameToken: number | null
  /** A transliterated name not in the lexicon right after the title. */
  unknownName: { start: number; end: number } | null
}

export function readTitle(ctx: DocContext, tokens: Token[], index: number): TitleReading {
  const t = tokens[index]!
  if (t.kind !== 'title') throw new Error('readTitle: not a title token')
  const country = t.titles.some((x) => x.needsCountry) ? titleCountry(ctx, tokens, index) : ctx.lex.scopeOf(t.titles[0]!.role)?.id ?? null
  const roles = [
    ...new Set(
      t.titles.flatMap((x) => {
        if (!x.needsCountry) return [x.role]
        const r = country ? ctx.lex.roleIn(x.role, country) : null
        return r ? [r] : []
      }),
    ),
  ]
  // 前美国国务卿, 时任中情局长: the former word may stand before the title or before a country word right before it.
  const prev = tokens[index - 1]
  const former = precededByFormer(ctx, t.start) || (prev !== undefined && prev.end === t.start && precededByFormer(ctx, prev.start))
  const info: TitleInfo = { start: t.start, end: t.end, roles, former, country }
  let p = t.end
  while (ctx.view[p] === ' ') p++
  if (on('mention.honorific')) p = afterHonorific(ctx.view, p)
  while (ctx.view[p] === ' ') p++
  let next = tokens[index + 1]
  // A lexicon token that starts inside the honorific (拿督 read as part of something else) gives way to the name.
  if (next && next.start < p) next = tokens.slice(index + 1).find((x) => x.start >= p)
  const end = ctx.words.nameRunFrom(p)
  // A short form inside a longer name (德 in 兰德霍尔默, 巴罗 in 巴罗佐) is no name of its own.
  const shortOnly = next?.kind === 'alias' && next.aliases.every((a) => a.flags.has('short'))
  if (next && next.start === p && next.kind !== 'title' && !(shortOnly && end > next.end)) return { info, nameToken: tokens.indexOf(next), unknownName: null }
  let stop = end
  for (let k = index + 1; k < tokens.length && tokens[k]!.start < end; k++) {
    const tk = tokens[k]!
    if (tk.kind === 'alias' && tk.aliases.every((a) => a.flags.has('short'))) continue
    stop = Math.min(stop, tk.start)
    break
  }
  if (stop - p >= 2 && ctx.words.looksLikeName(p, stop)) return { info, nameToken: null, unknownName: { start: p, end: stop } }
  return { info, nameToken: null, unknownName: null }
}


/** The offset after a title of honour starting at `at` (拿督斯里, 丹斯里, 谢赫), or `at` when none does. */
export function afterHonorific(view: string, at: number): number {
  let best = at
  for (const h of mentionData().context.honorific) if (view.startsWith(h, at) && at + h.length > best) best = at + h.length
  return best
}

/** The country or body a title opens with (美国 of 美国国务卿, 俄 of 俄总统, 克宫 of 克宫发言人), as a mention. */
export function titlePrefixMention(ctx: DocContext, t: Token): Mention | null {
  if (t.kind !== 'title') return null
  const prefixTrie = derive(ctx.lex, 'prefix-trie', () => {
    const trie = new Trie<Alias>()
    for (const a of ctx.lex.aliases) {
      const type = ctx.lex.actors.get(a.actor)?.type
      if (type === 'country' || type === 'organization') trie.add(a.match, a)
    }
    return trie
  })
  for (const m of prefixTrie.matchesAt(ctx.view, t.start)) {
    if (m.end >= t.end) continue
    const ids = new Set(m.values.map((a) => a.actor))
    if (ids.size !== 1) continue
    const actor = ctx.lex.actors.get(m.values[0]!.actor)!
    return mention(ctx, { start: t.start, end: m.end, actor, how: 'lexicon', ruleId: 'mention.lexicon.title-prefix', confidence: 0.9 })
  }
  return null
}

/** True when the actor held one of the roles: on the date when one is given, else at any time. */
export function holdsAny(ctx: DocContext, actorId: string, roles: string[], date: string | null): boolean {
  return roles.some((r) => ctx.lex.rolesOf(actorId, date ?? undefined).some((x) => x.role === r))
}

/** Who a title's roles point at: the holders on the date, or for a former title or an undated document, everyone who held them. */
export function titleHolders(ctx: DocContext, info: TitleInfo): string[] {
  const out = new Set<string>()
  for (const role of info.roles) {
    if (ctx.date && !info.former) for (const a of ctx.lex.holders(role, ctx.date)) out.add(a.id)
    else for (const a of ctx.lex.everHeld(role)) out.add(a)
  }
  return [...out]
}
