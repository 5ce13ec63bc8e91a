// Reprints: many outlets print the same agency copy. Near-duplicate documents are found by MinHash over
// character shingles of their matching view (simplified script, so a Taiwanese reprint of a mainland story is
// still a reprint) and grouped; the earliest published is the original.
//
// Hand-written because no maintained npm package fits: `minhash` has not been released since 2017, and
// bloom-filters' MinHashFactory allocates its whole hash universe up front (it ran out of memory on 2^32).
// MinHash itself is a few lines: k salted 32-bit hashes, keep each one's minimum over the shingles.
import type { ReprintGroup } from '../core/record.js'

export const SHINGLE = 5
export const HASHES = 128
/** Estimated Jaccard similarity of shingle sets at or above which two documents are one story. */
export const REPRINT_THRESHOLD = 0.7

/** FNV-1a of a string with a salt: fast, 32 bits, good enough to spread shingles. */
function fnv(s: string, salt: number): number {
  let h = (0x811c9dc5 ^ salt) >>> 0
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  // A final avalanche (from murmur3's fmix32): FNV alone leaves the low bits of similar strings alike.
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b) >>> 0
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

export function shingles(text: string, k = SHINGLE): Set<string> {
  // Punctuation and spacing differ between outlets' copies of one story; the words do not.
  const t = text.replace(/[\s\p{P}\p{S}]/gu, '')
  const out = new Set<string>()
  for (let i = 0; i + k <= t.length; i++) out.add(t.slice(i, i + k))
  return out
}

export function signature(text: string, hashes = HASHES): Uint32Array {
  const sig = new Uint32Array(hashes).fill(0xffffffff)
  for (const sh of shingles(text)) {
    for (let i = 0; i < hashes; i++) {
      const h = fnv(sh, i * 0x9e3779b1)
      if (h < sig[i]!) sig[i] = h
    }
  }
  return sig
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++
  return same / a.length
}

export interface ReprintInput {
  docId: string
  text: string // the matching view
  published: string | null
}

/** Groups of near-duplicates, each original first; documents without a twin are in no group. */
export function findReprints(docs: ReprintInput[], threshold = REPRINT_THRESHOLD): ReprintGroup[] {
  const sigs = docs.map((d) => signature(d.text))
  const parent = docs.map((_, i) => i)
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
  for (let i = 0; i < docs.length; i++) {
    for (let j = i + 1; j < docs.length; j++) {
      const s = similarity(sigs[i]!, sigs[j]!)
      if (s < threshold) continue
      parent[find(j)] = find(i)
    }
  }
  const groups = new Map<number, number[]>()
  docs.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]))
  const out: ReprintGroup[] = []
  for (const g of groups.values()) {
    if (g.length < 2) continue
    // The original: published first; undated copies after dated ones; ties by id, so the choice is stable.
    g.sort((x, y) => {
      const [p, q] = [docs[x]!.published, docs[y]!.published]
      if (p !== q) return p === null ? 1 : q === null ? -1 : p < q ? -1 : 1
      return docs[x]!.docId < docs[y]!.docId ? -1 : 1
    })
    const o = g[0]!
    const sims = g.slice(1).map((i) => similarity(sigs[o]!, sigs[i]!))
    out.push({ docIds: g.map((i) => docs[i]!.docId), similarity: Math.round(Math.min(...sims) * 100) / 100 })
  }
  return out.sort((a, b) => (a.docIds[0]! < b.docIds[0]! ? -1 : 1))
}
