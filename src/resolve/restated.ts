// One document often tells an event twice: a lead that dates it only to the month ("2025年2月，美俄两国于沙地
// 阿拉伯利雅德展开谈判") and, further down, the day ("正式谈判於2月18日舉行"). The merger never joins two reports of
// one document (most are different events), so such a restatement is found here first: a month-dated report
// with exactly one better-dated report in its own document that it can be (same family, a day inside its month,
// the same parties, no other place). It then joins whatever event that report joins, as a second report of
// the same source, instead of standing as an event of its own.
import { precisionOf } from './dates.js'
import { FAMILY, placesAgree, type Item } from './merge.js'

const subset = (a: Set<string>, b: Set<string>): boolean => [...a].every((x) => b.has(x))

/** Two reports of one document could be one event: one's dyad among the other's parties. */
function compatible(coarse: Item, host: Item): boolean {
  const [c, h] = [coarse.report, host.report]
  if (FAMILY[c.type] !== FAMILY[h.type] || !h.date || precisionOf(h.date) !== 'day' || !h.date.startsWith(c.date!)) return false
  if (!placesAgree(coarse, host)) return false
  const [dc, dh] = [coarse.key.dyadSides, host.key.dyadSides]
  return dc.size > 0 && dh.size > 0 && (subset(dc, host.key.keySides) || subset(dh, coarse.key.keySides))
}

/** Index of each restating item -> the index of the item it restates. */
export function restatements(items: Item[]): Map<number, number> {
  const byDoc = new Map<string, number[]>()
  items.forEach((it, i) => byDoc.set(it.report.docId, [...(byDoc.get(it.report.docId) ?? []), i]))
  const out = new Map<number, number>()
  for (const idx of byDoc.values()) {
    for (const i of idx) {
      const c = items[i]!
      if (precisionOf(c.report.date) !== 'month') continue
      const hosts = idx.filter((j) => j !== i && compatible(c, items[j]!))
      // A report of the same type is the better reading; two equally good hosts leave it on its own.
      const same = hosts.filter((j) => items[j]!.report.type === c.report.type)
      const pick = same.length ? same : hosts
      if (pick.length === 1) out.set(i, pick[0]!)
    }
  }
  return out
}
