// The same quantity in a canonical unit, so sources compare: 一个半小时 = 90 minutes = 1.5小时, 五分之一 = 20%.
// Durations under a day in minutes, longer ones in days (a month as 30 days, a year as 365); shares written as
// words or fractions in percent. Null when the stated unit already is the canonical one.
import type { NumberFact, Unit } from '../../core/extraction.js'

/** Minutes in one of each time unit (a month as 30 days, a year as 365). */
export const MINUTES: Partial<Record<Unit, number>> = { minute: 1, hour: 60, day: 1440, week: 10080, month: 43200, year: 525600 }

const round2 = (v: number): number => Math.round(v * 100) / 100

export function normalizedQuantity(value: number, unit: Unit, ruleId: string): NumberFact['normalized'] {
  const perUnit = MINUTES[unit]
  if (perUnit !== undefined) {
    const minutes = value * perUnit
    const canonical = minutes < 1440 ? { value: round2(minutes), unit: 'minute' as const } : { value: round2(minutes / 1440), unit: 'day' as const }
    return canonical.unit === unit && canonical.value === value ? null : canonical
  }
  if (unit === 'percent' && ruleId !== 'number.percent') return { value, unit: 'percent' }
  return null
}
