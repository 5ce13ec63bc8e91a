// The feeds' side of the Store: the feeds `parley watch` follows, their polling state, and the items of each
// already handled. Times are ISO 8601 strings in UTC (Date.toISOString), so they compare as text.
import { z } from 'zod'

export const FeedStatus = z.enum(['new', 'unchanged', 'not-modified', 'error', 'interrupted'])
export type FeedStatus = z.infer<typeof FeedStatus>

export const Feed = z.object({
  id: z.number().int().positive(),
  url: z.string(),
  title: z.string().nullable(),
  addedAt: z.string(),
  etag: z.string().nullable(),
  lastModified: z.string().nullable(),
  bodySha256: z.string().nullable(),
  lastPollAt: z.string().nullable(),
  lastStatus: FeedStatus.nullable(),
  lastError: z.string().nullable(),
  httpStatus: z.number().int().nullable(),
  /** Polls in a row that failed. */
  failures: z.number().int().nonnegative(),
  /** Null: never polled, due now. */
  nextPollAt: z.string().nullable(),
  /** Items handled (status 'done'). */
  itemsSeen: z.number().int().nonnegative(),
})
export type Feed = z.infer<typeof Feed>

/** What a poll changes on a feed; fields left out stay as they are. */
export const FeedUpdate = Feed.pick({
  title: true,
  etag: true,
  lastModified: true,
  bodySha256: true,
  lastPollAt: true,
  lastStatus: true,
  lastError: true,
  httpStatus: true,
  failures: true,
  nextPollAt: true,
}).partial()
export type FeedUpdate = z.infer<typeof FeedUpdate>

export const FeedItem = z.object({
  key: z.string().min(1),
  contentSha256: z.string(),
  docId: z.string().nullable(),
  status: z.enum(['done', 'pending']),
  tries: z.number().int().nonnegative(),
  /** How many contents this key has had (1, then 2 after an edit, …). */
  versions: z.number().int().positive(),
  firstSeenAt: z.string(),
  updatedAt: z.string(),
})
export type FeedItem = z.infer<typeof FeedItem>

export interface FeedStore {
  /** Follows a feed; `added` is false when this URL was followed already (its title is then left as it is). */
  addFeed(url: string, title?: string | null): { feed: Feed; added: boolean }
  /** By id, or by the URL exactly as added. */
  getFeed(idOrUrl: number | string): Feed | null
  /** In the order they were added. */
  listFeeds(): Feed[]
  /** Stops following a feed and forgets its items (the documents stay). False when there was no such feed. */
  removeFeed(id: number): boolean
  updateFeed(id: number, update: FeedUpdate): Feed
  /** Feeds never polled or whose next poll is at or before `at`, the longest-waiting first; only `ids` if given. */
  dueFeeds(at: string, ids?: readonly number[]): Feed[]
  getFeedItem(feedId: number, key: string): FeedItem | null
  /**
   * Records an item's content as handled ('done') or to try again ('pending'). A new content hash for a known
   * key counts a new version; `tries` is kept as given.
   */
  putFeedItem(feedId: number, item: Pick<FeedItem, 'key' | 'contentSha256' | 'docId' | 'status' | 'tries'>): FeedItem
}
