// The feeds followed and the items handled, in PostgreSQL (migration 006_feeds.sql): the same answers as the
// SQLite store's feeds.ts, which the shared conformance suite (conformance-feeds.ts) checks on both.
import { ParleyError } from '../../core/errors.js'
import { FeedItem, FeedUpdate, type Feed, type FeedStore } from '../feeds.js'
import { FEED_COLUMNS as COLUMNS, feedFrom, itemFrom, now, type FeedRow, type ItemRow } from '../feed-rows.js'
import { checked } from '../sqlite/rows.js'
import type { Connection, Param } from './pg.js'

const SELECT = `SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'done')::int AS items_seen FROM feeds f`

export class PgFeeds implements FeedStore {
  constructor(private readonly db: Connection) {}

  addFeed(url: string, title: string | null = null): { feed: Feed; added: boolean } {
    if (typeof url !== 'string' || !url) throw new ParleyError('store', 'addFeed', 'a feed needs a URL')
    const added = this.db.all('INSERT INTO feeds (url, title, added_at) VALUES ($1, $2, $3) ON CONFLICT (url) DO NOTHING RETURNING id', [url, title, now()]).length > 0
    return { feed: this.getFeed(url)!, added }
  }

  getFeed(idOrUrl: number | string): Feed | null {
    const row = typeof idOrUrl === 'number'
      ? Number.isSafeInteger(idOrUrl) ? this.db.get<FeedRow>(`${SELECT} WHERE f.id = $1::bigint`, [idOrUrl]) : undefined
      : this.db.get<FeedRow>(`${SELECT} WHERE f.url = $1`, [idOrUrl])
    return row ? feedFrom(row) : null
  }

  listFeeds(): Feed[] {
    return this.db.all<FeedRow>(`${SELECT} ORDER BY f.id`).map(feedFrom)
  }

  removeFeed(id: number): boolean {
    if (!Number.isSafeInteger(id)) return false
    return this.db.all('DELETE FROM feeds WHERE id = $1::bigint RETURNING id', [id]).length > 0
  }

  updateFeed(id: number, update: FeedUpdate): Feed {
    const u = checked(FeedUpdate, `feed ${id}`, update)
    const keys = (Object.keys(u) as (keyof FeedUpdate)[]).filter((k) => u[k] !== undefined)
    if (keys.length) {
      const params: Param[] = keys.map((k) => u[k] as Param)
      const sql = `UPDATE feeds SET ${keys.map((k, i) => `${COLUMNS[k]} = $${i + 1}`).join(', ')} WHERE id = $${keys.length + 1}::bigint RETURNING id`
      if (!this.db.all(sql, [...params, id]).length) throw new ParleyError('store', `feed ${id}`, 'no such feed')
    }
    const feed = this.getFeed(id)
    if (!feed) throw new ParleyError('store', `feed ${id}`, 'no such feed')
    return feed
  }

  dueFeeds(at: string, ids?: readonly number[]): Feed[] {
    // Never-polled feeds first, then by how long they have been due.
    const due = this.db.all<FeedRow>(`${SELECT} WHERE f.next_poll_at IS NULL OR f.next_poll_at <= $1 ORDER BY f.next_poll_at IS NOT NULL, f.next_poll_at, f.id`, [at]).map(feedFrom)
    return ids ? due.filter((f) => ids.includes(f.id)) : due
  }

  getFeedItem(feedId: number, key: string): FeedItem | null {
    const row = this.db.get<ItemRow>('SELECT * FROM feed_items WHERE feed_id = $1::bigint AND item_key = $2', [feedId, key])
    return row ? itemFrom(row) : null
  }

  putFeedItem(feedId: number, item: Pick<FeedItem, 'key' | 'contentSha256' | 'docId' | 'status' | 'tries'>): FeedItem {
    const i = checked(FeedItem.pick({ key: true, contentSha256: true, docId: true, status: true, tries: true }), item?.key ?? 'putFeedItem', item)
    if (!this.getFeed(feedId)) throw new ParleyError('store', `feed ${feedId}`, 'no such feed')
    const at = now()
    this.db.all(
      `INSERT INTO feed_items (feed_id, item_key, content_sha256, doc_id, status, tries, versions, first_seen_at, updated_at)
       VALUES ($1::bigint, $2, $3, $4, $5, $6, 1, $7, $7)
       ON CONFLICT (feed_id, item_key) DO UPDATE SET
         versions = feed_items.versions + (CASE WHEN feed_items.content_sha256 <> excluded.content_sha256 THEN 1 ELSE 0 END),
         content_sha256 = excluded.content_sha256, doc_id = coalesce(excluded.doc_id, feed_items.doc_id),
         status = excluded.status, tries = excluded.tries, updated_at = excluded.updated_at`,
      [feedId, i.key, i.contentSha256, i.docId, i.status, i.tries, at],
    )
    return this.getFeedItem(feedId, i.key)!
  }
}
