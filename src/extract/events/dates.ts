// When an event happened: the time expression that governs its trigger (same clause first, then the rest of
// the sentence), a caption date in brackets right after the sentence, the event the sentence refers back to
// (在通话中 …), and, for an undated report, the publication date, flagged as such.
import type { Document, Event, Span, TimeExpr } from '../../core/index.js'

export interface EventDate {
  date: string | null
  precision: Event['datePrecision']
  source: Event['dateSource']
  range: { start: string; end: string } | null
}

const NONE: EventDate = { date: null, precision: 'none', source: 'none', range: null }
const BACK_REFERENCE = /在(?:这次|此次|本次|当天的|上述)?(通话|电话|会谈|会晤|会面|会议|谈话)(?:中|时|期间|上)/
const CAPTION_DATE = /^\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*[)）]\s*$/

export function fromTime(t: TimeExpr): EventDate | null {
  if (t.unresolved || t.kind === 'modifier') return null
  if (t.value) {
    const precision = t.precision === 'none' ? 'day' : t.precision
    return { date: t.value, precision, source: 'text', range: t.range }
  }
  if (t.range) {
    // A span of days (上周, 本周, 未来几天): its month when it lies in one, else the month it starts in.
    return { date: t.range.start.slice(0, 7), precision: t.precision === 'week' ? 'week' : 'month', source: 'text', range: t.range }
  }
  return null
}

export function documentDate(doc: Document): EventDate {
  const p = doc.published
  if (!p.at || p.precision === 'unknown') return NONE
  if (p.precision === 'minute' || p.precision === 'day') return { date: p.at.slice(0, 10), precision: 'day', source: 'document', range: null }
  return { date: p.at, precision: p.precision === 'month' ? 'month' : 'year', source: 'document', range: null }
}

export interface DateContext {
  doc: Document
  view: string
  times: readonly TimeExpr[]
  sentences: readonly Span[]
  earlier: readonly Event[]
}

export function dateFor(ctx: DateContext, si: number, clause: Span, tStart: number, allowDocument: boolean): EventDate {
  const s = ctx.sentences[si]!
  const inSentence = ctx.times.filter((t) => t.start >= s.start && t.end <= s.end && fromTime(t))
  const byDistance = (a: TimeExpr, b: TimeExpr): number => Math.abs(a.start - tStart) - Math.abs(b.start - tStart)
  const inClause = inSentence.filter((t) => t.start >= clause.start && t.end <= clause.end).sort(byDistance)
  const before = inSentence.filter((t) => t.end <= tStart).sort((a, b) => b.start - a.start)
  const after = inSentence.filter((t) => t.start >= tStart).sort((a, b) => a.start - b.start)
  const t = inClause[0] ?? before[0] ?? after[0]
  if (t) return fromTime(t)!
  const next = ctx.sentences[si + 1]
  if (next && CAPTION_DATE.test(ctx.view.slice(next.start, next.end))) {
    const cap = ctx.times.find((x) => x.start >= next.start && x.end <= next.end && fromTime(x))
    if (cap) return fromTime(cap)!
  }
  const back = BACK_REFERENCE.exec(ctx.view.slice(s.start, s.end))
  if (back) {
    const kind = back[1] === '通话' || back[1] === '电话' ? 'call' : 'meeting'
    const ref = [...ctx.earlier].reverse().find((e) => e.type === kind && e.date)
    if (ref) return { date: ref.date, precision: ref.datePrecision, source: 'inherited', range: ref.dateRange }
  }
  return allowDocument ? documentDate(ctx.doc) : NONE
}
