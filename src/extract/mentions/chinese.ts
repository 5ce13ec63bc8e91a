// Chinese persons the lexicon lacks, named by the pinyin of their name in the lexicon's order (国务院副总理何立峰
// -> He Lifeng, 商务部国际贸易谈判代表李成钢 -> Li Chenggang): a surname of chinese-surnames.tsv and one or two
// given characters, right after a title (a role title, or a word ending in a generic title: 发言人, 副总理, 团长) or
// as a word jieba tags as a person name before a reporting word (张三丰表示). Flagged `inferred`: the spelling is
// mechanical, not looked up. A transliterated foreign name (安瓦尔, 夏巴兹) is left alone: it has a character rare
// outside foreign names, or is made of transliteration characters only.
import { on } from '../switches.js'
import { pinyin } from 'pinyin-pro'
import type { Mention } from '../../core/index.js'
import { CLAUSE_END, mention, overlaps, type DocContext } from './context.js'
import { isCoreTranslit, mentionData } from './data.js'
import { nameMatchForm } from './lexicon.js'
import { clauseCountry, countryOf } from './places.js'
import type { Token } from './scan.js'
import { reportingVerbs } from '../quotes/verbs.js'

const HAN = /\p{Script=Han}/u

/** True for a name written with the characters of foreign names (安瓦尔 has 尔; 夏巴兹 only translit characters). */
export function looksTransliterated(name: string): boolean {
  const chars = [...name]
  if (chars.some(isCoreTranslit)) return true
  return chars.every((c) => mentionData().translit.has(c))
}

/** The Chinese name starting at `start`, or null: surname, then one or two given characters before a name end. */
export function chineseNameAt(ctx: DocContext, start: number): { start: number; end: number; surnameLength: number } | null {
  const { surnames, context } = mentionData()
  const stops = context['name-end']
  for (const len of [2, 1]) {
    const surname = ctx.view.slice(start, start + len)
    if (!surnames.has(surname)) continue
    let end = start + len
    while (end - start - len < 2 && HAN.test(ctx.view[end] ?? '') && !CLAUSE_END.test(ctx.view[end]!)) {
      // The given name ends where the words after a name begin (毛宁在, 何立峰与), unless it has no character yet.
      if (end > start + len && stops.has(ctx.view[end]!)) break
      end++
    }
    if (end === start + len) continue
    const name = ctx.view.slice(start, end)
    if (looksTransliterated(name)) return null
    // A time word (周四, 当日) or a reporting verb after a one-character "surname" (时称) is not a name.
    const word = ctx.words.startingAt(start)
    if (on('mention.time-word') && word && word.tag === 't' && word.end > start + len - 1) return null
    if (on('mention.time-word') && (reportingVerbs().has(ctx.view.slice(start + len, start + len + 1)) || reportingVerbs().has(ctx.view.slice(start + len, start + len + 2)))) return null
    // The name must end on a word boundary or before a name-end character: 王受文指出, not 王受文件.
    const after = ctx.view[end]
    if (after && HAN.test(after) && !stops.has(after) && !ctx.words.boundary(end)) return null
    return { start, end, surnameLength: len }
  }
  return null
}

/** He Lifeng: surname capitalised, given name joined and capitalised. */
export function pinyinName(name: string, surnameLength: number): string {
  const syl = pinyin(name, { toneType: 'none', type: 'array', surname: 'head' }).map((s) => s.replace(/ü/g, 'v'))
  const cap = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s)
  return `${cap(syl.slice(0, surnameLength).join(''))} ${cap(syl.slice(surnameLength).join(''))}`
}

/** Where a generic title ends right before `i` (外交部发言人, 国务院副总理, 代表团团长), by jieba's words. */
function titledAt(ctx: DocContext, titleEnds: Set<number>, i: number): boolean {
  if (titleEnds.has(i)) return true
  const w = ctx.words.wordAt(i - 1)
  if (!w || w.end !== i) return false
  const text = ctx.view.slice(w.start, w.end)
  for (const c of mentionData().context['person-cue']) if (text.endsWith(c)) return true
  return false
}

export function findChineseNames(ctx: DocContext, tokens: Token[], taken: { start: number; end: number }[]): Mention[] {
  const out: Mention[] = []
  const reporting = /^(表示|说|指出|称|强调|认为|会见|会晤|出席|在|与|和)/
  const tryAt = (start: number, cue: 'title' | 'word') => {
    const n = chineseNameAt(ctx, start)
    if (!n || overlaps(taken, n.start, n.end) || overlaps(out, n.start, n.end)) return
    if (cue === 'word' && !reporting.test(ctx.view.slice(n.end, n.end + 2))) return
    const surface = ctx.view.slice(n.start, n.end)
    const country = clauseCountry(ctx, tokens, n.start) ?? 'china'
    const countryId = countryOf(ctx.lex.actors.get(country) ?? null) ?? null
    out.push(
      mention(ctx, {
        start: n.start,
        end: n.end,
        how: 'new',
        ruleId: cue === 'title' ? 'mention.pinyin.title' : 'mention.pinyin.name-word',
        confidence: cue === 'title' ? 0.75 : 0.6,
        newActor: { id: `new:${nameMatchForm(surface)}`, name: pinyinName(surface, n.surnameLength), type: 'person', country: countryId, inferred: true },
        unresolved: false,
      }),
    )
  }
  const titleEnds = new Set(tokens.filter((t) => t.kind === 'title').map((t) => t.end))
  for (let i = 1; i < ctx.view.length; i++) if (HAN.test(ctx.view[i]!) && titledAt(ctx, titleEnds, i)) tryAt(i, 'title')
  for (const w of ctx.words.list) if (/^nr/.test(w.tag) && w.end - w.start >= 2 && w.end - w.start <= 4) tryAt(w.start, 'word')
  return out
}
