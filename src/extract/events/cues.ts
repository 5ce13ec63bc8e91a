// The cue words of the event rules (lexicon/event-cues.tsv), by family, longest first so that a test with
// startsWith/endsWith finds the fullest word. Loaded once; an unknown family throws with the file and line.
import { readTsv } from '../../lexicon/load.js'

export const CUE_FAMILIES = ['at-place', 'both-sides', 'cessation', 'continues', 'delegation', 'medium-after', 'no-subject', 'pronoun', 'scope-carry', 'threat-condition', 'threat-consequence', 'threat-otherwise', 'truce', 'visit-continues'] as const
export type CueFamily = (typeof CUE_FAMILIES)[number]

export interface Cues {
  words: Record<CueFamily, readonly string[]>
  /** The text starts with a cue of the family, after spaces. */
  opens(family: CueFamily, text: string): boolean
  /** The text ends with a cue of the family. */
  closes(family: CueFamily, text: string): boolean
  /** A cue of the family stands anywhere in the text. */
  within(family: CueFamily, text: string): boolean
  /** The cue of the family that the text starts with, or null. */
  leading(family: CueFamily, text: string): string | null
}

let cached: Cues | null = null

export function eventCues(): Cues {
  if (cached) return cached
  const t = readTsv('event-cues.tsv')
  const words = Object.fromEntries(CUE_FAMILIES.map((f) => [f, [] as string[]])) as Record<CueFamily, string[]>
  t.rows.forEach((r, i) => {
    if (!(CUE_FAMILIES as readonly string[]).includes(r.family!)) throw new Error(`lexicon: event-cues.tsv:${t.lines[i]}: unknown family ${r.family}`)
    words[r.family as CueFamily].push(r.word!)
  })
  for (const f of CUE_FAMILIES) words[f].sort((a, b) => b.length - a.length)
  const leading = (f: CueFamily, text: string): string | null => {
    const s = text.trimStart()
    return words[f].find((w) => s.startsWith(w)) ?? null
  }
  cached = {
    words,
    leading,
    opens: (f, text) => leading(f, text) !== null,
    closes: (f, text) => words[f].some((w) => text.endsWith(w)),
    within: (f, text) => words[f].some((w) => text.includes(w)),
  }
  return cached
}
