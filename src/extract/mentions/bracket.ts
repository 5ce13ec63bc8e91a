// A Latin name in brackets after a Chinese one links the two: 马尔科·卢比奥(Marco Rubio), 西比哈(Andriy Sybiga),
// 雷克里夫(John Ratcliffe). The Latin name is looked up in the lexicon (whole, then surname + first initial); the
// Chinese name's extent is the suffix of the name characters before the bracket that sounds most like the Latin
// one, part by part from the surname leftwards, so 国务卿鲁比奥 gives 鲁比奥 and 主席保罗·桑德斯 gives 保罗·桑德斯.
// An unknown Latin name makes a new actor named by it (how 'bracket': the text itself states the link, which
// is the strongest evidence there is; the actor is still flagged unresolved since the lexicon does not know it).
import { on } from '../switches.js'
import type { Mention } from '../../core/index.js'
import { mention, type DocContext } from './context.js'
import { isNameChar, mentionData } from './data.js'
import { derive } from './derived.js'
import { latinKey, type Actor, type ActorLexicon } from './lexicon.js'
import { latinDistance } from './phonetics.js'
import { clauseCountry, precededByPersonCue } from './places.js'
import type { Token } from './scan.js'

const BRACKET = /\(([^()]{2,80})\)/g
const LATIN_NAME = /^\p{Script=Latin}[\p{Script=Latin}\s.'’-]*$/u
/** How far a Chinese transliteration may sound from the Latin name it stands for. */
const KNOWN_MAX = 0.5
const NEW_MAX = 0.4

/** Person actors by the Latin key of their surname (last word of the English name). */
function surnameIndex(lex: ActorLexicon): Map<string, Actor[]> {
  return derive(lex, 'surnames', () => {
    const surnames = new Map<string, Actor[]>()
    for (const a of lex.actors.values()) {
      if (a.type !== 'person') continue
      const words = latinKey(a.name).split(' ')
      const last = words[words.length - 1]!
      surnames.set(last, [...(surnames.get(last) ?? []), a])
    }
    return surnames
  })
}

/** The actor a Latin name names: the whole name, else the surname with the same first initial, else a lone surname. */
export function actorByLatin(ctx: DocContext, latin: string): Actor | null {
  const key = latinKey(latin)
  const whole = ctx.lex.byLatin.get(key)
  if (whole?.length === 1) return whole[0]!
  if (whole && whole.length > 1) return null
  const words = key.split(' ')
  const last = words[words.length - 1]!
  const same = surnameIndex(ctx.lex).get(last) ?? []
  if (words.length === 1) return same.length === 1 ? same[0]! : null
  const initial = same.filter((a) => latinKey(a.name)[0] === words[0]![0])
  return initial.length === 1 ? initial[0]! : null
}

interface Extent {
  start: number
  distance: number
}

/**
 * Where the Chinese name before `end` starts. The last part (after the last ·) is cut where it sounds most like the
 * Latin surname; each part before a · is taken while it sounds like the Latin word in its place.
 */
export function chineseExtent(view: string, end: number, latin: string): Extent | null {
  let runStart = end
  while (runStart > 0 && end - runStart < 24 && isNameChar(view[runStart - 1])) runStart--
  if (runStart === end) return null
  const words = latin.split(/\s+/).filter(Boolean)
  const lastDot = view.lastIndexOf('·', end - 1)
  const segStart = lastDot >= runStart ? lastDot + 1 : runStart
  let best: Extent | null = null
  for (let s = segStart; s < end; s++) {
    if (view[s] === '-' || !mentionData().translit.has(view[s]!)) continue
    const d = latinDistance(view.slice(s, end), words.length > 1 ? words[words.length - 1]! : latin)
    if (!best || d < best.distance - 1e-9 || (Math.abs(d - best.distance) < 1e-9 && s < best.start)) best = { start: s, distance: d }
  }
  if (!best) return null
  // Earlier parts, one Latin word each, while they sound like it.
  let start = best.start
  let used = 1
  while (start > runStart + 1 && view[start - 1] === '·' && used < words.length) {
    const partEnd = start - 1
    const word = words[words.length - 1 - used]!
    let partBest: Extent | null = null
    for (let s = runStart; s < partEnd; s++) {
      if (view[s] === '·') continue
      if (view.slice(s, partEnd).includes('·')) continue
      const d = latinDistance(view.slice(s, partEnd), word)
      if (!partBest || d < partBest.distance) partBest = { start: s, distance: d }
    }
    if (!partBest || partBest.distance > 0.5) break
    start = partBest.start
    used++
  }
  return { start, distance: best.distance }
}

/** How much closer a span with other characters must sound than the transliteration-only one to be taken. */
const WIDE_GAIN = 0.1
const WIDE_REACH = 6

/**
 * For a Latin name the lexicon knows: the span of any Han characters before the bracket that sounds most like the
 * surname or the whole name, for spellings with characters the transliteration table lacks (普亭, 李維特) and
 * names written surname first (洪马内(Hun Manet), 莫哈末哈山(Mohamad Hasan)). The span starts where a word starts, so
 * the 长 of 外交部长 is never taken for a given name.
 */
export function wideExtent(view: string, end: number, latin: string, boundary: (i: number) => boolean = () => true): Extent | null {
  const words = latin.split(/\s+/).filter(Boolean)
  const whole = words.join('')
  let best: Extent | null = null
  for (let s = end - 2; s >= Math.max(0, end - WIDE_REACH); s--) {
    if (!/\p{Script=Han}/u.test(view[s]!)) break
    if (!boundary(s)) continue
    const piece = view.slice(s, end)
    const d = Math.min(latinDistance(piece, words[words.length - 1]!), latinDistance(piece, whole))
    if (!best || d < best.distance - 1e-9) best = { start: s, distance: d }
  }
  if (!best || words.length < 2) return best
  // The given name before the surname, written without a dot (莫哈末哈山, 洪马内): the longest span that still
  // sounds close to the whole Latin name.
  for (let s = best.start - 1; s >= Math.max(0, end - WIDE_REACH - 2); s--) {
    if (!/\p{Script=Han}/u.test(view[s]!)) break
    if (boundary(s) && latinDistance(view.slice(s, end), whole) <= WHOLE_MAX) best = { start: s, distance: best.distance }
  }
  return best
}

const WHOLE_MAX = 0.3

export interface BracketResult {
  mentions: Mention[]
  /** The inside of every bracket read as a Latin name, so lexicon matches of the same name there are not counted twice. */
  inner: { start: number; end: number; actorId: string | null }[]
}

export function findBrackets(ctx: DocContext, tokens: Token[]): BracketResult {
  const out: BracketResult = { mentions: [], inner: [] }
  for (const m of ctx.view.matchAll(BRACKET)) {
    const latin = m[1]!.trim()
    const open = m.index!
    if (!LATIN_NAME.test(latin) || !/[a-z]/.test(latin)) continue // acronyms (CIA, NATO) name bodies, not sounds
    let end = open
    while (end > 0 && ctx.view[end - 1] === ' ') end--
    const actor = actorByLatin(ctx, latin)
    let ext = chineseExtent(ctx.view, end, latin)
    if (actor && on('mention.bracket-wide')) {
      const wide = wideExtent(ctx.view, end, latin, (i) => ctx.words.boundary(i))
      if (wide && (!ext || wide.distance < ext.distance - WIDE_GAIN || (wide.start < ext.start && wide.distance <= ext.distance + 1e-9))) ext = wide
    }
    out.inner.push({ start: open + 1, end: open + 1 + m[1]!.length, actorId: actor?.id ?? null })
    if (!ext) continue
    const surnameOnly = !ctx.view.slice(ext.start, end).includes('·')
    if (actor) {
      if (ext.distance > KNOWN_MAX) continue
      out.mentions.push(mention(ctx, { start: ext.start, end, actor, how: 'bracket', ruleId: 'mention.bracket.known', confidence: 0.95 }))
      continue
    }
    if (ext.distance > NEW_MAX) continue
    const words = latin.split(/\s+/).filter(Boolean)
    const person = words.length >= 2 || !surnameOnly || precededByPersonCue(ctx, tokens, ext.start)
    if (!person) continue
    const country = clauseCountry(ctx, tokens, ext.start)
    out.mentions.push(
      mention(ctx, {
        start: ext.start,
        end,
        how: 'bracket',
        ruleId: 'mention.bracket.new',
        confidence: 0.85,
        newActor: { id: `new:${latinKey(latin)}`, name: latin, type: 'person', country },
        unresolved: true,
      }),
    )
  }
  return out
}
