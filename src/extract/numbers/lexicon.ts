// The two number lexicons (lexicon/number-units.tsv, lexicon/number-qualifiers.tsv), read once and indexed by
// first character so the scanner only tries entries that can match where it stands.
import { Unit } from '../../core/extraction.js'
import type { NumberFact } from '../../core/extraction.js'
import { readTsv } from '../../lexicon/load.js'

export type Family = 'duration' | 'percent' | 'money' | 'count' | 'person' | 'distance' | 'area'
const FAMILIES: readonly string[] = ['duration', 'percent', 'money', 'count', 'person', 'distance', 'area', 'none']

export interface UnitWord {
  surface: string
  /** Null for a word that only looks like a unit (个百分点): it blocks the shorter match (个). */
  unit: Unit | null
  /** How many of `unit` one stated unit is: 1 for most, 0.001 for 米 (km). */
  factor: number
  family: Family | 'none'
  position: 'before' | 'after'
  /** The unit is also a date word (2025年, 12日): it counts only next to a duration cue. */
  needsCue: boolean
  /** The unit counts only before the noun of a plan or list (12点和平方案, 五点共识): 点 is also a time of day. */
  needsPlan: boolean
}

export type Qualifier = NonNullable<NumberFact['qualifier']>
const QUALIFIERS: readonly string[] = ['about', 'over', 'nearly', 'under', 'at-least', 'at-most', 'none']

export interface QualifierWord {
  surface: string
  /** null for a word that only looks like a qualifier (最近 is not 近 = nearly): it blocks the shorter match. */
  qualifier: Qualifier | null
  position: 'before' | 'after' | 'after-unit'
  /** Only after a time unit (3年多) when 'duration'. */
  durationOnly: boolean
}

export interface NumberLexicon {
  units: UnitWord[]
  qualifiers: QualifierWord[]
  /** After-units by first character, longest first. */
  after: Map<string, UnitWord[]>
  /** Before-units (百分之, 人民币) by last character, longest first. */
  before: Map<string, UnitWord[]>
  /** Qualifiers by position, then by first (after) or last (before) character, longest first. */
  qualBefore: Map<string, QualifierWord[]>
  qualAfter: Map<string, QualifierWord[]>
  qualAfterUnit: Map<string, QualifierWord[]>
  /** Nouns of a plan or list after N点 (number-cues.tsv). */
  planNouns: string[]
  /** Nouns after N年 that make the years a length (10年安全保障). */
  yearNouns: string[]
}

function index<T extends { surface: string }>(rows: T[], key: (s: string) => string): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const r of rows) {
    const k = key(r.surface)
    const list = m.get(k) ?? []
    list.push(r)
    m.set(k, list)
  }
  for (const list of m.values()) list.sort((a, b) => b.surface.length - a.surface.length)
  return m
}

const first = (s: string): string => s[0]!
const last = (s: string): string => s[s.length - 1]!

export function readUnits(): UnitWord[] {
  const name = 'number-units.tsv'
  const t = readTsv(name)
  return t.rows.map((r, i) => {
    const where = `lexicon: ${name}:${t.lines[i]}`
    const family = r.family as Family | 'none'
    if (!FAMILIES.includes(family)) throw new Error(`${where}: unknown family '${r.family}'`)
    const unit = family === 'none' && r.unit === '-' ? { success: true as const, data: null } : Unit.safeParse(r.unit)
    if (!unit.success) throw new Error(`${where}: unknown unit '${r.unit}'`)
    const factor = Number(r.factor)
    if (!(factor > 0)) throw new Error(`${where}: factor '${r.factor}' is not a positive number`)
    if (r.position !== 'before' && r.position !== 'after') throw new Error(`${where}: position must be before or after`)
    if (r.needs !== '-' && r.needs !== 'duration-cue' && r.needs !== 'plan-cue') throw new Error(`${where}: needs must be -, duration-cue or plan-cue`)
    return { surface: r.surface!, unit: unit.data, factor, family, position: r.position, needsCue: r.needs === 'duration-cue', needsPlan: r.needs === 'plan-cue' }
  })
}

export function readQualifiers(): QualifierWord[] {
  const name = 'number-qualifiers.tsv'
  const t = readTsv(name)
  return t.rows.map((r, i) => {
    const where = `lexicon: ${name}:${t.lines[i]}`
    if (!QUALIFIERS.includes(r.qualifier!)) throw new Error(`${where}: unknown qualifier '${r.qualifier}'`)
    const position = r.position
    if (position !== 'before' && position !== 'after' && position !== 'after-unit') {
      throw new Error(`${where}: position must be before, after or after-unit`)
    }
    if (r.applies !== 'any' && r.applies !== 'duration') throw new Error(`${where}: applies must be any or duration`)
    const qualifier = r.qualifier === 'none' ? null : (r.qualifier as Qualifier)
    return { surface: r.surface!, qualifier, position, durationOnly: r.applies === 'duration' }
  })
}

function readCues(): { planNouns: string[]; yearNouns: string[] } {
  const name = 'number-cues.tsv'
  const t = readTsv(name)
  const out = { planNouns: [] as string[], yearNouns: [] as string[] }
  t.rows.forEach((r, i) => {
    if (r.kind === 'plan-noun') out.planNouns.push(r.word!)
    else if (r.kind === 'year-noun') out.yearNouns.push(r.word!)
    else throw new Error(`lexicon: ${name}:${t.lines[i]}: unknown kind '${r.kind}'`)
  })
  return out
}

let cached: NumberLexicon | null = null

export function numberLexicon(): NumberLexicon {
  if (cached) return cached
  const units = readUnits()
  const qualifiers = readQualifiers()
  cached = {
    units,
    qualifiers,
    after: index(units.filter((u) => u.position === 'after'), first),
    before: index(units.filter((u) => u.position === 'before'), last),
    qualBefore: index(qualifiers.filter((q) => q.position === 'before'), last),
    qualAfter: index(qualifiers.filter((q) => q.position === 'after'), first),
    qualAfterUnit: index(qualifiers.filter((q) => q.position === 'after-unit'), first),
    ...readCues(),
  }
  return cached
}
