// Claims: numbers about the same quantity compared across sources and time (Russia's share of Ukraine's
// territory: 约18% in January 2024, 约五分之一 in March 2025). Durations are left to the events they measure
// (divergence.ts): two articles' "通话持续约1小时" are usually about two different calls.
import type { Document } from '../core/document.js'
import type { Extraction, NumberFact } from '../core/extraction.js'
import type { Claim, ClaimAccount } from '../core/record.js'
import { matchingForm } from '../normalize/matching.js'

const EVENT_LENGTHS = new Set(['minute', 'hour'])

export interface ClaimSource {
  doc: Document
  ex: Extraction
  date: string | null
  dateInferred: boolean
  reprintOf: string | null
}

/** Two quantities are one when one names the other's head: 领土 and 乌克兰领土 (Chinese puts the head last). */
function sameQuantity(a: string, b: string): boolean {
  return a.length >= 2 && b.length >= 2 && (a.endsWith(b) || b.endsWith(a))
}

function canonical(n: NumberFact): { value: number; unit: string } {
  return n.normalized ?? { value: n.value, unit: n.unit }
}

export function claims(sources: ClaimSource[]): Claim[] {
  const groups: { quantity: string; unit: string; accounts: ClaimAccount[] }[] = []
  for (const s of sources) {
    for (const n of s.ex.numbers) {
      if (!n.about || n.range || EVENT_LENGTHS.has(n.unit)) continue
      const { value, unit } = canonical(n)
      const about = matchingForm(n.about)
      const sentence = s.doc.sentences.find((x) => x.start <= n.start && n.end <= x.end)
      const account: ClaimAccount = {
        value, qualifier: n.qualifier, surface: n.surface, docId: s.doc.id, date: s.date, dateInferred: s.dateInferred,
        sentence: sentence ? s.doc.text.slice(sentence.start, sentence.end) : n.surface, reprintOf: s.reprintOf,
      }
      const g = groups.find((x) => x.unit === unit && sameQuantity(x.quantity, about))
      if (!g) groups.push({ quantity: about, unit, accounts: [account] })
      else {
        // The longer name says more: 乌克兰领土 over 领土.
        if (about.length > g.quantity.length) g.quantity = about
        if (!g.accounts.some((a) => a.docId === account.docId && a.value === account.value)) g.accounts.push(account)
      }
    }
  }
  return groups
    .filter((g) => new Set(g.accounts.map((a) => a.reprintOf ?? a.docId)).size >= 2)
    .map((g) => {
      const accounts = [...g.accounts].sort((a, b) => (a.date ?? '9') < (b.date ?? '9') ? -1 : (a.date ?? '9') > (b.date ?? '9') ? 1 : 0)
      return { quantity: g.quantity, unit: g.unit, accounts, differs: new Set(accounts.map((a) => a.value)).size > 1 }
    })
    .sort((a, b) => (a.quantity < b.quantity ? -1 : 1))
}
