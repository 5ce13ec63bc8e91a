// The word lists of the time grammar, read once from lexicon/time-words.tsv (see its header for the kinds).
import { readTsv } from '../../lexicon/load.js'

export type Unit = 'day' | 'week' | 'month' | 'year'
export const UNITS: readonly Unit[] = ['day', 'week', 'month', 'year']

export type WordKind = 'rel' | 'anchor' | 'vague' | 'future' | 'future-weak' | 'not-future' | 'zone'
const KINDS: readonly WordKind[] = ['anchor', 'future', 'future-weak', 'not-future', 'rel', 'vague', 'zone']

export interface TimeWord {
  kind: WordKind
  word: string
  /** For rel, anchor and vague words; null for markers and zones. */
  unit: Unit | null
  from: number
  to: number
  notPrev: string
  notNext: string
  line: number
}

export const TIME_WORDS_FILE = 'time-words.tsv'

function toInt(s: string | undefined, what: string): number {
  if (s === undefined || !/^-?\d+$/.test(s)) throw new Error(`lexicon: ${TIME_WORDS_FILE}: ${what}: not an integer: ${s ?? ''}`)
  return Number(s)
}

function parse(): TimeWord[] {
  const tsv = readTsv(TIME_WORDS_FILE)
  return tsv.rows.map((r, i) => {
    const line = tsv.lines[i] ?? 0
    const where = `line ${line}`
    const kind = r.kind as WordKind
    if (!KINDS.includes(kind)) throw new Error(`lexicon: ${TIME_WORDS_FILE}: ${where}: unknown kind ${r.kind ?? ''}`)
    const word = r.word ?? ''
    if (!word) throw new Error(`lexicon: ${TIME_WORDS_FILE}: ${where}: empty word`)
    const counted = kind === 'rel' || kind === 'anchor' || kind === 'vague'
    const unit = counted ? (r.unit as Unit) : null
    if (counted && !UNITS.includes(unit as Unit)) throw new Error(`lexicon: ${TIME_WORDS_FILE}: ${where}: unknown unit ${r.unit ?? ''}`)
    const dash = (s: string | undefined): string => (s === undefined || s === '-' ? '' : s)
    return {
      kind,
      word,
      unit,
      from: counted ? toInt(r.from, where) : 0,
      to: counted ? toInt(r.to, where) : 0,
      notPrev: dash(r.notprev),
      notNext: dash(r.notnext),
      line,
    }
  })
}

let cache: TimeWord[] | null = null

/** Every row of lexicon/time-words.tsv, in file order. */
export function timeWords(): readonly TimeWord[] {
  cache ??= parse()
  return cache
}

export function wordsOf(...kinds: WordKind[]): TimeWord[] {
  return timeWords().filter((w) => kinds.includes(w.kind))
}

/** A regex alternation of the words, longest first, so a longer word wins at the same position. */
export function alternation(words: readonly { word: string }[]): string {
  return [...words]
    .map((w) => w.word)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')
}
