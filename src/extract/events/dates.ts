// When an event happened: the time expression that governs its trigger (its own clause first, then a clause of
// the sentence that reports no event of its own), a caption date in brackets right after the sentence, the event
// the sentence refers back to (在通话中 …), and, for an undated report, the publication date, flagged as such.
// Every date says where it came from (Event.dateSource).
import type { Document, Event, Modality, Span, TimeExpr } from '../../core/index.js'
import { eventLexicon } from './lexicon.js'
import { findVerbs } from '../quotes/verbs.js'
import { ALL_RULES, type Rules } from './rules.js'
import type { ByOffset } from '../by-offset.js'

export interface EventDate {
  date: string | null
  precision: Event['datePrecision']
  source: Event['dateSource']
  range: { start: string; end: string } | null
}

const NONE: EventDate = { date: null, precision: 'none', source: 'none', range: null }
export const BACK_REFERENCE = /在(?:这次|此次|本次|当天的|上述)?(通话|电话|会谈|会晤|会面|会议|谈话)(?:中|时|期间|上)/
const CAPTION_DATE = /^\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*[)）]\s*$/

// Vague expressions (近期, 近年来, 数月前) say too little to date an event.
const MIN_TIME_CONFIDENCE = 0.6

export function fromTime(t: TimeExpr): EventDate | null {
  if (t.unresolved || t.kind === 'modifier' || t.confidence < MIN_TIME_CONFIDENCE) return null
  if (t.value) {
    const precision = t.precision === 'none' ? 'day' : t.precision
    return { date: t.value, precision, source: 'sentence', range: t.range }
  }
  if (t.range) {
    // A span of days (上周, 本周, 未来几天): its month when it lies in one, else the month it starts in.
    return { date: t.range.start.slice(0, 7), precision: t.precision === 'week' ? 'week' : 'month', source: 'sentence', range: t.range }
  }
  return null
}

export function documentDate(doc: Document): EventDate {
  const p = doc.published
  if (!p.at || p.precision === 'unknown') return NONE
  if (p.precision === 'minute' || p.precision === 'day') return { date: p.at.slice(0, 10), precision: 'day', source: 'publication', range: null }
  return { date: p.at, precision: p.precision === 'month' ? 'month' : 'year', source: 'publication', range: null }
}

/** The call or meeting a sentence refers back to (在通话中, 会谈时), preferring one dated in its own text. */
export function referredEvent(sentence: string, earlier: readonly Event[]): Event | null {
  const back = BACK_REFERENCE.exec(sentence)
  if (!back) return null
  const kind = back[1] === '通话' || back[1] === '电话' ? 'call' : 'meeting'
  const rev = [...earlier].reverse()
  const own = (e: Event): boolean => e.dateSource === 'clause' || e.dateSource === 'sentence'
  return rev.find((e) => e.type === kind && own(e)) ?? rev.find((e) => e.type === kind) ?? null
}

export interface DateContext {
  doc: Document
  view: string
  times: ByOffset<TimeExpr>
  sentences: readonly Span[]
  earlier: readonly Event[]
  rules?: Rules
  /** Clauses of the sentence (by index) holding a coded trigger: their times date their own events. */
  eventClauses?: ReadonlySet<number>
}

/** The paragraph (between line breaks) that holds offset i. */
function paragraphStart(view: string, i: number): number {
  return view.lastIndexOf('\n', i - 1) + 1
}

/**
 * The date of an event whose trigger stands at tStart in `clause` of sentence si:
 * 1. a time in the trigger's clause, else an earlier clause of the sentence, else a later one that reports no event of its own
 *    (两国元首15日结束通话后，双方同意…: the 15th dates both; 她2021年曾访问…，并于2025年会见…: each its own) — but a
 *    time in the clause of a reporting verb (X星期日表示，他将…) dates the statement, not a planned event it
 *    announces, and a time opening a period (1月上任以来) dates nothing;
 * 2. a caption date in brackets standing right after the sentence;
 * 3. the event the sentence refers back to (在通话中 …) or follows (随即 the same day, 随后 within the month);
 * 4. for a reported event, the last date the paragraph gave before it, else the publication date.
 */
