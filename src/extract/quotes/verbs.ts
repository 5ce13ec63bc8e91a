// Reporting verbs (lexicon/reporting-verbs.tsv) found in a stretch of text by longest match, so that
// 说法 or 称为 block the 说 and 称 inside them.
import { readTsv } from '../../lexicon/load.js'

export type VerbKind = 'say' | 'tell' | 'write' | 'announce' | 'warn' | 'believe' | 'reply' | 'ask' | 'appeal' | 'cite' | 'report' | 'not'

export interface VerbHit {
  start: number
  end: number
  verb: string
  kind: Exclude<VerbKind, 'not'>
}

let table: Map<string, VerbKind> | null = null
let longest = 0

export function reportingVerbs(): Map<string, VerbKind> {
  if (!table) {
    table = new Map(readTsv('reporting-verbs.tsv').rows.map((r) => [r.verb!, r.kind as VerbKind]))
    longest = Math.max(...[...table.keys()].map((k) => k.length))
  }
  return table
}

/** Every reporting verb in text[from, to), left to right, longest match first at each position. */
export function findVerbs(text: string, from: number, to: number): VerbHit[] {
  const verbs = reportingVerbs()
  const hits: VerbHit[] = []
  for (let i = from; i < to; ) {
    let matched = 0
    for (let len = Math.min(longest, to - i); len > 0; len--) {
      const kind = verbs.get(text.slice(i, i + len))
      if (!kind) continue
      matched = len
      if (kind !== 'not') hits.push({ start: i, end: i + len, verb: text.slice(i, i + len), kind })
      break
    }
    i += matched || 1
  }
  return hits
}
