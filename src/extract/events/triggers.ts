// Event triggers in a sentence, found by longest match, kept only when their cue words stand in the same
// clause (援助 needs 恢复/提供…), and never inside a name. One event per clause: the first trigger, since in
// Chinese the first verb governs the ones after it (邀请X访问Y is an invitation, 同意举行会谈 an agreement,
// 拒绝签署 a rejection). A trigger framing time (在通话中, 会谈后) refers to an event, it does not report one.
import type { Mention, Span } from '../../core/index.js'
import { eventLexicon, type Trigger } from './lexicon.js'
import { clauseAt } from './clauses.js'
import type { Words } from '../mentions/words.js'
import type { QuoteSpan } from '../quotes/spans.js'
import { ALL_RULES, type Rules } from './rules.js'

export interface TriggerHit {
  trigger: Trigger
  start: number
  end: number
  clause: number
  /** Where the event's verb stands: the cue of a noun trigger (恢复 in 恢复…援助), else the trigger itself. */
  anchor: number
}

// 刚结束日内瓦磋商准备回国的代表, 上月暂停交付、已在仓库的装备: a trigger in a clause that ends in 的 before
// a noun describes that noun; the event it names is presupposed, reported elsewhere if at all.
const RELATIVE_CLAUSE = /^[^，,。；;：:“”"（）()的]{1,10}的[\u4e00-\u9fff]/
// A trigger with its own subject before it (他拒绝签署美方提出的文件) heads the clause; the 的 then closes a
// relative clause inside its object. The subject is looked for after a copula (他身旁是结束…会谈…的外长).
/** Where the clause around i starts when commas inside quotation marks count too. */
function localClauseStart(view: string, from: number, i: number): number {
  for (let k = i - 1; k >= from; k--) if ('，,；;：:“「'.includes(view[k]!)) return k + 1
  return from
}

function hasSubject(view: string, clauseStart: number, at: number, mentions: readonly Mention[]): boolean {
  const head = view.slice(clauseStart, at)
  const cop = Math.max(head.lastIndexOf('是'), head.lastIndexOf('为'))
  const from = cop >= 0 ? clauseStart + cop + 1 : clauseStart
  if (/他|她|我们|他们|双方/.test(view.slice(from, at))) return true
  return mentions.some((m) => m.start >= from && m.end <= at && m.type !== 'place')
}

// 两国元首15日结束通话后，双方同意…: a framing clause with its own subject still reports that the call or the
// talks took place; 会谈后 with no subject only refers to talks already reported.
const FRAMED_TYPES = new Set(['call', 'meeting', 'visit'])

const FRAME_BEFORE = /在[^，,。；;：:在]{0,4}$/
const FRAME_AFTER = /^(?:开始|结束)?(?:中|时|期间|之际|上|后|之后|前|之前)/

/** Every trigger word in the sentence, with why it was not taken when it was not (for `parley explain`). */
export interface TriggerCandidate extends TriggerHit {
  rejected: string | null
}

export interface TriggerContext {
  words: Words
  /** Quoted phrases used as labels (“北约威胁”论): nothing inside them is an event. */
  labels: readonly QuoteSpan[]
  /** The rules in force (all, unless an ablation switches some off). */
  rules?: Rules
}

/** Where each cue word stands in a clause, found in one pass (at most longestCueWord lookups per character). */
function cueIndex(view: string, c: Span, words: ReadonlySet<string>, longest: number): Map<string, number[]> {
  const at = new Map<string, number[]>()
  for (let i = c.start; i < c.end; i++) {
    for (let len = 1; len <= longest && i + len <= c.end; len++) {
      const w = view.slice(i, i + len)
      if (!words.has(w)) continue
      const list = at.get(w)
      if (list) list.push(i)
      else at.set(w, [i])
    }
  }
  return at
}

/** Where the first cue of a pattern stands for a trigger at [i, end), or undefined when none stands where it must. */
function cueFor(t: Trigger, at: Map<string, number[]>, i: number, end: number): { at: number; word: string } | undefined {
  let best: { at: number; word: string } | undefined
  for (const c of t.cues) {
    for (const k of at.get(c.word) ?? []) {
      const before = k + c.word.length <= i && i - (k + c.word.length) <= c.gap
      const after = k >= end && k - end <= c.gap
      if (c.side === 'before' ? before : c.side === 'after' ? after : before || after) {
        if (!best || k < best.at) best = { at: k, word: c.word }
        break
      }
    }
  }
  return best
}

// Mentions sorted by start once per document, so a sentence finds its own by binary search.
const sortedMentions = new WeakMap<readonly Mention[], Mention[]>()
function mentionsIn(mentions: readonly Mention[], s: Span): Mention[] {
  let sorted = sortedMentions.get(mentions)
  if (!sorted) {
    sorted = [...mentions].sort((a, b) => a.start - b.start)
    sortedMentions.set(mentions, sorted)
  }
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]!.start < s.start) lo = mid + 1
    else hi = mid
  }
  const out: Mention[] = []
  for (let k = lo; k < sorted.length && sorted[k]!.start < s.end; k++) out.push(sorted[k]!)
  return out
}

