// Watching: poll the feeds that are due (a few at a time), then sleep until the next one is, until stopped.
// `pollDue` is one round (what `parley watch --once` and cron use); `watchFeeds` repeats it.
import { setTimeout as sleep } from 'node:timers/promises'
import type { Store } from '../store/store.js'
import { pollFeed, type PollOptions, type PollReport } from './watch.js'

export interface WatchOptions extends PollOptions {
  /** Only these feeds (ids); all followed feeds when absent, re-read each round so newly added ones join. */
  feedIds?: readonly number[]
  /** Feeds polled at the same time (default 4). Items are stored one at a time whatever this is. */
  concurrency?: number
  onReport?: (r: PollReport) => void
}

/** Longest sleep between rounds: feeds added meanwhile (`parley feeds add`) are picked up within this. */
const MAX_SLEEP_MS = 60_000

/** Polls every feed due now, once; the reports in the order the polls ended. */
export async function pollDue(store: Store, opts: WatchOptions = {}): Promise<PollReport[]> {
  const clock = opts.now ?? Date.now
  const due = store.dueFeeds(new Date(clock()).toISOString(), opts.feedIds)
  const reports: PollReport[] = []
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < due.length && !opts.stopping?.()) {
      const feed = due[next++]!
      const r = await pollFeed(store, feed, opts)
      reports.push(r)
      opts.onReport?.(r)
    }
  }
  await Promise.all(Array.from({ length: Math.min(Math.max(1, opts.concurrency ?? 4), due.length) }, worker))
  return reports
}

/** When the next of the watched feeds is due, in ms since the epoch (now when one never was polled); null without feeds. */
export function nextDue(store: Store, feedIds?: readonly number[]): number | null {
  const feeds = store.listFeeds().filter((f) => !feedIds || feedIds.includes(f.id))
  if (!feeds.length) return null
  return Math.min(...feeds.map((f) => (f.nextPollAt ? Date.parse(f.nextPollAt) : 0)))
}

/** Polls due feeds round after round until `signal` aborts; the poll under way ends after its current item. */
export async function watchFeeds(store: Store, opts: WatchOptions & { signal: AbortSignal }): Promise<void> {
  const clock = opts.now ?? Date.now
  const stopping = (): boolean => opts.signal.aborted || (opts.stopping?.() ?? false)
  while (!stopping()) {
    await pollDue(store, { ...opts, stopping })
    if (stopping()) break
    const due = nextDue(store, opts.feedIds)
    const wait = due === null ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, due - clock()))
    try {
      await sleep(Math.max(wait, 50), undefined, { signal: opts.signal })
    } catch {
      // Aborted: the loop condition ends the watch.
    }
  }
}
