// The event lexicons: triggers (event-triggers.tsv), CAMEO labels and PLOVER types (cameo.tsv), and modality
// cues (modality-cues.tsv). Loaded once; a bad row throws with the file and line.
import { EventType, Modality } from '../../core/index.js'
import { readTsv } from '../../lexicon/load.js'

export const CAMEO_CODEBOOK = 'CAMEO 1.1b3'

export interface Trigger {
  trigger: string
  type: EventType
  cameo: string
  needs: string[]
  noun: boolean
}

export interface CameoCode {
  code: string
  label: string
  plover: string | null
}

export type ContextKind = 'noun-head' | 'reference-start' | 'refers-before' | 'same-day' | 'after' | 'since'

export interface EventLexicon {
  context: Record<ContextKind, string[]>
  triggers: Map<string, Trigger>
  longestTrigger: number
  cameo: Map<string, CameoCode>
  modality: Map<string, Modality>
  longestCue: number
}

let cached: EventLexicon | null = null

export function eventLexicon(): EventLexicon {
  if (cached) return cached
  const t = readTsv('event-triggers.tsv')
  const triggers = new Map<string, Trigger>()
  t.rows.forEach((r, i) => {
    const type = EventType.safeParse(r.type)
    if (!type.success) throw new Error(`lexicon: event-triggers.tsv:${t.lines[i]}: unknown type ${r.type}`)
    triggers.set(r.trigger!, { trigger: r.trigger!, type: type.data, cameo: r.cameo!, needs: r.needs === '-' ? [] : r.needs!.split(','), noun: r.pos === 'noun' })
  })
  const cameo = new Map(readTsv('cameo.tsv').rows.map((r) => [r.code!, { code: r.code!, label: r.label!, plover: r.plover || null }]))
  for (const tr of triggers.values()) if (!cameo.has(tr.cameo)) throw new Error(`lexicon: event-triggers.tsv: ${tr.trigger} has CAMEO ${tr.cameo}, not in cameo.tsv`)
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
    cameo,
    modality,
    longestCue: Math.max(...[...modality.keys()].map((k) => k.length)),
  }
  return cached
}
