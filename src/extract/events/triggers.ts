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

// After an event noun, a modal or copula makes the clause describe the event (会谈将是
// 双边的, 通话或给冲突降温) rather than report it; 将于/将在 (会谈将于14日举行) still reports one.
const SUBJECT_FOLLOWER = /^[“”"「」\s]*(?:将(?![于在])|是|会|或|应|要|也|被|可能)/
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

export function triggerCandidates(view: string, s: Span, clauses: readonly Span[], mentions: readonly Mention[], tc: TriggerContext): TriggerCandidate[] {
  const lex = eventLexicon()
  const on = (id: string): boolean => (tc.rules ?? ALL_RULES).on(id)
  const startsWithAny = (text: string, words: readonly string[]): boolean => words.some((w) => text.startsWith(w))
  const out: TriggerCandidate[] = []
  const clausesTaken = new Set<number>()
  for (let i = s.start; i < s.end; ) {
    let taken = 0
    for (let len = Math.min(lex.longestTrigger, s.end - i); len > 0; len--) {
      const t = lex.triggers.get(view.slice(i, i + len))
      if (!t) continue
      taken = len
      const clause = clauseAt(clauses, i)
      const c = clauses[clause]!
      const clauseText = view.slice(c.start, c.end)
      // A cue written "与<" must stand before the trigger (X与Y讨论), not after it (讨论了与…有关的话题).
      const cue = t.needs
        .map((n) => (n.endsWith('<') ? clauseText.slice(0, i - c.start).indexOf(n.slice(0, -1)) : clauseText.indexOf(n)))
        .filter((k) => k >= 0)
        .sort((a, b) => a - b)[0]
      const next = view.slice(i + len, i + len + 2)
      const cueAt = cue === undefined ? -1 : c.start + cue
      const clauseHead = view.slice(c.start, c.end).trimStart()
      let rejected: string | null = null
      if (on('filter.inside-name') && mentions.some((m) => m.start < i + len && i < m.end)) rejected = 'inside a name'
      // 被占领土 is 被占 + 领土, not 占领: a trigger that lines up with no word edge is inside other words.
      // 举行会谈 or 双方同意, taken as one word, still end on the trigger.
      else if (on('filter.inside-word') && !tc.words.boundary(i) && !tc.words.boundary(i + len)) rejected = 'inside a longer word (jieba)'
      else if (on('filter.quoted-label') && tc.labels.some((q) => q.start <= i && i < q.end)) rejected = 'inside a quoted label'
      else if (on('filter.attributive') && (next.startsWith('的') || (cueAt >= 0 && cueAt < i && view.slice(cueAt + (t.needs.map((n) => n.replace(/<$/, '')).find((n) => view.startsWith(n, cueAt))?.length ?? 0)).startsWith('的')))) rejected = 'used attributively (…的): describes, does not report'
      else if (on('filter.noun-head') && t.noun && startsWithAny(next.concat(view.slice(i + len + 2, i + len + 4)), lex.context['noun-head'])) rejected = 'part of a noun phrase (会谈结果)'
      else if (on('filter.relative-clause') && RELATIVE_CLAUSE.test(view.slice(i + len, Math.min(c.end, i + len + 12))) && !hasSubject(view, localClauseStart(view, c.start, i), i, mentions)) rejected = 'inside a relative clause (…的X): background to X, not a report'
      else if (on('filter.described') && t.noun && SUBJECT_FOLLOWER.test(view.slice(i + len, i + len + 4))) rejected = 'the subject of a description (会谈将是…), not a report'
      else if (on('filter.reference-start') && (startsWithAny(clauseHead, lex.context['reference-start']) || startsWithAny(view.slice(s.start, s.end), lex.context['reference-start']))) rejected = 'refers back to an event already reported (这是…)'
      else if (on('filter.refers-before') && lex.context['refers-before'].some((w) => new RegExp(`${w}[^，,。；;：:、]{0,6}$`).test(view.slice(Math.max(s.start, i - 6 - w.length), i)))) rejected = 'names an event already reported (此次会谈, 这场美俄会谈)'
      else if (on('filter.time-frame') && FRAME_BEFORE.test(view.slice(Math.max(s.start, i - 5), i)) && FRAME_AFTER.test(view.slice(i + len, i + len + 4))) rejected = 'frames a time (在…中), refers to an event'
      else if (on('filter.time-frame') && /^(?:后|之后|前|之前)/.test(next)) rejected = 'frames a time (…后/前), refers to an event'
      else if (on('filter.needs-cue') && t.needs.length && cue === undefined) rejected = `needs one of ${t.needs.join('/')} in its clause (< = before the trigger)`
      else if (on('filter.one-per-clause') && clausesTaken.has(clause)) rejected = 'governed by an earlier trigger in its clause'
      if (!rejected) clausesTaken.add(clause)
      out.push({ trigger: t, start: i, end: i + len, clause, anchor: cue === undefined ? i : Math.min(i, c.start + cue), rejected })
      break
    }
    i += taken || 1
  }
  return out
}

export function findTriggers(view: string, s: Span, clauses: readonly Span[], mentions: readonly Mention[], tc: TriggerContext): TriggerHit[] {
  return triggerCandidates(view, s, clauses, mentions, tc).filter((c) => !c.rejected)
}
