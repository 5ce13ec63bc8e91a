// Event triggers in a sentence, found by longest match, kept only when their cue words stand in the same
// clause (援助 needs 恢复/提供…), and never inside a name. One event per clause: the first trigger, since in
// Chinese the first verb governs the ones after it (邀请X访问Y is an invitation, 同意举行会谈 an agreement,
// 拒绝签署 a rejection). A trigger framing time (在通话中, 会谈后) refers to an event, it does not report one.
import type { Mention, Span } from '../../core/index.js'
import { eventLexicon, type Trigger } from './lexicon.js'
import { clauseAt } from './clauses.js'

export interface TriggerHit {
  trigger: Trigger
  start: number
  end: number
  clause: number
  /** Where the event's verb stands: the cue of a noun trigger (恢复 in 恢复…援助), else the trigger itself. */
  anchor: number
}

const FRAME_BEFORE = /在(?:这次|此次|本次|上述|当天的)?$/
const FRAME_AFTER = /^(?:中|时|期间|之际|上|后|之后|前|之前)/

/** Every trigger word in the sentence, with why it was not taken when it was not (for `parley explain`). */
export interface TriggerCandidate extends TriggerHit {
  rejected: string | null
}

export function triggerCandidates(view: string, s: Span, clauses: readonly Span[], mentions: readonly Mention[]): TriggerCandidate[] {
  const lex = eventLexicon()
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
      const cue = t.needs.map((n) => clauseText.indexOf(n)).filter((k) => k >= 0).sort((a, b) => a - b)[0]
      const next = view.slice(i + len, i + len + 2)
      let rejected: string | null = null
      if (mentions.some((m) => m.start < i + len && i < m.end)) rejected = 'inside a name'
      else if (FRAME_BEFORE.test(view.slice(Math.max(s.start, i - 5), i)) && FRAME_AFTER.test(next)) rejected = 'frames a time (在…中), refers to an event'
      else if (/^(?:后|之后|前|之前)/.test(next)) rejected = 'frames a time (…后/前), refers to an event'
      else if (t.needs.length && cue === undefined) rejected = `needs one of ${t.needs.join('/')} in its clause`
      else if (clausesTaken.has(clause)) rejected = 'governed by an earlier trigger in its clause'
      if (!rejected) clausesTaken.add(clause)
      out.push({ trigger: t, start: i, end: i + len, clause, anchor: cue === undefined ? i : Math.min(i, c.start + cue), rejected })
      break
    }
    i += taken || 1
  }
  return out
}

export function findTriggers(view: string, s: Span, clauses: readonly Span[], mentions: readonly Mention[]): TriggerHit[] {
  return triggerCandidates(view, s, clauses, mentions).filter((c) => !c.rejected)
}
