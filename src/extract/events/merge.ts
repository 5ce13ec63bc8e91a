// Several reports of one event in one article are one event with several evidence spans. Two events merge
// when they are of one type, their dates agree (equal, one unknown, or one the month of the other), and
// one's actors are covered by the other's: the same actors, or persons whose countries the other names
// (美俄高层官员 … 会谈 and 卢比奥 … 与拉夫罗夫会谈). Neither covering the other (特朗普+普京, 特朗普+泽连斯基)
// keeps them apart.
import type { Event, EventActor } from '../../core/index.js'

function datesAgree(a: Event, b: Event): boolean {
  if (!a.date || !b.date) return true
  return a.date.startsWith(b.date) || b.date.startsWith(a.date)
}

function covers(big: readonly EventActor[], small: readonly EventActor[]): boolean {
  if (!small.length) return true
  const ids = new Set(big.map((x) => x.actorId ?? x.name))
  const countries = new Set(big.filter((x) => x.type === 'country').map((x) => x.name))
  return small.every((x) => ids.has(x.actorId ?? x.name) || (x.country !== null && countries.has(x.country)) || (x.type === 'country' && big.some((y) => y.country === x.name)))
}

function better(a: Event, b: Event): Event {
  const rank = { day: 4, week: 3, month: 2, year: 1, none: 0 }
  const textA = a.dateSource === 'text' ? 10 : 0
  const textB = b.dateSource === 'text' ? 10 : 0
  return textA + rank[a.datePrecision] >= textB + rank[b.datePrecision] ? a : b
}

export function mergeEvents(events: readonly Event[]): Event[] {
  const out: Event[] = []
  for (const e of events) {
    const i = out.findIndex((o) => o.type === e.type && o.modality !== 'negated' && e.modality !== 'negated' && datesAgree(o, e) && (covers(o.actors, e.actors) || covers(e.actors, o.actors)))
    if (i < 0) {
      out.push(e)
      continue
    }
    const o = out[i]!
    const dated = better(o, e)
    const actors = [...o.actors]
    for (const x of e.actors) if (!actors.some((y) => (y.actorId ?? y.name) === (x.actorId ?? x.name))) actors.push(x)
    out[i] = {
      ...o,
      actors,
      date: dated.date,
      datePrecision: dated.datePrecision,
      dateSource: dated.dateSource,
      dateRange: dated.dateRange,
      location: o.location ?? e.location,
      evidence: [...o.evidence, ...e.evidence],
      confidence: Math.max(o.confidence, e.confidence),
    }
  }
  return out
}
