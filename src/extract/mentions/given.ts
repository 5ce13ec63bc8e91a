// A given name written before a known surname: 弗里德里希·梅尔茨, 鲁斯泰姆·乌梅罗夫, 穆罕默德·本·沙尔曼 (a full form the
// lexicon lacks, where the surname alone is known), and 安東尼奧古特雷斯 (given name glued to the surname, as some
// Taiwan outlets print it). The whole span becomes one token of the surname's person when the given part sounds
// like the person's English given name(s), so the given name is neither dropped nor read as another person
// (阿巴斯 of 阿巴斯·阿拉格奇 is not Mahmoud Abbas).
import { on } from '../switches.js'
import type { Alias } from './lexicon.js'
import type { DocContext } from './context.js'
import { isNameChar } from './data.js'
import { latinDistance, latinSounds, levenshtein, soundKey } from './phonetics.js'
import type { Token } from './scan.js'

/** How far a given name written with a dot may sound from the English one: the surname already names the person. */
const DOT_MAX = 0.5
/** Without a dot the given name must sound much the same, or a word before a name would be taken into it. */
const GLUED_MAX = 0.25
const MAX_GIVEN = 12

/** The persons a token may name (several for an ambiguous surname: 沙尔曼 is King Salman or his son). */
function personsOf(ctx: DocContext, t: Token): string[] {
  if (t.kind !== 'alias') return []
  return [...new Set(t.aliases.map((a) => a.actor))].filter((id) => ctx.lex.actors.get(id)?.type === 'person')
}

/** The English given name(s) of a person: every word of the name but the last (Mohammed bin of Mohammed bin Salman). */
function givenLatin(ctx: DocContext, id: string): string | null {
  const words = ctx.lex.actors.get(id)!.name.replace(/\(.*\)/, '').trim().split(/\s+/)
  return words.length >= 2 ? words.slice(0, -1).join(' ') : null
}

/**
 * How far a written given name is from the English one: part for part when both have as many parts (穆罕默德·本 and
 * Mohammed bin), else as wholes, so that a part standing for one of several English words (本 for bin) is not a match.
 */
function givenDistance(chinese: string, latin: string): number {
  const parts = chinese.split('·').filter(Boolean)
  const words = latin.split(/\s+/).filter(Boolean)
  if (parts.length === words.length) return latinDistance(chinese, latin)
  const a = soundKey(latinSounds(parts.join('')))
  const b = soundKey(words.join(''))
  return a && b ? levenshtein(a, b) / Math.max(a.length, b.length) : 1
}

/** The start of the given name before the surname token at `at`, and how far it sounds from the English one. */
function givenStart(ctx: DocContext, id: string, at: number): { start: number; d: number } | null {
  const latin = givenLatin(ctx, id)
  if (!latin) return null
  const view = ctx.view
  const dotted = view[at - 1] === '·'
  const end = dotted ? at - 1 : at
  let runStart = end
  while (runStart > 0 && end - runStart < MAX_GIVEN && isNameChar(view[runStart - 1]) && (dotted || view[runStart - 1] !== '·')) runStart--
  let best: { start: number; d: number } | null = null
  for (let s = runStart; s <= end - (dotted ? 1 : 2); s++) {
    if (view[s] === '·' || view[s] === '-') continue
    const d = givenDistance(view.slice(s, end), latin)
    if (!best || d < best.d) best = { start: s, d }
  }
  if (!best || best.d > (dotted ? DOT_MAX : GLUED_MAX)) return null
  return best
}

/** Tokens with each given name + known surname joined into one alias token of that person. */
export function joinGivenNames(ctx: DocContext, tokens: Token[]): Token[] {
  if (!on('mention.given-name')) return tokens
  const out: Token[] = []
  for (const t of tokens) {
    const ids = isNameChar(ctx.view[t.start - 1]) ? personsOf(ctx, t) : []
    // The person whose given name fits best, when exactly one does best.
    const fits = ids
      .map((id) => ({ id, g: givenStart(ctx, id, t.start) }))
      .filter((x): x is { id: string; g: { start: number; d: number } } => x.g !== null)
      .sort((a, b) => a.g.d - b.g.d)
    const best = fits.length === 1 || (fits.length > 1 && fits[1]!.g.d > fits[0]!.g.d) ? fits[0]! : null
    const id = best?.id ?? null
    const start = best?.g.start ?? null
    // Lexicon tokens inside the given name give way to it (阿巴斯 of 阿巴斯·阿拉格奇); a title or a token reaching
    // before it keeps the text as it was.
    const inside = out.filter((x) => x.end > (start ?? t.start))
    if (id === null || start === null || inside.some((x) => x.kind === 'title' || x.start < start)) {
      out.push(t)
      continue
    }
    out.splice(out.length - inside.length, inside.length)
    const surface = ctx.view.slice(start, t.end)
    const alias: Alias = { alias: surface, match: surface, actor: id, region: 'any', flags: new Set(['full']) }
    out.push({ kind: 'alias', start, end: t.end, aliases: [alias] })
  }
  return out
}
