// Conformance for followed feeds: adding (once per URL), polling state, due feeds, items and their versions.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ParleyError } from '../core/errors.js'
import { sha, using, type OpenStore } from './conformance-fixtures.js'

export function feedsConformance(open: OpenStore): void {
  test('a feed is added once per URL, listed in order, found by id or URL, and removed', using(open, (s) => {
    const a = s.addFeed('https://example.cn/a.xml', '新华社')
    assert.equal(a.added, true)
    assert.deepEqual({ ...a.feed, addedAt: '' }, {
      id: a.feed.id, url: 'https://example.cn/a.xml', title: '新华社', addedAt: '', etag: null, lastModified: null, bodySha256: null,
      lastPollAt: null, lastStatus: null, lastError: null, httpStatus: null, failures: 0, nextPollAt: null, itemsSeen: 0,
    })
    const again = s.addFeed('https://example.cn/a.xml', 'another title')
    assert.equal(again.added, false)
    assert.equal(again.feed.title, '新华社', 'adding again changes nothing')
    const b = s.addFeed('https://example.cn/b.xml').feed
    assert.deepEqual(s.listFeeds().map((f) => f.url), ['https://example.cn/a.xml', 'https://example.cn/b.xml'])
    assert.equal(s.getFeed(b.id)?.url, 'https://example.cn/b.xml')
    assert.equal(s.getFeed('https://example.cn/a.xml')?.id, a.feed.id)
    assert.equal(s.getFeed('https://example.cn/none.xml'), null)
    assert.equal(s.removeFeed(a.feed.id), true)
    assert.equal(s.removeFeed(a.feed.id), false)
    assert.deepEqual(s.listFeeds().map((f) => f.id), [b.id])
  }))

  test('polling state is updated field by field; due feeds come never-polled first, then longest waiting', using(open, (s) => {
    const a = s.addFeed('https://example.cn/a.xml').feed
    const b = s.addFeed('https://example.cn/b.xml').feed
    const c = s.addFeed('https://example.cn/c.xml').feed
    const u = s.updateFeed(a.id, { etag: '"x1"', lastStatus: 'error', lastError: 'HTTP 500', httpStatus: 500, failures: 2, nextPollAt: '2025-03-01T09:00:00.000Z' })
    assert.deepEqual([u.etag, u.lastStatus, u.lastError, u.httpStatus, u.failures, u.lastModified], ['"x1"', 'error', 'HTTP 500', 500, 2, null])
    s.updateFeed(b.id, { nextPollAt: '2025-03-01T08:30:00.000Z' })
    assert.equal(s.updateFeed(a.id, { lastError: null }).etag, '"x1"', 'fields left out stay')
    assert.deepEqual(s.dueFeeds('2025-03-01T08:00:00.000Z').map((f) => f.id), [c.id])
    assert.deepEqual(s.dueFeeds('2025-03-01T09:00:00.000Z').map((f) => f.id), [c.id, b.id, a.id])
    assert.deepEqual(s.dueFeeds('2025-03-01T09:00:00.000Z', [a.id, b.id]).map((f) => f.id), [b.id, a.id])
    assert.throws(() => s.updateFeed(9999, { failures: 1 }), ParleyError)
    assert.throws(() => s.updateFeed(a.id, { failures: -1 }), ParleyError)
  }))

  test('items: handled or pending, a new content counts a version, removing the feed forgets them', using(open, (s) => {
    const f = s.addFeed('https://example.cn/a.xml').feed
    assert.equal(s.getFeedItem(f.id, 'guid-1'), null)
    const first = s.putFeedItem(f.id, { key: 'guid-1', contentSha256: sha('a'), docId: 'a1b2c3d4e5f60718', status: 'done', tries: 0 })
    assert.deepEqual([first.versions, first.status, first.docId], [1, 'done', 'a1b2c3d4e5f60718'])
    s.putFeedItem(f.id, { key: 'guid-2', contentSha256: sha('b'), docId: null, status: 'pending', tries: 1 })
    assert.equal(s.getFeed(f.id)?.itemsSeen, 1, 'pending items are not counted as seen')
    const same = s.putFeedItem(f.id, { key: 'guid-1', contentSha256: sha('a'), docId: null, status: 'done', tries: 0 })
    assert.deepEqual([same.versions, same.docId], [1, 'a1b2c3d4e5f60718'], 'the same content again is no new version; a missing doc id keeps the old')
    const edited = s.putFeedItem(f.id, { key: 'guid-1', contentSha256: sha('c'), docId: 'ffff000011112222', status: 'done', tries: 0 })
    assert.deepEqual([edited.versions, edited.contentSha256, edited.docId, edited.firstSeenAt], [2, sha('c'), 'ffff000011112222', first.firstSeenAt])
    assert.throws(() => s.putFeedItem(9999, { key: 'k', contentSha256: sha('d'), docId: null, status: 'done', tries: 0 }), ParleyError)
    s.removeFeed(f.id)
    const back = s.addFeed('https://example.cn/a.xml').feed
    assert.equal(s.getFeedItem(back.id, 'guid-1'), null)
  }))
}
