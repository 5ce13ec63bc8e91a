// What a number measures, from a few general shapes of the sentence around it. Null when none fits:
//   N单位的X      为期30天的临时停火 → 临时停火;  18%的领土 → 领土;  1100亿美元的援助 → 援助
//   N量词X        1000名战俘 → 战俘;  约五分之一乌克兰领土 → 乌克兰领土 (counts, shares, money)
//   X持续N        通话持续约90分钟 → 通话;  会谈历时4.5小时 → 会谈 (durations)
//   X的N%         乌克兰领土的18% → 乌克兰领土
//   XN            停火30天 → 停火;  通话1小时 → 通话 (durations)
// Words and their parts of speech come from jieba, loaded on first use: most sentences have no number.
import { jieba } from '../jieba.js'
import type { Span } from '../../core/document.js'
import type { Family } from './lexicon.js'


/** How far around a number the phrase it measures is looked for. */
const WINDOW = 24
const MAX_WORDS = 4
const MAX_CHARS = 12
/** Verbs that put a length of time on the noun before them: 通话持续90分钟, 会谈历时4.5小时. */
const DURATION_VERBS = ['持续了', '持续', '历时', '历经', '耗时', '长达', '为期', '进行了', '达']

const isNoun = (tag: string): boolean => /^(n|vn|an|i|j|l|s|eng)/.test(tag)
const isModifier = (tag: string): boolean => tag === 'a' || tag === 'b'
const isVerb = (tag: string): boolean => tag.startsWith('v')

function phrase(words: string[]): string | null {
  const s = words.join('')
  return s && s.length <= MAX_CHARS ? s : null
}

/** The noun phrase `s` starts with. After 的 a verb may head it (的临时停火), before any noun. */
function leadingNounPhrase(s: string, allowVerb: boolean): string | null {
  const words: Array<{ word: string; tag: string }> = []
  let head = false
  for (const w of jieba().tag(s, true)) {
    if (isNoun(w.tag)) head = true
    else if (isModifier(w.tag)) {
      if (head) break
    } else if (!(allowVerb && !head && isVerb(w.tag))) break
    else head = true
    words.push(w)
    if (words.length >= MAX_WORDS) break
  }
  while (words.length && isModifier(words[words.length - 1]!.tag)) words.pop()
  return phrase(words.map((w) => w.word))
}

/** The noun phrase `s` ends with: 乌克兰领土 in "…占领的乌克兰领土". */
function trailingNounPhrase(s: string): string | null {
  const words = jieba().tag(s, true)
  const out: string[] = []
  for (let i = words.length - 1; i >= 0 && out.length < MAX_WORDS - 1; i--) {
    const w = words[i]!
    if (!isNoun(w.tag) && !(isModifier(w.tag) && out.length > 0)) break
    out.unshift(w.word)
  }
  return phrase(out)
}

/** The last word of `s` when it can name an activity or a thing (通话, 会谈, 停火); adverbs before a verb (已, 一共) are passed over. */
function lastWord(s: string, skipAdverbs: boolean): string | null {
  const words = jieba().tag(s, true)
  while (skipAdverbs && words.length && words[words.length - 1]!.tag.startsWith('d')) words.pop()
  const w = words[words.length - 1]
  return w && w.word.length >= 2 && (isNoun(w.tag) || isVerb(w.tag)) ? w.word : null
}

export interface AboutInput {
  start: number
  end: number
  family: Family
}

/** The noun phrase the number at [f.start, f.end) measures, looked for inside `sentence`. */
export function findAbout(text: string, sentence: Span, f: AboutInput): string | null {
  const after = text.slice(f.end, Math.min(sentence.end, f.end + WINDOW))
  const counted = f.family === 'count' || f.family === 'person'
  // 两人的会晤 is the two people's meeting, not what is counted; 200架无人机 is.
  if (after.startsWith('的') && !counted) {
    const np = leadingNounPhrase(after.slice(1), true)
    if (np) return np
  } else if (f.family !== 'duration' && !after.startsWith('的') && after) {
    const np = leadingNounPhrase(after, false)
    if (np) return np
  }
  const before = text.slice(Math.max(sentence.start, f.start - WINDOW), f.start)
  if (!before) return null
  if (f.family === 'duration') {
    const verb = DURATION_VERBS.find((v) => before.endsWith(v))
    if (verb) return lastWord(before.slice(0, -verb.length), true)
    return lastWord(before, false)
  }
  if (f.family === 'percent' && before.endsWith('的')) return trailingNounPhrase(before.slice(0, -1))
  return null
}
