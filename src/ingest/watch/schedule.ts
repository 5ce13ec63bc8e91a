// When a feed is polled next. Each feed has its own phase within the interval (from a hash of its URL), so a
// hundred feeds added at once are polled across the interval, not in one burst; failures back off
// exponentially, and a server's Retry-After (seconds or an HTTP date) is honoured.

import { createHash } from 'node:crypto'

export const MAX_BACKOFF_MS = 24 * 3600_000
/** A Retry-After further away than this is taken as this (a misconfigured server must not stop a feed for good). */
export const MAX_RETRY_AFTER_MS = 7 * 24 * 3600_000

/** The feed's offset within the interval, in ms: stable for a URL, spread evenly over URLs. */
export function phaseOf(url: string, intervalMs: number): number {
  const h = createHash('sha256').update(url).digest()
  return h.readUIntBE(0, 6) % intervalMs
}

/**
 * The feed's next slot at least half an interval after `nowMs`: polls settle one interval apart at the feed's
 * phase, and a first poll made off-phase is never followed by a second one moments later.
 */
export function nextSlot(nowMs: number, phaseMs: number, intervalMs: number): number {
  const earliest = nowMs + intervalMs / 2
  const k = Math.ceil((earliest - phaseMs) / intervalMs)
  return phaseMs + k * intervalMs
}

/** The wait after `failures` polls in a row failed (1, 2, …): one interval, then twice, four times… at most a day. */
export function backoffMs(failures: number, intervalMs: number): number {
  const n = Math.max(1, failures)
  return Math.min(intervalMs * 2 ** Math.min(n - 1, 30), Math.max(intervalMs, MAX_BACKOFF_MS))
}

/**
 * A Retry-After header as a wait in ms from `nowMs`, or null when it is neither a number of seconds nor an HTTP
 * date. The wait is at least a minute (or the interval, if shorter), so a server answering "0" is not hammered.
 */
export function retryAfterMs(header: string | null, nowMs: number, intervalMs: number): number | null {
  if (!header) return null
  const v = header.trim()
  let wait: number
  if (/^\d+$/.test(v)) wait = Number(v) * 1000
  else {
    const at = Date.parse(v)
    if (Number.isNaN(at) || !/[a-z]/i.test(v)) return null
    wait = at - nowMs
  }
  return Math.min(Math.max(wait, Math.min(intervalMs, 60_000)), MAX_RETRY_AFTER_MS)
}
