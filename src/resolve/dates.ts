// ISO dates cut to precision (2025-02-12, 2025-02, 2025) and the arithmetic the resolve stage needs.

/** Two dates agree when one is a prefix of the other: a day within a month-only date agrees, two days must be equal. */
export function datesAgree(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a)
}

export function precisionOf(d: string | null): 'day' | 'month' | 'year' | 'none' {
  if (!d) return 'none'
  return d.length >= 10 ? 'day' : d.length >= 7 ? 'month' : 'year'
}

/** The more precise of two agreeing dates. */
export function finer(a: string | null, b: string | null): string | null {
  if (!a) return b
  if (!b) return a
  return b.length > a.length ? b : a
}

export function addDays(day: string, n: number): string {
  const t = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) + n * 86_400_000
  return new Date(t).toISOString().slice(0, 10)
}

/** The day numbered `dom` nearest to `near` (in its month, the one before or the one after). */
export function nearestDayOfMonth(dom: number, near: string): string | null {
  const y = Number(near.slice(0, 4))
  const m = Number(near.slice(5, 7)) - 1
  const t0 = Date.UTC(y, m, Number(near.slice(8, 10)))
  let best: { t: number; iso: string } | null = null
  for (const dm of [-1, 0, 1]) {
    const t = Date.UTC(y, m + dm, dom)
    const d = new Date(t)
    if (d.getUTCDate() !== dom) continue // 31日 in a 30-day month
    if (!best || Math.abs(t - t0) < Math.abs(best.t - t0)) best = { t, iso: d.toISOString().slice(0, 10) }
  }
  return best?.iso ?? null
}
