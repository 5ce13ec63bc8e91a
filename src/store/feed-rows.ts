// Rows of the feed tables and the values they become, shared by the SQLite and PostgreSQL stores (their
// tables have the same columns; PostgreSQL may hand back ids and counts as strings, hence the Number()s).
import { Feed, FeedItem, type FeedUpdate } from './feeds.js'
import { checked } from './sqlite/rows.js'

export interface FeedRow {
  id: string | number
  url: string
  title: string | null
  added_at: string
  etag: string | null
  last_modified: string | null
  body_sha256: string | null
  last_poll_at: string | null
  last_status: string | null
  last_error: string | null
  http_status: number | null
  failures: number
  next_poll_at: string | null
  items_seen: number
}

export interface ItemRow {
  item_key: string
  content_sha256: string
  doc_id: string | null
  status: string
  tries: number
  versions: number
  first_seen_at: string
  updated_at: string
}

// FeedUpdate's fields and their columns: the only names an UPDATE is built from.
export const FEED_COLUMNS: Record<keyof FeedUpdate, string> = {
  title: 'title',
  etag: 'etag',
  lastModified: 'last_modified',
  bodySha256: 'body_sha256',
  lastPollAt: 'last_poll_at',
  lastStatus: 'last_status',
  lastError: 'last_error',
  httpStatus: 'http_status',
  failures: 'failures',
  nextPollAt: 'next_poll_at',
}

export const now = (): string => new Date().toISOString()

export function feedFrom(r: FeedRow): Feed {
  return checked(Feed, `feed ${r.id}`, {
    id: Number(r.id),
    url: r.url,
    title: r.title,
    addedAt: r.added_at,
    etag: r.etag,
    lastModified: r.last_modified,
    bodySha256: r.body_sha256,
    lastPollAt: r.last_poll_at,
    lastStatus: r.last_status,
    lastError: r.last_error,
    httpStatus: r.http_status === null ? null : Number(r.http_status),
    failures: Number(r.failures),
    nextPollAt: r.next_poll_at,
    itemsSeen: Number(r.items_seen),
  })
}

export function itemFrom(r: ItemRow): FeedItem {
  return checked(FeedItem, r.item_key, {
    key: r.item_key,
    contentSha256: r.content_sha256,
    docId: r.doc_id,
    status: r.status,
    tries: Number(r.tries),
    versions: Number(r.versions),
    firstSeenAt: r.first_seen_at,
    updatedAt: r.updated_at,
  })
}
