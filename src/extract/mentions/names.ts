// Names the lexicon does not know, found by a title before them (美国国务卿X), a name dot (弗拉基米尔·巴图克) or a
// generic title or profession (政治分析师莱希特哈默), resolved in order of trust: the title's holder on the
// document's date when the name sounds like one of the holder's aliases; a known person it sounds like whose
// country or role the context confirms; otherwise a new actor with the country its clause names.
import type { Mention } from '../../core/index.js'
import { mention, overlaps, sentenceAt, type DocContext } from './context.js'
import { isCoreTranslit, isNameChar, mentionData } from './data.js'
import { nameMatchForm, type Actor } from './lexicon.js'
import { distanceToActor, soundsLike } from './phonetic.js'
import { romanize } from './phonetics.js'
import { clauseCountry, countryOf, sentenceCountries } from './places.js'
import type { Token } from './scan.js'
import { holdsAny, titleHolders, type TitleInfo } from './titles.js'

/** How far a name after a title may sound from the holder's aliases: the title already narrows it to one or two people. */
const HOLDER_MAX = 0.4
/** Without a date the holder is anyone who ever held the role, so the name must sound much the same. */
const UNDATED_HOLDER_MAX = 0.2

function newActor(ctx: DocContext, start: number, end: number, countryId: string | null, ruleId: string): Mention {
  // A title of a body (联合国发言人, 北约秘书长) gives no country.
  const country = countryId && ctx.lex.actors.get(countryId)?.type === 'country' ? countryId : null
  const surface = ctx.view.slice(start, end)
  const guess = romanize(ctx.lex, surface, country)
  return mention(ctx, {
    start,
    end,
    how: 'new',
    ruleId,
    confidence: 0.5,
    newActor: { id: `new:${nameMatchForm(surface)}`, name: ctx.doc.text.slice(start, end), type: 'person', country, guess },
    unresolved: true,
  })
}

function contextCountries(ctx: DocContext, tokens: Token[], i: number): Set<string> {
  const sent = ctx.doc.sentences[sentenceAt(ctx.doc, i)]
  return sent ? sentenceCountries(ctx, tokens, sent.start, sent.end) : new Set<string>()
}

/** An unknown name right after a title: the holder, a known person it sounds like, or a new actor of the title's country. */
export function resolveTitled(ctx: DocContext, tokens: Token[], info: TitleInfo, start: number, end: number): Mention {
  const name = ctx.view.slice(start, end)
  const max = ctx.date && !info.former ? HOLDER_MAX : UNDATED_HOLDER_MAX
  const fits = titleHolders(ctx, info)
    .map((id) => ({ id, d: distanceToActor(ctx.lex, name, id) }))
    .filter((h) => h.d <= max)
    .sort((a, b) => a.d - b.d)
  if (fits.length && (fits.length === 1 || fits[1]!.d > fits[0]!.d)) {
    const actor = ctx.lex.actors.get(fits[0]!.id)!
    return mention(ctx, { start, end, actor, how: 'title', ruleId: 'mention.title.holder', confidence: 0.8 })
  }
  const countries = contextCountries(ctx, tokens, start)
  const confirms = (a: Actor) => holdsAny(ctx, a.id, info.roles, null) || (!!info.country && countryOf(a) === info.country) || countries.has(countryOf(a) ?? '')
  const like = soundsLike(ctx.lex, name, confirms)
  if (like) return mention(ctx, { start, end, actor: like, how: 'phonetic', ruleId: 'mention.phonetic.title', confidence: 0.7 })
  return newActor(ctx, start, end, info.country ?? clauseCountry(ctx, tokens, start), 'mention.new.title')
}

/** An unknown name found by its dot or a cue word: a known person it sounds like, else a new actor. */
function resolveUntitled(ctx: DocContext, tokens: Token[], start: number, end: number, ruleId: string): Mention {
  const name = ctx.view.slice(start, end)
  const countries = contextCountries(ctx, tokens, start)
  const like = soundsLike(ctx.lex, name, (a) => countries.has(countryOf(a) ?? ''))
  if (like) return mention(ctx, { start, end, actor: like, how: 'phonetic', ruleId: 'mention.phonetic.context', confidence: 0.65 })
  return newActor(ctx, start, end, clauseCountry(ctx, tokens, start), ruleId)
}

/** Names written with a dot (given·surname) that nothing else explained: a strong sign of a foreign person. */
function dotNames(ctx: DocContext, taken: { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = []
  for (let d = ctx.view.indexOf('·'); d >= 0; d = ctx.view.indexOf('·', d + 1)) {
    if (overlaps(taken, d, d + 1) || overlaps(out, d, d + 1)) continue
    if (!isNameChar(ctx.view[d - 1]) || !isNameChar(ctx.view[d + 1])) continue
    const start = ctx.words.nameRunTo(d)
    const end = ctx.words.nameRunFrom(d + 1)
    if (start >= d || end <= d + 1) continue
    let s = start
    let e = end
    while (ctx.view[s] === '·' || ctx.view[s] === '-') s++
    while (ctx.view[e - 1] === '·' || ctx.view[e - 1] === '-') e--
    if (e - s < 3 || overlaps(taken, s, e)) continue
    out.push({ start: s, end: e })
  }
  return out
}

/** Names right after a generic title or profession (分析师, 研究员, 教授): at least two characters, one of them rare outside names. */
function cueNames(ctx: DocContext, taken: { start: number; end: number }[]): { start: number; end: number }[] {
  const cues = mentionData().context['person-cue']
  const out: { start: number; end: number }[] = []
  for (const w of ctx.words.list) {
    const text = ctx.view.slice(w.start, w.end)
    if (![...cues].some((c) => text.endsWith(c))) continue
    const start = w.end
    const end = ctx.words.nameRunFrom(start)
    if (end - start < 2 || overlaps(taken, start, end) || overlaps(out, start, end)) continue
    const name = ctx.view.slice(start, end)
    if (![...name].some(isCoreTranslit)) continue
    out.push({ start, end })
  }
  return out
}

/** Mentions for unknown names not covered by `taken` (the lexicon, bracket and title mentions found so far). */
export function findUnknownNames(ctx: DocContext, tokens: Token[], taken: { start: number; end: number }[]): Mention[] {
  // Short forms that found no context (日 in 梅列日科) do not hold a span against a name.
  const spans = [...taken, ...tokens.filter((t) => t.kind !== 'alias' || !t.aliases.every((a) => a.flags.has('short')))]
  const out: Mention[] = []
  for (const s of dotNames(ctx, spans)) out.push(resolveUntitled(ctx, tokens, s.start, s.end, 'mention.new.dot-name'))
  for (const s of cueNames(ctx, [...spans, ...out])) out.push(resolveUntitled(ctx, tokens, s.start, s.end, 'mention.new.cue'))
  return out
}
