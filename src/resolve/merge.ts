// Reports of one event across documents -> clusters. Two reports may be one event when their types are of one
// family, their dates agree, each one's dyad is among the other's parties, and their places do not differ
// (a place difference is tolerated only between two reports dated to the same day with the same dyad, and
// then shown as a divergent account). Clustering is agglomerative, best pair first, complete-link (every pair
// in a cluster must agree, so A~B and B~C never chain A to C) and never puts two reports of one document
// together: the extract stage already merged a document's own reports of one event (a month-dated restatement
// it left apart is attached to its report beforehand, see restated.ts).
import type { EventType } from '../core/extraction.js'
import type { Report } from '../core/record.js'
import { datesAgree, precisionOf } from './dates.js'
import type { Key } from './reports.js'

/** Calls, meetings and visits are all consultations (one outlet's 会谈 is another's 通话); truces are agreements. */
export const FAMILY: Record<EventType, string> = {
  call: 'consult', meeting: 'consult', visit: 'consult',
  agreement: 'agree', ceasefire: 'agree',
  proposal: 'propose', statement: 'statement', reject: 'reject', demand: 'demand', threat: 'threaten',
  aid: 'aid', sanction: 'sanction', exchange_prisoners: 'release', military_action: 'force', other: 'other',
}

export interface Item {
  report: Report
  key: Key
  /** The id of the place's country where the place is a city or region of it (riyadh -> saudi-arabia). */
  placeCountry: string | null
}

const subset = (a: Set<string>, b: Set<string>): boolean => [...a].every((x) => b.has(x))

function jaccard(a: Set<string>, b: Set<string>): number {
  const inter = [...a].filter((x) => b.has(x)).length
  return inter / Math.max(1, new Set([...a, ...b]).size)
}

/** Same place, or one inside the other (Riyadh in Saudi Arabia), or one not given. */
export function placesAgree(a: Item, b: Item): boolean {
  const [p, q] = [a.key.placeId, b.key.placeId]
  if (!p || !q || p === q) return true
  return a.placeCountry === q || b.placeCountry === p
}

function datesMatch(a: Report, b: Report): { ok: boolean; sameDay: boolean } {
  if (a.date && b.date) return { ok: datesAgree(a.date, b.date), sameDay: a.date === b.date && precisionOf(a.date) === 'day' }
  // A bare day of the month in an undated document matches a full date with that day.
  const bare = a.date ? b : a
  const full = a.date ? a : b
  if (bare.dayOfMonth !== null && full.date && precisionOf(full.date) === 'day') {
    const ok = Number(full.date.slice(8, 10)) === bare.dayOfMonth
    return { ok, sameDay: ok }
  }
  return { ok: false, sameDay: false }
}

/** Two reports name different people for one side of the dyad (Lavrov in one, Ushakov in the other). */
function peopleDiffer(r: Report, s: Report): boolean {
  const people = (x: Report) => [x.source, x.target].filter((a) => a?.type === 'person') as { actorId: string | null; name: string; country: string | null }[]
  return people(r).some((a) => people(s).some((b) => a.country === b.country && (a.actorId ?? a.name) !== (b.actorId ?? b.name)))
}

/** How much two reports look like one event, or null when they cannot be one. */
export function pairScore(a: Item, b: Item): number | null {
  const [r, s] = [a.report, b.report]
  if (r.docId === s.docId || FAMILY[r.type] !== FAMILY[s.type]) return null
  const d = datesMatch(r, s)
  if (!d.ok) return null
  if (!a.key.dyadSides.size || !b.key.dyadSides.size) return null
  // Each dyad among the other's parties; or a one-sided report ("拉夫罗夫抵达利雅得") within the other's dyad.
  const [da, db] = [a.key.dyadSides, b.key.dyadSides]
  const within = (subset(da, b.key.keySides) && subset(db, a.key.keySides)) || (d.sameDay && ((da.size === 1 && subset(da, db)) || (db.size === 1 && subset(db, da))))
  if (!within) return null
  // Two statements are one only when the same speaker made them.
  if (FAMILY[r.type] === 'statement' && (r.source?.actorId ?? r.source?.name) !== (s.source?.actorId ?? s.source?.name)) return null
  const samePlace = placesAgree(a, b)
  const sameDyad = [...a.key.dyadSides].sort().join() === [...b.key.dyadSides].sort().join()
  // A place difference is one account against another only when all else agrees, the people too.
  if (!samePlace && !(d.sameDay && sameDyad && !peopleDiffer(r, s))) return null
  return 1 + (d.sameDay ? 1 : 0) + (sameDyad ? 0.5 : 0) + jaccard(a.key.keyIds, b.key.keyIds) + (r.type === s.type ? 0.25 : 0) - (samePlace ? 0 : 0.5)
}

/** Clusters of item indices; every item is in exactly one. */
export function cluster(items: Item[]): number[][] {
  const pairs: { i: number; j: number; s: number }[] = []
  // Only items of one family can pair: bucket by family so the pair loop stays small.
  const byFamily = new Map<string, number[]>()
  items.forEach((it, i) => {
    const f = FAMILY[it.report.type]
    byFamily.set(f, [...(byFamily.get(f) ?? []), i])
  })
  for (const idx of byFamily.values()) {
    for (let x = 0; x < idx.length; x++) {
      for (let y = x + 1; y < idx.length; y++) {
        const s = pairScore(items[idx[x]!]!, items[idx[y]!]!)
        if (s !== null) pairs.push({ i: idx[x]!, j: idx[y]!, s })
      }
    }
  }
  pairs.sort((p, q) => q.s - p.s || p.i - q.i || p.j - q.j)
  const of = items.map((_, i) => i)
  const members = new Map<number, number[]>(items.map((_, i) => [i, [i]]))
  const ok = new Set(pairs.map((p) => `${p.i},${p.j}`))
  const agree = (i: number, j: number): boolean => ok.has(i < j ? `${i},${j}` : `${j},${i}`)
  for (const { i, j } of pairs) {
    const [ci, cj] = [of[i]!, of[j]!]
    if (ci === cj) continue
    const [a, b] = [members.get(ci)!, members.get(cj)!]
    if (!a.every((x) => b.every((y) => agree(x, y)))) continue
    for (const y of b) of[y] = ci
    members.set(ci, [...a, ...b])
    members.delete(cj)
  }
  return [...members.values()].map((m) => m.sort((p, q) => p - q))
}
