// The record written for the tools analysts use: CSV and JSON Lines for every table, GDELT-style CAMEO TSV and
// PLOVER JSON for events, iCalendar for the timeline. Pure functions of the record; the CLI prints them.
import { stringify } from 'csv-stringify/sync'
import type { Anchor, Claim, MergedEvent, RecordActor, ReprintGroup, Stance } from '../core/record.js'
import { formatMinutes } from './divergence.js'

export const TABLES = ['events', 'reports', 'anchors', 'reprints', 'claims', 'stances'] as const
export type Table = (typeof TABLES)[number]

export interface RecordTables {
  events: MergedEvent[]
  anchors: Anchor[]
  reprints: ReprintGroup[]
  claims?: Claim[]
  stances?: Stance[]
}

const names = (as: RecordActor[]): string => as.map((a) => a.name).join('; ')

/** Flat rows of one table, the same for CSV and JSON Lines. */
export function rows(t: RecordTables, table: Table): Record<string, string | number | null>[] {
  switch (table) {
    case 'events':
      return t.events.map((e) => ({
        id: e.id, date: e.date, type: e.type, cameo: e.cameo, modality: e.modality,
        source: e.source?.name ?? null, target: e.target?.name ?? null, participants: names(e.participants),
        place: e.place, duration: e.duration ? formatMinutes(e.duration) : null, sources: e.sources, reports: e.reports.length,
        divergences: e.divergences.map((d) => `${d.field}: ${d.accounts.map((a) => a.value).join(' / ')}`).join('; '),
        summary_en: e.summary.en, summary_zh: e.summary.zh,
      }))
    case 'reports':
      return t.events.flatMap((e) => e.reports.map((r) => ({
        event_id: e.id, doc_id: r.docId, doc_title: r.docTitle, url: r.url, published: r.published, date: r.date,
        date_inferred: r.dateInferred ? 1 : 0, type: r.type, cameo: r.cameo, modality: r.modality,
        source: r.source?.name ?? null, target: r.target?.name ?? null, participants: names(r.participants), place: r.place,
        duration: r.duration ? formatMinutes(r.duration) : null, reprint_of: r.reprintOf, start: r.start, end: r.end, sentence: r.sentence,
      })))
    case 'anchors':
      return t.anchors.map((a) => ({ doc_id: a.docId, start: a.start, end: a.end, source: a.source, evidence: a.evidence.map((e) => `${e.date}: ${e.how}`).join('; ') }))
    case 'reprints':
      return t.reprints.flatMap((g) => g.docIds.slice(1).map((id) => ({ original_id: g.docIds[0]!, doc_id: id, similarity: g.similarity })))
    case 'claims':
      return (t.claims ?? []).flatMap((c) => c.accounts.map((a) => ({
        quantity: c.quantity, unit: c.unit, differs: c.differs ? 1 : 0, value: a.value, qualifier: a.qualifier, surface: a.surface,
        date: a.date, date_inferred: a.dateInferred ? 1 : 0, doc_id: a.docId, reprint_of: a.reprintOf, sentence: a.sentence,
      })))
    case 'stances':
      return (t.stances ?? []).map((s) => ({ actor_id: s.actorId, actor: s.actor, issue: s.issue, position: s.position, condition: s.condition, cue: s.cue, date: s.date, doc_id: s.docId, evidence: s.evidence }))
  }
}

export function toCsv(rs: Record<string, unknown>[]): string {
  if (!rs.length) return ''
  return stringify(rs, { header: true, columns: Object.keys(rs[0]!) })
}

export function toJsonl(items: unknown[]): string {
  return items.map((x) => JSON.stringify(x) + '\n').join('')
}

/** GDELT 1.0-style event rows: one merged event per row, its first dated source's URL. */
export const CAMEO_TSV_COLUMNS = ['GlobalEventID', 'Day', 'Actor1Code', 'Actor1Name', 'Actor2Code', 'Actor2Name', 'EventCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumSources', 'NumArticles', 'IsPlanned', 'ActionGeo_FullName', 'SOURCEURL'] as const

const cell = (v: unknown): string => (v === null || v === undefined ? '' : String(v).replace(/[\t\r\n]+/g, ' '))

