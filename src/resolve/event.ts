// A cluster of reports -> one merged event: the type, date, place and dyad most reports agree on, every report
// kept with its own details, the disagreements listed, the independent sources counted.
import { createHash } from 'node:crypto'
import { EventType } from '../core/extraction.js'
import type { MergedEvent, RecordActor, Report } from '../core/record.js'
import { finer, precisionOf } from './dates.js'
import { divergences, durationsAgree } from './divergence.js'
import type { ResolveLexicon } from './lexicon.js'
import { FAMILY } from './merge.js'
import { summarize } from './summary.js'

export interface CameoInfo {
  label: string
  plover: string | null
}

/** The value most reports give; ties go to the first in `order` (or the first met). */
function majority<T>(values: T[], key: (v: T) => string, order?: (a: T, b: T) => number): T | null {
  const counts = new Map<string, { v: T; n: number; first: number }>()
  values.forEach((v, i) => {
    const k = key(v)
    const c = counts.get(k)
    if (c) c.n++
    else counts.set(k, { v, n: 1, first: i })
  })
  const best = [...counts.values()].sort((a, b) => b.n - a.n || (order ? order(a.v, b.v) : 0) || a.first - b.first)[0]
  return best?.v ?? null
}

const actorKey = (a: RecordActor): string => a.actorId ?? a.name

export function quadClass(cameo: string): number {
  const root = Number(cameo.slice(0, 2))
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4
}

export function mergedEvent(reports: Report[], lex: ResolveLexicon, cameoInfo: (code: string) => CameoInfo, zhName: (a: RecordActor) => string, placesAgree: (a: string, b: string) => boolean): MergedEvent {
  // Reports that say it happened describe it better than plans: they vote first.
  const voters = reports.some((r) => r.modality === 'reported') ? reports.filter((r) => r.modality === 'reported') : reports
  const type = majority(voters.map((r) => r.type), String, (a, b) => EventType.options.indexOf(a) - EventType.options.indexOf(b))!
  const cameo = majority(voters.filter((r) => r.type === type).map((r) => r.cameo), String)!
  const date = reports.reduce<string | null>((d, r) => finer(d, r.date), null)
  const places = reports.map((r) => r.place).filter((p): p is string => p !== null)
  const place = majority(places, String) ?? null
  const source = majority(voters.map((r) => r.source).filter((a): a is RecordActor => a !== null), actorKey)
  const target = majority(
    voters.filter((r) => r.source && source && actorKey(r.source) === actorKey(source)).map((r) => r.target).filter((a): a is RecordActor => a !== null),
    actorKey,
  )
  const participants = new Map<string, RecordActor>()
  for (const r of reports) for (const a of r.participants) if (!participants.has(actorKey(a))) participants.set(actorKey(a), a)
  const modality = reports.some((r) => r.modality === 'reported') ? 'reported' : reports.some((r) => r.modality === 'planned') ? 'planned' : 'historical'
  const sources = new Set(reports.map((r) => r.reprintOf ?? r.docId)).size
  const divs = divergences(reports, placesAgree)
  const durations = reports.filter((r) => r.reprintOf === null).map((r) => r.duration).filter((d) => d !== null)
  // The duration most accounts agree with, stated as the first of them states it.
  const duration = [...durations].sort((a, b) => durations.filter((d) => durationsAgree(d, b)).length - durations.filter((d) => durationsAgree(d, a)).length)[0] ?? null
  const info = cameoInfo(cameo)
  const fields: Omit<MergedEvent, 'id' | 'summary'> = {
    type,
    family: FAMILY[type],
    cameo,
    cameoLabel: info.label,
    plover: info.plover,
    quadClass: quadClass(cameo),
    goldstein: lex.goldstein(cameo),
    date,
    datePrecision: precisionOf(date),
    place,
    source,
    target,
    participants: [...participants.values()],
    modality,
    sources,
    reports: [...reports].sort((a, b) => (a.published ?? '9') < (b.published ?? '9') ? -1 : a.published === b.published ? (a.docId < b.docId ? -1 : 1) : 1),
    divergences: divs,
    duration,
  }
  return { id: eventId(fields.family, date, [source, target]), ...fields, summary: summarize(fields, zhName) }
}

/** A merged event's id: a hash of its key (type family, date, sorted dyad actor ids), stable across runs. */
export function eventId(family: string, date: string | null, dyad: (RecordActor | null)[]): string {
  const ids = dyad.filter((a): a is RecordActor => a !== null).map(actorKey).sort()
  return createHash('sha256').update([family, date ?? '', ...ids].join('\u0000')).digest('hex').slice(0, 16)
}
