// Several reports of one event in one article are one event with several evidence spans. Two events merge
// when they are of one type, their dates agree, and
// one's actors are covered by the other's: the same actors, or persons whose countries the other names
// (美俄高层官员 … 会谈 and 卢比奥 … 与拉夫罗夫会谈). Neither covering the other (特朗普+普京, 特朗普+泽连斯基)
// keeps them apart. Dates agree when equal or when one report gives none: a month and a day inside it may be
// two events of that month.
import type { Event, EventActor } from '../../core/index.js'

function datesAgree(a: Event, b: Event): boolean {
  return !a.date || !b.date || a.date === b.date
}

// Events between sides are often told first by country (美俄高层官员会谈, 美俄同意…) and then by name: for them
// a person is covered by their country's name. One side's acts (a proposal, a demand) are not merged that way.
const BY_COUNTRY = new Set(['call', 'meeting', 'visit', 'agreement', 'exchange_prisoners', 'ceasefire'])

function covers(big: readonly EventActor[], small: readonly EventActor[], byCountry: boolean): boolean {
  if (!small.length) return true
  const ids = new Set(big.map((x) => x.actorId ?? x.name))
  const countries = new Set(big.filter((x) => x.type === 'country').map((x) => x.name))
  return small.every((x) => ids.has(x.actorId ?? x.name) || (byCountry && ((x.country !== null && countries.has(x.country)) || (x.type === 'country' && big.some((y) => y.country === x.name)))))
}

function better(a: Event, b: Event): Event {
  const rank = { day: 4, week: 3, month: 2, year: 1, none: 0 }
  const own = (e: Event): boolean => e.dateSource === 'clause' || e.dateSource === 'sentence'
  const textA = own(a) ? 10 : 0
  const textB = own(b) ? 10 : 0
  return textA + rank[a.datePrecision] >= textB + rank[b.datePrecision] ? a : b
}

// A call is a consultation too: a call and a meeting (交换了意见, 他与X讨论) read from one sentence, or between
// exactly the same parties, are one call.
function sameKind(a: Event, b: Event): boolean {
  if (a.type === b.type) return true
  const pair = new Set([a.type, b.type])
  if (!pair.has('call') || !pair.has('meeting')) return false
  const key = (e: Event): string => e.actors.filter((x) => x.type === 'person').map((x) => x.actorId ?? x.name).sort().join('|')
  const persons = (e: Event): string[] => e.actors.filter((x) => x.type === 'person').map((x) => x.actorId ?? x.name)
  const call = a.type === 'call' ? a : b
  const talk = a.type === 'call' ? b : a
  // 双方讨论了… after a call between them: the people talking are among the call's, or, when the talk names
  // only countries (美俄正在恢复接触), its countries are the call's sides.
  const sides = (e: Event): string[] => e.actors.flatMap((x) => (x.type === 'country' ? [x.name] : x.type === 'person' && x.country ? [x.country] : []))
  const countriesOnly = persons(talk).length === 0 && sides(talk).length > 0
  const within =
    (persons(talk).length > 0 && persons(talk).every((p) => persons(call).includes(p))) ||
    (countriesOnly && persons(call).length > 0 && sides(talk).every((c) => sides(call).includes(c)))
  return a.evidence.some((x) => b.evidence.some((y) => y.sentence === x.sentence)) || (key(a) !== '' && key(a) === key(b)) || within
}

export function mergeEvents(events: readonly Event[]): Event[] {
  const out: Event[] = []
  for (const e of events) {
    const i = out.findIndex((o) => sameKind(o, e) && o.modality !== 'negated' && e.modality !== 'negated' && datesAgree(o, e) && (covers(o.actors, e.actors, BY_COUNTRY.has(e.type)) || covers(e.actors, o.actors, BY_COUNTRY.has(e.type))))
    if (i < 0) {
      out.push(e)
      continue
    }
    const o = out[i]!
    const dated = better(o, e)
    const actors = [...o.actors]
    for (const x of e.actors) if (!actors.some((y) => (y.actorId ?? y.name) === (x.actorId ?? x.name))) actors.push(x)
    const kept = o.type === 'call' || e.type !== 'call' ? o : { ...o, type: e.type, cameo: e.cameo, plover: e.plover, trigger: e.trigger }
    out[i] = {
      ...kept,
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
