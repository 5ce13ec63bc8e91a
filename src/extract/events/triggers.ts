// Event triggers in a sentence, found by longest match, kept only when their cue words stand in the same
// clause (援助 needs 恢复/提供…), and never inside a name. One event per clause: when a clause holds several
// triggers, the most specific kind wins (a call is also talk; a visit may also be a meeting).
import type { EventType, Mention, Span } from '../../core/index.js'
import { eventLexicon, type Trigger } from './lexicon.js'
import { clauseAt } from './clauses.js'

export interface TriggerHit {
  trigger: Trigger
  start: number
  end: number
  clause: number
}

const PRIORITY: EventType[] = ['call', 'exchange_prisoners', 'ceasefire', 'sanction', 'aid', 'visit', 'agreement', 'reject', 'demand', 'threat', 'proposal', 'meeting', 'military_action', 'statement', 'other']

export function findTriggers(view: string, s: Span, clauses: readonly Span[], mentions: readonly Mention[]): TriggerHit[] {
  const lex = eventLexicon()
  const hits: TriggerHit[] = []
  for (let i = s.start; i < s.end; ) {
    let taken = 0
    for (let len = Math.min(lex.longestTrigger, s.end - i); len > 0; len--) {
      const t = lex.triggers.get(view.slice(i, i + len))
      if (!t) continue
      taken = len
      const inName = mentions.some((m) => m.start < i + len && i < m.end)
      const clause = clauseAt(clauses, i)
      const c = clauses[clause]!
      const clauseText = view.slice(c.start, c.end)
      if (!inName && (!t.needs.length || t.needs.some((n) => clauseText.includes(n)))) hits.push({ trigger: t, start: i, end: i + len, clause })
      break
    }
    i += taken || 1
  }
  // One trigger per clause: the highest in PRIORITY, the first of equals.
  const best = new Map<number, TriggerHit>()
  for (const h of hits) {
    const cur = best.get(h.clause)
    if (!cur || PRIORITY.indexOf(h.trigger.type) < PRIORITY.indexOf(cur.trigger.type)) best.set(h.clause, h)
  }
  return [...best.values()].sort((a, b) => a.start - b.start)
}
