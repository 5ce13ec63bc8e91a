// SQLite tables of the feeds followed and the items handled (migration 011_feeds.sql).
import type { Database } from 'better-sqlite3'
import { ParleyError } from '../../core/errors.js'
import { FeedItem, FeedUpdate, type Feed, type FeedStore } from '../feeds.js'
import { FEED_COLUMNS as COLUMNS, feedFrom, itemFrom, now, type FeedRow, type ItemRow } from '../feed-rows.js'
import { checked } from './rows.js'

const SELECT = `SELECT f.*, (SELECT count(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'done') AS items_seen FROM feeds f`

export class FeedTables implements FeedStore {
  private readonly q

  constructor(private readonly db: Database) {
    this.q = {
      insert: db.prepare('INSERT INTO feeds (url, title, added_at) VALUES (?, ?, ?) ON CONFLICT (url) DO NOTHING'),
      byId: db.prepare(`${SELECT} WHERE f.id = ?`),
      byUrl: db.prepare(`${SELECT} WHERE f.url = ?`),
      list: db.prepare(`${SELECT} ORDER BY f.id`),
      remove: db.prepare('DELETE FROM feeds WHERE id = ?'),
      // Never-polled feeds first, then by how long they have been due.
      due: db.prepare(`${SELECT} WHERE f.next_poll_at IS NULL OR f.next_poll_at <= ? ORDER BY f.next_poll_at IS NOT NULL, f.next_poll_at, f.id`),
      item: db.prepare('SELECT * FROM feed_items WHERE feed_id = ? AND item_key = ?'),
      putItem: db.prepare(`INSERT INTO feed_items (feed_id, item_key, content_sha256, doc_id, status, tries, versions, first_seen_at, updated_at)
                           VALUES (@feed, @key, @sha, @doc, @status, @tries, 1, @at, @at)
                           ON CONFLICT (feed_id, item_key) DO UPDATE SET
                             versions = versions + (content_sha256 <> excluded.content_sha256),
                             content_sha256 = excluded.content_sha256, doc_id = coalesce(excluded.doc_id, doc_id),
                             status = excluded.status, tries = excluded.tries, updated_at = excluded.updated_at`),
    }
  }

  addFeed(url: string, title: string | null = null): { feed: Feed; added: boolean } {
    if (typeof url !== 'string' || !url) throw new ParleyError('store', 'addFeed', 'a feed needs a URL')
    const added = this.q.insert.run(url, title, now()).changes > 0
    return { feed: this.getFeed(url)!, added }
  }

  getFeed(idOrUrl: number | string): Feed | null {
    const row = (typeof idOrUrl === 'number' ? this.q.byId.get(idOrUrl) : this.q.byUrl.get(idOrUrl)) as FeedRow | undefined
    return row ? feedFrom(row) : null
  }

  listFeeds(): Feed[] {
    return (this.q.list.all() as FeedRow[]).map(feedFrom)
  }

  removeFeed(id: number): boolean {
    return this.q.remove.run(id).changes > 0
  }

  updateFeed(id: number, update: FeedUpdate): Feed {
    const u = checked(FeedUpdate, `feed ${id}`, update)
    const keys = (Object.keys(u) as (keyof FeedUpdate)[]).filter((k) => u[k] !== undefined)
    if (keys.length) {
      const sql = `UPDATE feeds SET ${keys.map((k) => `${COLUMNS[k]} = @${k}`).join(', ')} WHERE id = @id`
      if (this.db.prepare(sql).run({ ...u, id }).changes === 0) throw new ParleyError('store', `feed ${id}`, 'no such feed')
    }
    const feed = this.getFeed(id)
    if (!feed) throw new ParleyError('store', `feed ${id}`, 'no such feed')
    return feed
  }

  dueFeeds(at: string, ids?: readonly number[]): Feed[] {
    const due = (this.q.due.all(at) as FeedRow[]).map(feedFrom)
    return ids ? due.filter((f) => ids.includes(f.id)) : due
  }

  getFeedItem(feedId: number, key: string): FeedItem | null {
    const row = this.q.item.get(feedId, key) as ItemRow | undefined
    return row ? itemFrom(row) : null
  }

  putFeedItem(feedId: number, item: Pick<FeedItem, 'key' | 'contentSha256' | 'docId' | 'status' | 'tries'>): FeedItem {
    const i = checked(FeedItem.pick({ key: true, contentSha256: true, docId: true, status: true, tries: true }), item?.key ?? 'putFeedItem', item)
    if (this.q.byId.get(feedId) === undefined) throw new ParleyError('store', `feed ${feedId}`, 'no such feed')
    this.q.putItem.run({ feed: feedId, key: i.key, sha: i.contentSha256, doc: i.docId, status: i.status, tries: i.tries, at: now() })
    return this.getFeedItem(feedId, i.key)!
  }
}
