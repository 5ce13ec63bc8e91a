// Facts of a document looked up by where they stand. The event and quote stages ask, for each trigger, which
// mentions lie in its clause or sentence; filtering every mention of the document each time made extraction
// grow with the square of the document's length. Sorted once, each lookup is a binary search plus the hits.
import type { Span } from '../core/index.js'

export class ByOffset<T extends Span> {
  private readonly items: readonly T[]
  constructor(items: readonly T[]) {
    this.items = [...items].sort((a, b) => a.start - b.start || a.end - b.end)
  }

  /** The first index whose item starts at or after `at`. */
  private lower(at: number): number {
    let lo = 0
    let hi = this.items.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (this.items[mid]!.start < at) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** Items lying wholly inside [start, end), in order. */
  within(start: number, end: number): T[] {
    const out: T[] = []
    for (let i = this.lower(start); i < this.items.length && this.items[i]!.start < end; i++) if (this.items[i]!.end <= end) out.push(this.items[i]!)
    return out
  }

  /** Items overlapping [start, end). Items are short (names, quotes up to a paragraph): look back a bounded way. */
  overlapping(start: number, end: number, longest = 4096): T[] {
    const out: T[] = []
    for (let i = this.lower(start - longest); i < this.items.length && this.items[i]!.start < end; i++) if (this.items[i]!.end > start) out.push(this.items[i]!)
    return out
  }

  /** Some item covers offset i. */
  covers(i: number, longest = 4096): boolean {
    return this.overlapping(i, i + 1, longest).length > 0
  }

  get all(): readonly T[] {
    return this.items
  }
}
