// Measures of extraction quality against hand labels, shared by the corpus tests and bench/html.ts.
// Not used at run time: kept beside the code it measures so a rule change and its score move together.
import type { Published } from '../../core/document.js'

export interface PRF {
  precision: number
  recall: number
  f1: number
}

const f1of = (p: number, r: number): number => (p + r ? (2 * p * r) / (p + r) : 0)

function charCounts(s: string): Map<string, number> {
  const m = new Map<string, number>()
  for (const c of s.replace(/\s+/g, '')) m.set(c, (m.get(c) ?? 0) + 1)
  return m
}

/** Overlap of two multisets: shared items (tp), and the sizes of each. */
function overlap(got: Map<string, number>, want: Map<string, number>): { tp: number; nGot: number; nWant: number } {
  let tp = 0
  let nGot = 0
  let nWant = 0
  for (const [k, n] of got) {
    nGot += n
    tp += Math.min(n, want.get(k) ?? 0)
  }
  for (const n of want.values()) nWant += n
  return { tp, nGot, nWant }
}

/** Precision/recall over the multiset of non-whitespace characters (extracted vs. reference). */
export function charPRF(extracted: string, reference: string): PRF {
  const { tp, nGot, nWant } = overlap(charCounts(extracted), charCounts(reference))
  const precision = nGot ? tp / nGot : nWant ? 0 : 1
  const recall = nWant ? tp / nWant : 1
  return { precision, recall, f1: f1of(precision, recall) }
}

/**
 * The scrapinghub article-extraction-benchmark metric: 4-gram shingles over `\w+` tokens, true/false
 * positives counted on the multisets. A run of Chinese characters is one token there, so this metric is
 * coarse for Chinese; it is kept to compare with published figures (trafilatura F1 0.878 on CWCE).
 */
export function shingleCounts(extracted: string, reference: string, n = 4): { tp: number; fp: number; fn: number } {
  const grams = (s: string): Map<string, number> => {
    const toks = s.match(/[\p{L}\p{N}_]+/gu) ?? []
    const m = new Map<string, number>()
    for (let i = 0; i < Math.max(1, toks.length - n + 1); i++) {
      const g = toks.slice(i, i + n).join(' ')
      if (g) m.set(g, (m.get(g) ?? 0) + 1)
    }
    return m
  }
  const { tp, nGot, nWant } = overlap(grams(extracted), grams(reference))
  return { tp, fp: nGot - tp, fn: nWant - tp }
}

/** The benchmark's aggregate: mean per-page precision and recall, F1 of those means. */
export function shingleAggregate(pages: ReadonlyArray<{ tp: number; fp: number; fn: number }>): PRF {
  const ps: number[] = []
  const rs: number[] = []
  for (const { tp, fp, fn } of pages) {
    if (tp + fp > 0) ps.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fp))
    if (tp + fn > 0) rs.push(fp === 0 && fn === 0 ? 1 : tp / (tp + fn))
  }
  const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0)
  const precision = mean(ps)
  const recall = mean(rs)
  return { precision, recall, f1: f1of(precision, recall) }
}

const pad = (s: string): string => s.padStart(2, '0')

/**
 * Reads a hand label such as `2005-5-7 21:23:57`, `2004-12-10`, `1998-3`, `2018` into the ISO prefix it
 * pins down (`2005-05-07T21:23`, `2004-12-10`, `1998-03`, `2018`), or null when it is not a date.
 */
export function labelPrefix(label: string): string | null {
  const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:\s+(\d{1,2}):(\d{2}))?)?)?/.exec(label.trim())
  if (!m) return null
  let out = m[1]!
  if (m[2]) out += `-${pad(m[2])}`
  if (m[3]) out += `-${pad(m[3])}`
  if (m[4] && m[5]) out += `T${pad(m[4])}:${m[5]}`
  return out
}

/** `at` in the local time of a zone `offsetMin` minutes east of UTC (only for `…Z` values). */
function shift(at: string, offsetMin: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})Z$/.exec(at)
  if (!m) return at
  const t = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) + offsetMin * 60_000)
  return t.toISOString().slice(0, 16)
}

/**
 * True when our date agrees with a label at the label's own precision. A label is local time as shown
 * on the page; our `…Z` value states the same instant in UTC, so it is compared both as UTC and as
 * China Standard Time (UTC+8), the zone of every site in the Chinese corpora.
 */
export function dateAgrees(ours: Published | undefined, label: string): boolean {
  const want = labelPrefix(label)
  if (!want || !ours?.at) return false
  const views = [ours.at.replace(/Z$/, '')]
  if (ours.at.endsWith('Z')) views.push(shift(ours.at, 8 * 60))
  return views.some((v) => v.length >= want.length && v.startsWith(want))
}
