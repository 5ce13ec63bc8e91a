// How names sound: toneless pinyin for comparing two Chinese transliterations (泽连斯基 ~ 泽伦斯基), a coarse sound
// key for comparing a Chinese transliteration with a Latin name (布林肯 ~ Blinken), and a Latin spelling for a
// name the text gives only in Chinese (巴图克 -> Batuk), built from given names the lexicon pairs with English ones.
import { pinyin } from 'pinyin-pro'
import { derive } from './derived.js'
import type { ActorLexicon } from './lexicon.js'
import { mentionData } from './data.js'

// pinyin-pro reads a lone character by its commonest word (什 as in 什么); names use the other reading.
const NAME_READINGS: Record<string, string> = { 什: 'shi', 茨: 'ci', 佛: 'fo', 卡: 'ka', 伯: 'bo', 莎: 'sha' }
const syllableCache = new Map<string, string>()

function syllable(ch: string): string {
  let s = syllableCache.get(ch)
  if (s === undefined) {
    s = NAME_READINGS[ch] ?? (/\p{Script=Han}/u.test(ch) ? pinyin(ch, { toneType: 'none', type: 'array' })[0] ?? '' : '')
    s = s.replace(/ü/g, 'v')
    syllableCache.set(ch, s)
  }
  return s
}

/** Toneless pinyin of the Han characters of s, one syllable each; name dots and hyphens are left out. */
export function syllables(s: string): string[] {
  return [...s].map(syllable).filter(Boolean)
}

export function levenshtein(a: string, b: string): number {
  if (a === b) return 0
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1))
    prev = cur
  }
  return prev[b.length]!
}

/** 0 for the same toneless pinyin, 1 for nothing in common: edit distance over the pinyin letters, normalised. */
export function pinyinDistance(a: string, b: string): number {
  const x = syllables(a).join('')
  const y = syllables(b).join('')
  if (!x || !y) return 1
  return levenshtein(x, y) / Math.max(x.length, y.length)
}

/** The Latin sound of each character of a Chinese name (克 k, 斯 s), pinyin for characters the table lacks. */
export function latinSounds(s: string): string {
  const table = mentionData().translit
  return [...s].map((ch) => (ch === '·' || ch === '-' ? ' ' : table.get(ch)?.latin ?? syllable(ch))).join('')
}

/**
 * A coarse sound key on which a Latin name and a Chinese transliteration of it agree: consonants folded to the
 * classes transliteration confuses (b/p, d/t, g/k, f/v/w, s/z/sh/ch/j, l/r), vowels to one A per run, silent h
 * dropped, doubled letters once. Blinken and 布林肯 (b lin ken) both give PLANKAN.
 */
export function soundKey(latin: string): string {
  let s = latin
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/[^a-z]/g, '')
  s = s
    .replace(/sch|tsch|sh|ch|zh|ts|tz|cz|sz|x|j|q/g, 'S')
    .replace(/ph|v|w|f/g, 'F')
    .replace(/th/g, 'T')
    .replace(/ck|kh/g, 'K')
    .replace(/c(?=[eiy])/g, 'S')
    .replace(/c/g, 'K')
    .replace(/(?!^)h/g, '')
  const classes: Record<string, string> = { b: 'P', p: 'P', d: 'T', t: 'T', g: 'K', k: 'K', s: 'S', z: 'S', l: 'L', r: 'L', m: 'M', n: 'N', h: 'H' }
  let out = ''
  for (const ch of s) {
    const c = /[aeiouy]/.test(ch) ? 'A' : classes[ch] ?? ch
    if (out[out.length - 1] !== c) out += c
  }
  return out
}

/** Distance between two sound keys, normalised to 0..1. */
function keyDistance(a: string, b: string): number {
  if (!a || !b) return 1
  return levenshtein(a, b) / Math.max(a.length, b.length)
}

/**
 * How far a Chinese name is from a Latin one, 0..1. Parts written with · are compared with the last Latin words
 * one for one (马尔科·卢比奥 with Marco Rubio); a name without a dot with the surname and with the whole name.
 */
export function latinDistance(chinese: string, latin: string): number {
  const parts = chinese.split('·').filter(Boolean)
  const words = latin.split(/\s+/).filter(Boolean)
  if (!parts.length || !words.length) return 1
  const whole = keyDistance(soundKey(latinSounds(parts.join(''))), soundKey(words.join('')))
  if (parts.length > words.length) return whole
  const tail = words.slice(words.length - parts.length)
  let cost = 0
  let size = 0
  parts.forEach((p, i) => {
    const a = soundKey(latinSounds(p))
    const b = soundKey(tail[i]!)
    cost += levenshtein(a, b)
    size += Math.max(a.length, b.length)
  })
  return Math.min(whole, size ? cost / size : 1)
}

interface NameParts {
  given: Map<string, Map<string, Map<string, number>>>
  surname: Map<string, string>
}

/** Given names and surnames the lexicon pairs with English ones: 弗拉基米尔 is Vladimir in Russia, Volodymyr in Ukraine. */
function nameParts(lex: ActorLexicon): NameParts {
  return derive(lex, 'name-parts', () => buildParts(lex))
}

function buildParts(lex: ActorLexicon): NameParts {
  const given: NameParts['given'] = new Map()
  const surname: NameParts['surname'] = new Map()
  for (const a of lex.aliases) {
    const actor = lex.actors.get(a.actor)!
    if (actor.type !== 'person' || !a.match.includes('·')) continue
    const zh = a.match.split('·')
    const en = actor.name.replace(/\s+[A-Z]\.\s+/g, ' ').split(/\s+/)
    if (zh.length < 2 || en.length < 2) continue
    const first = zh[0]!
    const byCountry = given.get(first) ?? new Map<string, Map<string, number>>()
    const key = actor.country ?? '*'
    const counts = byCountry.get(key) ?? new Map<string, number>()
    counts.set(en[0]!, (counts.get(en[0]!) ?? 0) + 1)
    byCountry.set(key, counts)
    given.set(first, byCountry)
    if (zh.length === en.length) surname.set(zh[zh.length - 1]!, en[en.length - 1]!)
  }
  return { given, surname }
}

function mostCommon(counts: Map<string, number>): string | null {
  let best: string | null = null
  let n = 0
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c]
  return best
}

function spell(part: string): string {
  const s = latinSounds(part).replace(/\s+/g, '')
  return s ? s[0]!.toUpperCase() + s.slice(1) : part
}

/**
 * A Latin spelling for a transliterated name the text gives only in Chinese: given names as the lexicon writes
 * them for people of that country (亚历山大 in Ukraine -> Oleksandr), other parts sound by sound (梅列日科 ->
 * Melezhko). A guess for reading and matching, never a lexicon link.
 */
export function romanize(lex: ActorLexicon, name: string, country: string | null): string {
  const p = nameParts(lex)
  const pieces = name.split('·').filter(Boolean)
  return pieces
    .map((piece, i) => {
      const words = piece.split('-').map((w) => {
        if (i < pieces.length - 1) {
          const byCountry = p.given.get(w)
          if (byCountry) {
            const local = country ? byCountry.get(country) : undefined
            const all = new Map<string, number>()
            for (const counts of byCountry.values()) for (const [k, c] of counts) all.set(k, (all.get(k) ?? 0) + c)
            const hit = (local && mostCommon(local)) ?? mostCommon(all)
            if (hit) return hit
          }
        }
        return p.surname.get(w) ?? spell(w)
      })
      return words.join('-')
    })
    .join(' ')
}