export function toCameoTsv(events: MergedEvent[]): string {
  const lines = [CAMEO_TSV_COLUMNS.join('\t')]
  for (const e of events) {
    const url = e.reports.find((r) => r.url)?.url ?? ''
    lines.push([
      e.id, e.date?.replaceAll('-', '') ?? '', e.source?.code, e.source?.name, e.target?.code, e.target?.name,
      e.cameo, e.cameo.slice(0, 2), e.quadClass, e.goldstein, e.sources, e.reports.length, e.modality === 'planned' ? 1 : 0, e.place, url,
    ].map(cell).join('\t'))
  }
  return lines.join('\n') + '\n'
}

/** PLOVER's consultation modes, read from the CAMEO code; other types have none here. */
const MODE: Record<string, string> = { '041': 'phone', '042': 'visit', '043': 'visit', '044': 'third-party', '046': 'third-party' }

const ploverActor = (a: RecordActor | null) => (a ? { name: a.name, code: a.code, wikidata: a.wikidata, actor_id: a.actorId, country: a.country } : null)

/** PLOVER/POLECAT-style records: event type, mode, context, actors with codes and Wikidata ids. */
export function toPlover(events: MergedEvent[]): object[] {
  return events.map((e) => ({
    event_id: e.id,
    event_date: e.date,
    event_type: e.plover,
    mode: MODE[e.cameo] ?? (e.type === 'meeting' && e.participants.filter((a) => a.type === 'country' || a.country).length > 2 ? 'multilateral' : null),
    context: e.modality === 'planned' ? ['planned'] : [],
    cameo: e.cameo,
    source: ploverActor(e.source),
    target: ploverActor(e.target),
    participants: e.participants.map(ploverActor),
    location: e.place,
    num_sources: e.sources,
    divergences: e.divergences,
    reports: e.reports.map((r) => ({ doc_id: r.docId, url: r.url, published: r.published, date: r.date, sentence: r.sentence, modality: r.modality })),
  }))
}

function icsText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

/** RFC 5545 folding: lines of at most 75 octets, continued with a space, never splitting a character. */
function fold(line: string): string {
  const out: string[] = []
  let cur = ''
  let bytes = 0
  for (const ch of line) {
    const n = Buffer.byteLength(ch)
    if (bytes + n > (out.length ? 74 : 75)) {
      out.push(cur)
      cur = ''
      bytes = 0
    }
    cur += ch
    bytes += n
  }
  out.push(cur)
  return out.join('\r\n ')
}

/** Day-dated events as all-day VEVENTs (planned ones TENTATIVE); events dated only to a month or year are left out. */
export function toIcs(events: MergedEvent[], stamp: string): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//parley//timeline//EN', 'CALSCALE:GREGORIAN']
  const dtstamp = stamp.replace(/[-:]/g, '').replace(/\.\d+/, '')
  for (const e of events) {
    if (e.datePrecision !== 'day' || !e.date) continue
    const day = e.date.replaceAll('-', '')
    const next = new Date(Date.UTC(+e.date.slice(0, 4), +e.date.slice(5, 7) - 1, +e.date.slice(8, 10) + 1)).toISOString().slice(0, 10).replaceAll('-', '')
    const url = e.reports.find((r) => r.url)?.url
    lines.push(
      'BEGIN:VEVENT',
      `UID:${e.id}@parley`,
      `DTSTAMP:${dtstamp}`,
      `DTSTART;VALUE=DATE:${day}`,
      `DTEND;VALUE=DATE:${next}`,
      `SUMMARY:${icsText(e.summary.en)}`,
      `DESCRIPTION:${icsText([e.summary.zh, ...e.reports.map((r) => `${r.docTitle}: ${r.sentence}`)].join('\n'))}`,
      `STATUS:${e.modality === 'planned' ? 'TENTATIVE' : 'CONFIRMED'}`,
      `CATEGORIES:${icsText(e.type)}`,
      ...(e.place ? [`LOCATION:${icsText(e.place)}`] : []),
      ...(url ? [`URL:${url}`] : []),
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(fold).join('\r\n') + '\r\n'
}
