// The event lexicons: triggers (event-triggers.tsv), CAMEO labels and PLOVER types (cameo.tsv), and modality
// cues (modality-cues.tsv). Loaded once; a bad row throws with the file and line.
import { EventType, Modality } from '../../core/index.js'
import { readTsv } from '../../lexicon/load.js'
import { matchingForm } from '../../normalize/matching.js'

export const CAMEO_CODEBOOK = 'CAMEO 1.1b3'

/** A cue word of a pattern: where it must stand relative to the trigger, and how far from it at most. */
export interface Cue {
  word: string
  /** before: ends at or before the trigger's start; after: starts at or after its end; any: either. */
  side: 'before' | 'after' | 'any'
  /** Most characters between the cue and the trigger (Infinity: anywhere in the clause). */
  gap: number
}

export type Region = 'any' | 'cn' | 'tw' | 'hk'

export interface Trigger {
  trigger: string
  type: EventType
  cameo: string
  /** The cue cells as written (与<, 达成<6, 发出), for messages. */
  needs: string[]
  cues: Cue[]
  noun: boolean
  region: Region
  /** A sentence written for the row, checked by triggers-lexicon.test.ts. */
  example: string
}

export interface CameoCode {
  code: string
  label: string
  plover: string | null
}

export type ContextKind = 'noun-head' | 'reference-start' | 'refers-before' | 'same-day' | 'after' | 'since'

export interface EventLexicon {
  context: Record<ContextKind, string[]>
  /** Every pattern of a trigger word, cued ones first (in file order), the bare one (if any) last. */
  triggers: Map<string, Trigger[]>
  longestTrigger: number
  /** Every cue word of any pattern, for indexing a clause once. */
  cueWords: Set<string>
  longestCueWord: number
  cameo: Map<string, CameoCode>
  modality: Map<string, Modality>
  longestCue: number
}

let cached: EventLexicon | null = null

const REGIONS = new Set(['any', 'cn', 'tw', 'hk'])

/** A cue cell: 达成 (anywhere in the clause), 与< (before the trigger), 后> (after it), 达成<6 (before, at most 6
 *  characters between them: 达成了一项停火协议). */
export function parseCue(cell: string, where = 'lexicon'): Cue {
  const m = /^([^<>\d]+)(?:([<>])(\d*))?$/.exec(cell)
  if (!m) throw new Error(`${where}: bad cue ${cell} (word, word<, word>, word<N or word>N)`)
  return { word: m[1]!, side: m[2] === '<' ? 'before' : m[2] === '>' ? 'after' : 'any', gap: m[3] ? Number(m[3]) : Infinity }
}

export function eventLexicon(): EventLexicon {
  if (cached) return cached
  const t = readTsv('event-triggers.tsv')
  const triggers = new Map<string, Trigger[]>()
  t.rows.forEach((r, i) => {
    const where = `lexicon: event-triggers.tsv:${t.lines[i]}`
    const type = EventType.safeParse(r.type)
    if (!type.success) throw new Error(`${where}: unknown type ${r.type}`)
    if (!REGIONS.has(r.region!)) throw new Error(`${where}: unknown region ${r.region}`)
    if (r.pos !== 'noun' && r.pos !== 'verb') throw new Error(`${where}: pos must be noun or verb, not ${r.pos}`)
    const needs = r.needs === '-' ? [] : r.needs!.split(',')
    const cues = needs.map((n) => parseCue(n, where)).map((c) => ({ ...c, word: matchingForm(c.word) }))
    const row: Trigger = { trigger: r.trigger!, type: type.data, cameo: r.cameo!, needs, cues, noun: r.pos === 'noun', region: r.region as Region, example: r.example! }
    // Looked up in the matching view: a traditional row (視訊通話) is keyed by its simplified form.
    const key = matchingForm(row.trigger)
    const list = triggers.get(key) ?? []
    if (!cues.length && list.some((x) => !x.cues.length)) throw new Error(`${where}: a second pattern of ${row.trigger} without cues`)
    list.push(row)
    triggers.set(key, list)
  })
  for (const list of triggers.values()) list.sort((a, b) => (a.cues.length ? 0 : 1) - (b.cues.length ? 0 : 1))
  const cueWords = new Set([...triggers.values()].flatMap((l) => l.flatMap((x) => x.cues.map((c) => c.word))))
  const cameo = new Map(readTsv('cameo.tsv').rows.map((r) => [r.code!, { code: r.code!, label: r.label!, plover: r.plover || null }]))
  for (const tr of [...triggers.values()].flat()) if (!cameo.has(tr.cameo)) throw new Error(`lexicon: event-triggers.tsv: ${tr.trigger} has CAMEO ${tr.cameo}, not in cameo.tsv`)
  const m = readTsv('modality-cues.tsv')
  const modality = new Map<string, Modality>()
  m.rows.forEach((r, i) => {
    const mod = Modality.safeParse(r.modality)
    if (!mod.success) throw new Error(`lexicon: modality-cues.tsv:${m.lines[i]}: unknown modality ${r.modality}`)
    modality.set(r.cue!, mod.data)
  })
  const context: Record<ContextKind, string[]> = { 'noun-head': [], 'reference-start': [], 'refers-before': [], 'same-day': [], after: [], since: [] }
  const ctx = readTsv('event-context.tsv')
  ctx.rows.forEach((r, i) => {
    if (!(r.kind! in context)) throw new Error(`lexicon: event-context.tsv:${ctx.lines[i]}: unknown kind ${r.kind}`)
    context[r.kind as ContextKind].push(r.word!)
  })
  // Longest first, so a test with startsWith finds the fullest word.
  for (const k of Object.keys(context) as ContextKind[]) context[k].sort((a, b) => b.length - a.length)
  cached = {
    context,
    triggers,
    longestTrigger: Math.max(...[...triggers.keys()].map((k) => k.length)),
    cueWords,
    longestCueWord: Math.max(0, ...[...cueWords].map((k) => k.length)),
    cameo,
    modality,
    longestCue: Math.max(...[...modality.keys()].map((k) => k.length)),
  }
  return cached
}