export function dateFor(ctx: DateContext, si: number, clause: Span, clauses: readonly Span[], tStart: number, modality: Modality): EventDate {
  const lex = eventLexicon()
  const rules = ctx.rules ?? ALL_RULES
  const s = ctx.sentences[si]!
  const ci = clauses.indexOf(clause)
  // 1月上任以来, 1月重返白宫以来, 峰会之前: the bound follows the time directly or after a short verb phrase.
  const opensPeriod = (t: TimeExpr): boolean => {
    const after = ctx.view.slice(t.end, t.end + 8)
    return lex.context.since.some((w) => [0, 1, 2, 3, 4].some((k) => after.startsWith(w, k) && !/[，,。；;：:\d]/.test(after.slice(0, k))))
  }
  const clauseOf = (t: TimeExpr): Span | undefined => clauses.find((c) => c.start <= t.start && t.start < c.end)
  const verbsIn = (c: Span | undefined) => (c ? findVerbs(ctx.view, c.start, c.end) : [])
  const forward = modality === 'planned' || modality === 'hypothetical'
  // 外媒12日报道，…已经通电话: the day of a report is not the day of what it reports.
  let reportDated = false
  const usable = (t: TimeExpr): boolean => {
    if (!fromTime(t) || opensPeriod(t)) return false
    const c = clauseOf(t)
    if (c === clause) return true
    // A time carries forward through the sentence (15日结束通话后，双方同意…), but a later clause's time belongs to
    // the event that clause reports, if it reports one (…曾于2022年通话，2025年2月12日再次通话).
    if (rules.on('date.other-clause') && c && clauses.indexOf(c) > ci && ctx.eventClauses?.has(clauses.indexOf(c))) return false
    const verbs = verbsIn(c)
    if (rules.on('date.report-day') && verbs.some((v) => v.kind === 'report' || v.kind === 'cite')) {
      reportDated = true
      return false
    }
    return !forward || !verbs.length
  }
  const inSentence = ctx.times.within(s.start, s.end).filter(usable)
  const inClause = inSentence.filter((t) => t.start >= clause.start && t.end <= clause.end).sort((a, b) => Math.abs(a.start - tStart) - Math.abs(b.start - tStart))
  const before = inSentence.filter((t) => t.end <= tStart).sort((a, b) => b.start - a.start)
  const after = inSentence.filter((t) => t.start >= tStart).sort((a, b) => a.start - b.start)
  if (inClause[0]) return { ...fromTime(inClause[0])!, source: 'clause' }
  const t = before[0] ?? after[0]
  if (t) return fromTime(t)!
  const next = ctx.sentences[si + 1]
  if (rules.on('date.caption') && next && CAPTION_DATE.test(ctx.view.slice(next.start, next.end))) {
    const cap = ctx.times.within(next.start, next.end).find((x) => fromTime(x))
    if (cap) return { ...fromTime(cap)!, source: 'carried' }
  }
  const sentence = ctx.view.slice(s.start, s.end)
  // Only the last few events can be referred back to: bounded work per sentence.
  const recent = ctx.earlier.slice(-12)
  const ref = rules.on('date.referred-event') ? referredEvent(sentence, recent) : null
  if (ref?.date) return { date: ref.date, precision: ref.datePrecision, source: 'carried', range: ref.dateRange }
  const lead = ctx.view.slice(clause.start, tStart)
  const prev = [...recent].reverse().find((e) => e.date)
  if (rules.on('date.same-day-after') && prev?.date && lex.context['same-day'].some((w) => lead.includes(w) || sentence.startsWith(w))) {
    return { date: prev.date, precision: prev.datePrecision, source: 'carried', range: prev.dateRange }
  }
  if (rules.on('date.same-day-after') && prev?.date && lex.context.after.some((w) => lead.includes(w) || sentence.startsWith(w))) {
    return { date: prev.date.slice(0, 7), precision: prev.date.length >= 7 ? 'month' : 'year', source: 'carried', range: null }
  }
  // Only a reported event in a full sentence falls back on the narrative's date; a heading (no closing
  // punctuation) repeats an event the body dates, and a report's own date says only "by then".
  if (modality !== 'reported' || reportDated || !/[。！？!?”」』]$/.test(sentence)) return NONE
  const para = paragraphStart(ctx.view, s.start)
  const recentStart = ctx.sentences[Math.max(0, si - 2)]!.start
  const from = Math.max(para, recentStart)
  const told = rules.on('date.paragraph')
    ? ctx.times.within(from, s.start).filter((x) => fromTime(x) && !opensPeriod(x) && (x.precision === 'day' || x.precision === 'month')).pop()
    : undefined
  if (told) return { ...fromTime(told)!, source: 'carried' }
  return rules.on('date.publication') ? documentDate(ctx.doc) : NONE
}
