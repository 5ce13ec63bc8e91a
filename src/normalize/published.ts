// Which of a document's date candidates is its publication time. Every candidate carries its source; the
// choice follows who states it and how exactly:
//   1. what the user states (--published, then a sidecar file): they know what they saved;
//   2. the publisher's own statements: the feed item's date, page metadata (meta tags, JSON-LD, <time>),
//      and a dateline whose time zone is known (… 07:27:23 GMT);
//   3. a feed exporter's epoch stamp: an exact instant, but of when the item was exported, which is at or
//      after publication, so a zoned dateline in the article itself beats it;
//   4. a dateline in local time with no zone (25/01/2024 - 19:26): a true statement we cannot place on UTC,
//      so an exact stamp beats it.
// Within a rank, the finer precision wins, then the order the readers gave. Nothing stated means unknown.
import { UNKNOWN_DATE, type Published } from '../core/index.js'

const PRECISION = { minute: 4, day: 3, month: 2, year: 1, unknown: 0 } as const

function rank(p: Published): number {
  switch (p.source) {
    case 'user':
      return 10
    case 'sidecar':
      return 9
    case 'feed':
    case 'meta-tag':
    case 'json-ld':
      return 7
    case 'time-element':
      return 6
    case 'text-pattern':
      return p.at?.endsWith('Z') ? 6 : 4
    case 'epoch-comment':
      return 5
    case 'inferred':
      return 2
    case 'none':
      return 0
  }
}

export function choosePublished(candidates: readonly Published[]): Published {
  let best: Published | null = null
  let bestKey = -1
  for (const c of candidates) {
    if (!c.at || c.precision === 'unknown') continue
    const key = rank(c) * 10 + PRECISION[c.precision]
    if (key > bestKey) {
      best = c
      bestKey = key
    }
  }
  return best ?? UNKNOWN_DATE
}
