// Lexicon tokens of a matching view: aliases, role titles and learned aliases, longest match first, left to right.
// A form with a Latin letter at its edge matches only between non-Latin characters (EU not in EUR, CIA not in CIAO).
import { derive } from './derived.js'
import type { ActorLexicon, Alias, RoleTitle } from './lexicon.js'
import type { LearnedAlias } from './learn.js'
import { Trie } from './trie.js'

export type Token =
  | { kind: 'alias'; start: number; end: number; aliases: Alias[] }
  | { kind: 'title'; start: number; end: number; titles: RoleTitle[] }
  | { kind: 'learned'; start: number; end: number; learned: LearnedAlias }

type Entry = { kind: 'alias'; alias: Alias } | { kind: 'title'; title: RoleTitle } | { kind: 'learned'; learned: LearnedAlias }

function baseTrie(lex: ActorLexicon): Trie<Entry> {
  return derive(lex, 'trie', () => {
    const t = new Trie<Entry>()
    for (const a of lex.aliases) t.add(a.match, { kind: 'alias', alias: a })
    for (const ti of lex.titles) t.add(ti.match, { kind: 'title', title: ti })
    return t
  })
}

const LATIN = /[A-Za-z0-9]/

function latinEdgeOk(view: string, start: number, end: number): boolean {
  if (LATIN.test(view[start]!) && start > 0 && LATIN.test(view[start - 1]!)) return false
  if (LATIN.test(view[end - 1]!) && end < view.length && LATIN.test(view[end]!)) return false
  return true
}

/** Kind preference at equal length: the lexicon before a learned form, a name before a title. */
const RANK: Record<Entry['kind'], number> = { alias: 0, learned: 1, title: 2 }

export function scanTokens(lex: ActorLexicon, view: string, learned: LearnedAlias[] = []): Token[] {
  const base = baseTrie(lex)
  const extra = new Trie<Entry>()
  for (const l of learned) extra.add(l.match, { kind: 'learned', learned: l })
  const out: Token[] = []
  let i = 0
  while (i < view.length) {
    const found = [...base.matchesAt(view, i), ...(learned.length ? extra.matchesAt(view, i) : [])]
      .filter((m) => latinEdgeOk(view, i, m.end))
      .map((m) => ({ end: m.end, values: m.values.filter((v) => v.kind !== 'learned' || v.learned.from <= i) }))
      .filter((m) => m.values.length)
      .sort((a, b) => b.end - a.end || RANK[a.values[0]!.kind] - RANK[b.values[0]!.kind])
    const best = found[0]
    if (!best) {
      i++
      continue
    }
    const first = best.values[0]!
    if (first.kind === 'alias') {
      out.push({ kind: 'alias', start: i, end: best.end, aliases: best.values.flatMap((v) => (v.kind === 'alias' ? [v.alias] : [])) })
    } else if (first.kind === 'title') {
      out.push({ kind: 'title', start: i, end: best.end, titles: best.values.flatMap((v) => (v.kind === 'title' ? [v.title] : [])) })
    } else {
      out.push({ kind: 'learned', start: i, end: best.end, learned: first.learned })
    }
    i = best.end
  }
  return out
}