export function triggerCandidates(view: string, s: Span, clauses: readonly Span[], mentions: readonly Mention[], tc: TriggerContext): TriggerCandidate[] {
  const lex = eventLexicon()
  const on = (id: string): boolean => (tc.rules ?? ALL_RULES).on(id)
  const startsWithAny = (text: string, words: readonly string[]): boolean => words.some((w) => text.startsWith(w))
  const out: TriggerCandidate[] = []
  // The candidate that took each clause, by index into out.
  const clausesTaken = new Map<number, number>()
  const local = mentionsIn(mentions, s)
  const cueIndexes = new Map<number, Map<string, number[]>>()
  const cuesOf = (ci: number): Map<string, number[]> => {
    let idx = cueIndexes.get(ci)
    if (!idx) cueIndexes.set(ci, (idx = cueIndex(view, clauses[ci]!, lex.cueWords, lex.longestCueWord)))
    return idx
  }
  const clauseIdx = (at: number): number => clauseAt(clauses, at)
  for (let i = s.start; i < s.end; ) {
    let taken = 0
    for (let len = Math.min(lex.longestTrigger, s.end - i); len > 0; len--) {
      const patterns = lex.triggers.get(view.slice(i, i + len))
      if (!patterns) continue
      const clause = clauseIdx(i)
      const c = clauses[clause]!
      // The pattern whose cue stands first governs (接受…提议 is an acceptance, 提出…提议 a proposal); a bare
      // pattern is read when no cued one fits. A cue written 与< must stand before the trigger (X与Y讨论), not
      // after it (讨论了与…有关的话题).
      const idx = patterns.some((p) => p.cues.length) ? cuesOf(clause) : null
      let t: Trigger = patterns[0]!
      let cue: { at: number; word: string } | undefined
      for (const p of patterns) {
        if (!p.cues.length) {
          if (!cue) t = p
          break
        }
        const found = cueFor(p, idx!, i, i + len)
        if (found && (!cue || found.at < cue.at)) {
          cue = found
          t = p
        }
      }
      const next = view.slice(i + len, i + len + 2)
      const cueAt = cue ? cue.at : -1
      const clauseHead = view.slice(c.start, c.end).trimStart()
      let rejected: string | null = null
      if (on('filter.inside-name') && local.some((m) => m.start < i + len && i < m.end && !(m.start >= i && m.end <= i + len))) rejected = 'inside a name'
      // 被占领土 is 被占 + 领土, not 占领: a trigger that lines up with no word edge is inside other words.
      // 举行会谈 or 双方同意, taken as one word, still end on the trigger.
      else if (on('filter.inside-word') && !tc.words.boundary(i) && !tc.words.boundary(i + len)) rejected = 'inside a longer word (jieba)'
      else if (on('filter.quoted-label') && tc.labels.some((q) => q.start <= i && i < q.end)) rejected = 'inside a quoted label'
      else if (on('filter.attributive') && (next.startsWith('的') || (cue && cueAt < i && view.startsWith('的', cueAt + cue.word.length)))) rejected = 'used attributively (…的): describes, does not report'
      else if (on('filter.noun-head') && t.noun && startsWithAny(next.concat(view.slice(i + len + 2, i + len + 4)), lex.context['noun-head'])) rejected = 'part of a noun phrase (会谈结果)'
      else if (on('filter.relative-clause') && RELATIVE_CLAUSE.test(view.slice(i + len, Math.min(c.end, i + len + 12))) && !hasSubject(view, localClauseStart(view, c.start, i), i, local)) rejected = 'inside a relative clause (…的X): background to X, not a report'
      else if (on('filter.reference-start') && (startsWithAny(clauseHead, lex.context['reference-start']) || startsWithAny(view.slice(s.start, s.end), lex.context['reference-start']))) rejected = 'refers back to an event already reported (这是…)'
      else if (on('filter.refers-before') && lex.context['refers-before'].some((w) => new RegExp(`${w}[^，,。；;：:、]{0,6}$`).test(view.slice(Math.max(s.start, i - 6 - w.length), i)))) rejected = 'names an event already reported (此次会谈, 这场美俄会谈)'
      else if (on('filter.time-frame') && FRAME_BEFORE.test(view.slice(Math.max(s.start, i - 5), i)) && FRAME_AFTER.test(view.slice(i + len, i + len + 4))) rejected = 'frames a time (在…中), refers to an event'
      else if (on('filter.time-frame') && /^(?:后|之后|前|之前)/.test(next) && !(on('event.framed-with-subject') && FRAMED_TYPES.has(t.type) && hasSubject(view, localClauseStart(view, c.start, i), i, local))) rejected = 'frames a time (…后/前), refers to an event'
      else if (next.startsWith('下') && view.slice(c.start, i).includes('在')) rejected = 'frames a condition (在卡塔尔斡旋下): the event is what follows'
      else if (on('filter.needs-cue') && t.cues.length && !cue) rejected = `needs one of ${patterns.flatMap((p) => p.needs).join('/')} in its clause (< before, > after the trigger; a number: at most that many characters away)`
      else if (on('filter.one-per-clause') && clausesTaken.has(clause)) {
        // 同意暂停攻击, 签署停火协议: a pattern whose cue is exactly the trigger that took the clause names what that
        // verb agrees to, and is the more specific reading (不接受…条件 is not 接受…条件); otherwise the first governs.
        const first = out[clausesTaken.get(clause)!]!
        if (cue && cue.at === first.start && cue.word.length === first.end - first.start && (t.type !== first.trigger.type || t.cameo !== first.trigger.cameo)) {
          first.rejected = `the cue of a more specific pattern after it (${t.trigger}: ${t.needs.join('/')})`
          clausesTaken.delete(clause)
        } else rejected = 'governed by an earlier trigger in its clause'
      }
      out.push({ trigger: t, start: i, end: i + len, clause, anchor: cue ? Math.min(i, cue.at) : i, rejected })
      // A word whose cues are missing may hold a shorter trigger at the same start (停火协议 without 达成: 停火…).
      if (t.cues.length && !cue) {
        taken ||= len
        continue
      }
      if (!rejected) clausesTaken.set(clause, out.length - 1)
      taken = len
      break
    }
    i += taken || 1
  }
  return out
}

export function findTriggers(view: string, s: Span, clauses: readonly Span[], mentions: readonly Mention[], tc: TriggerContext): TriggerHit[] {
  return triggerCandidates(view, s, clauses, mentions, tc).filter((c) => !c.rejected)
}
