// What the grammar read in a time expression, before any reference date is applied. The grammar
// (patterns.ts) turns text into these; the resolver (resolve.ts) turns them into dates.
import type { TimeExpr } from '../../core/index.js'
import type { Unit } from './words.js'

export type Spec =
  | { t: 'ymd'; y: number; m: number; d: number } // 2025年2月12日, 2025-02-12
  | { t: 'ym'; y: number; m: number } // 2024年6月
  | { t: 'y'; y: number } // 1991年
  | { t: 'decade'; y: number } // 1990年代
  | { t: 'md'; m: number; d: number } // 2月17日: the year is the reference's nearest
  | { t: 'm'; m: number } // 1月: likewise
  | { t: 'd'; d: number } // 12日: the reference month, or the one before
  | { t: 'weekday'; wd: number; week: number | null } // 周二 (week null: bare), 上周五 (week -1)
  | { t: 'weekend'; week: number | null } // 周末, 上周末
  | { t: 'dated-weekday'; wd: number; date: Spec } // 星期二(2月18日), 2月18日(周二)
  // 上周, 今年, 今年1月20日, 上月12日: `offset` units from the reference, then the month/day given
  | { t: 'rel'; unit: Unit; offset: number; month: number | null; day: number | null }
  // 当天, 次日, 同年3月: like rel, but counted from the last date the text named before it
  | { t: 'anchor'; unit: Unit; offset: number; month: number | null; day: number | null }
  | { t: 'ago'; unit: Unit; n: number } // 两年前, 3天前
  | { t: 'span'; unit: Unit; from: number; to: number; vague: boolean } // 几天前, 未来3个月, 近期
  | { t: 'day-range'; first: Spec; lastMonth: number | null; lastDay: number } // 12日至14日, 2月28日至3月2日
  | { t: 'zone' } // 当地时间

/** A sub-range of a month or a year named by a suffix: 上旬 = days 1-10, 年底 = months 10-12. */
export interface Part {
  unit: 'month' | 'year'
  from: number
  to: number
}

/** How a bare date's clause points it: to the future by a marker (将于14日), or by default to the past. */
export type Cue = 'future' | 'future-weak' | null

export interface Candidate {
  start: number
  end: number
  ruleId: string
  kind: TimeExpr['kind']
  spec: Spec
  confidence: number
  cue: Cue
  /** 早些时候 / 晚些时候 after it: earlier or later within the period. */
  lean: 'early' | 'late' | null
  part: Part | null
  /** Inside “…”: the speaker's 今天 is the day they spoke, which may not be the publication day. */
  quoted: boolean
}

/** The finest unit a spec names, used to pick the suffixes that may follow it. */
export function grain(spec: Spec): Unit | 'none' {
  switch (spec.t) {
    case 'ymd':
    case 'md':
    case 'd':
    case 'weekday':
    case 'dated-weekday':
      return 'day'
    case 'ym':
    case 'm':
      return 'month'
    case 'y':
      return 'year'
    case 'rel':
    case 'anchor':
      return spec.day !== null ? 'day' : spec.month !== null ? 'month' : spec.unit
    default:
      return 'none'
  }
}
