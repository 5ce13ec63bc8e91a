// Following feeds against a real HTTP server on 127.0.0.1 whose feeds change between polls: only new items are
// ingested, an edited item becomes a new version, conditional GETs get 304s, failures back off, 429/503 are
// honoured, oversized bodies are refused, a summary-only item's page is fetched, OPML goes out and back in.
// The clock is injected (no sleeping): a poll "later" is a poll with the clock moved on.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import http, { type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { rmSync, writeFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseOpml } from 'feedsmith'
import { openSqliteStore } from '../src/store/sqlite/store.js'
import type { Store } from '../src/store/store.js'
import { pollDue, type WatchOptions } from '../src/pipeline/watch-loop.js'
import { PAGE_TRIES } from '../src/pipeline/watch.js'
import { backoffMs, nextSlot, phaseOf, retryAfterMs } from '../src/ingest/watch/schedule.js'
import { readOpml, writeOpml } from '../src/ingest/watch/opml.js'
import { fetchUrl } from '../src/ingest/fetch.js'
import { reprocess } from '../src/pipeline/reprocess.js'
import { spawn } from 'node:child_process'
import { hasStack, parleyArgs, runMany, runParley, tempDir } from './helpers/cli.js'
import { projectRoot } from './helpers/shared.js'

// ---- a server whose answers the tests change -------------------------------------------------------------

interface Answer {
  status?: number
  headers?: Record<string, string>
  body?: string
  /** Send an ETag (hash of the body) and answer If-None-Match with 304. */
  etag?: boolean
  /** Send this Last-Modified and answer a matching If-Modified-Since with 304. */
  lastModified?: string
}
const routes = new Map<string, Answer>()
const requests: { path: string; headers: IncomingHttpHeaders }[] = []
let server: http.Server
let base = ''

before(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/'
    requests.push({ path, headers: req.headers })
    const a = routes.get(path)
    if (!a) {
      res.writeHead(404).end('not here')
      return
    }
    const body = a.body ?? ''
    const headers: Record<string, string> = { 'content-type': 'application/rss+xml; charset=utf-8', ...a.headers }
    if (a.etag) {
      const tag = `"${createHash('sha256').update(body).digest('hex').slice(0, 12)}"`
      headers.etag = tag
      if (req.headers['if-none-match'] === tag) return void res.writeHead(304, headers).end()
    }
    if (a.lastModified) {
      headers['last-modified'] = a.lastModified
      if (req.headers['if-modified-since'] === a.lastModified) return void res.writeHead(304, headers).end()
    }
    res.writeHead(a.status ?? 200, headers).end(body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
after(() => server.close())

const dirs: string[] = []
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))
function freshStore(): { store: Store; db: string } {
  const dir = tempDir('parley-watch-')
  dirs.push(dir)
  const db = join(dir, 'p.db')
  return { store: openSqliteStore(db), db }
}

// ---- feeds and pages ---------------------------------------------------------------------------------------

const SENTENCES = ['俄罗斯总统普京与美国总统特朗普通电话，双方讨论了乌克兰停火问题。', '外交部发言人表示，中方支持一切有利于和平的努力。', '乌克兰总统泽连斯基说，任何协议都必须有乌方参与。', '美国国务卿卢比奥在沙特阿拉伯与俄方代表举行会谈。']
/** An article body of about 300 characters, different for each n (so each is its own document). */
const article = (n: number, extra = ''): string => `<p>第${n}篇。${extra}${SENTENCES.join('')}</p><p>${SENTENCES.slice().reverse().join('')}第${n}篇完。</p>`

interface Item {
  guid: string
  title: string
  body: string
  link?: string
}
const rss = (items: Item[]): string =>
  `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>测试通讯社</title><link>${base}/</link>` +
  items.map((i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title>${i.link ? `<link>${i.link}</link>` : ''}<pubDate>Wed, 12 Feb 2025 15:30:00 GMT</pubDate><description><![CDATA[${i.body}]]></description></item>`).join('') +
  `</channel></rss>`

const T0 = Date.parse('2025-03-01T08:00:00Z')
const INTERVAL = 600
function clockAt(ms: number): { now: () => number; set: (ms: number) => void } {
  let t = ms
  return { now: () => t, set: (v) => (t = v) }
}
const pollOpts = (now: () => number, more: WatchOptions = {}): WatchOptions => ({ allowPrivate: true, intervalSec: INTERVAL, timeoutMs: 5000, now, concurrency: 1, ...more })
const seenBy = (path: string) => requests.filter((r) => r.path === path)

// ---- the tests ---------------------------------------------------------------------------------------------

describe('watch', () => {
  test('only new items are ingested; an edited item is a new version; unchanged feeds cost a 304', async () => {
    const { store } = freshStore()
    const clock = clockAt(T0)
    const items: Item[] = [
      { guid: 'a-2', title: '第二篇', body: article(2) },
      { guid: 'a-1', title: '第一篇', body: article(1) },
    ]
    routes.set('/etag.xml', { body: rss(items), etag: true })
    const feed = store.addFeed(`${base}/etag.xml`).feed

    let [r] = await pollDue(store, pollOpts(clock.now))
    assert.equal(r!.status, 'new')
    assert.deepEqual([r!.newItems, r!.editedItems, r!.newDocs], [2, 0, 2])
    assert.equal(store.countDocuments(), 2)
    const state = store.getFeed(feed.id)!
    assert.match(state.etag ?? '', /^"[0-9a-f]{12}"$/)
    assert.equal(state.itemsSeen, 2)
    assert.equal(state.title, '测试通讯社')

    // Not due yet: nothing is fetched.
    const before = seenBy('/etag.xml').length
    assert.deepEqual(await pollDue(store, pollOpts(clock.now)), [])
    assert.equal(seenBy('/etag.xml').length, before)

    // Due, unchanged: the server is asked with If-None-Match and answers 304.
    clock.set(Date.parse(state.nextPollAt!))
    ;[r] = await pollDue(store, pollOpts(clock.now))
    assert.equal(r!.status, 'not-modified', r!.error ?? '')
    assert.equal(r!.httpStatus, 304)
    assert.equal(seenBy('/etag.xml').at(-1)!.headers['if-none-match'], state.etag)

    // A third item appears: only it is ingested.
    items.unshift({ guid: 'a-3', title: '第三篇', body: article(3) })
    routes.set('/etag.xml', { body: rss(items), etag: true })
    clock.set(Date.parse(store.getFeed(feed.id)!.nextPollAt!))
    ;[r] = await pollDue(store, pollOpts(clock.now))
    assert.deepEqual([r!.status, r!.newItems, r!.editedItems, r!.newDocs, r!.knownDocs], ['new', 1, 0, 1, 0])
    assert.equal(store.countDocuments(), 3)

    // Item a-1 is edited (same guid, new text): stored again as a new document; the first version stays.
    const firstVersion = store.getFeedItem(feed.id, 'a-1')!
    items[2] = { ...items[2]!, body: article(1, '（更新）俄方随后发表声明。') }
    routes.set('/etag.xml', { body: rss(items), etag: true })
    clock.set(Date.parse(store.getFeed(feed.id)!.nextPollAt!))
    ;[r] = await pollDue(store, pollOpts(clock.now))
    assert.deepEqual([r!.newItems, r!.editedItems, r!.newDocs], [0, 1, 1])
    assert.equal(store.countDocuments(), 4)
    const edited = store.getFeedItem(feed.id, 'a-1')!
    assert.equal(edited.versions, 2)
    assert.notEqual(edited.docId, firstVersion.docId)
    assert.match(store.getDocument(edited.docId!)!.text, /更新/)
    assert.ok(store.getDocument(firstVersion.docId!), 'the first version is kept')
    assert.deepEqual(store.listOrigins(edited.docId!).map((o) => o.part), ['a-1'])

    // The same feed again after its etag is dropped by the server: a 200 with the same bytes, nothing new.
    routes.set('/etag.xml', { body: rss(items) })
    clock.set(Date.parse(store.getFeed(feed.id)!.nextPollAt!))
    ;[r] = await pollDue(store, pollOpts(clock.now))
    assert.equal(r!.status, 'unchanged')
    assert.equal(store.countDocuments(), 4)
    store.close()
  })

  test('Last-Modified is sent back as If-Modified-Since; re-served items are not ingested twice', async () => {
    const { store } = freshStore()
    const clock = clockAt(T0)
    const stamp = 'Sat, 01 Mar 2025 07:00:00 GMT'
    routes.set('/lm.xml', { body: rss([{ guid: 'b-1', title: '一', body: article(11) }]), lastModified: stamp })
    store.addFeed(`${base}/lm.xml`)
    await pollDue(store, pollOpts(clock.now))
    clock.set(clock.now() + INTERVAL * 1500)
    const [r] = await pollDue(store, pollOpts(clock.now))
    assert.equal(r!.status, 'not-modified')
    assert.equal(seenBy('/lm.xml').at(-1)!.headers['if-modified-since'], stamp)
    // A server that ignores validators and adds an item: the old item is skipped by its guid.
    routes.set('/lm.xml', { body: rss([{ guid: 'b-2', title: '二', body: article(12) }, { guid: 'b-1', title: '一', body: article(11) }]) })
    clock.set(clock.now() + INTERVAL * 1500)
    const [r2] = await pollDue(store, pollOpts(clock.now))
    assert.deepEqual([r2!.newItems, r2!.newDocs], [1, 1])
    assert.equal(store.countDocuments(), 2)
    store.close()
  })

  test('a feed that starts failing backs off; 429 and 503 wait as Retry-After says', async () => {
    const { store } = freshStore()
    const clock = clockAt(T0)
    routes.set('/flaky.xml', { body: rss([{ guid: 'c-1', title: '一', body: article(21) }]) })
    const feed = store.addFeed(`${base}/flaky.xml`).feed
    await pollDue(store, pollOpts(clock.now))

    routes.set('/flaky.xml', { status: 500, body: 'oops' })
    const waits: number[] = []
    for (let i = 1; i <= 3; i++) {
      clock.set(Date.parse(store.getFeed(feed.id)!.nextPollAt!))
      const [r] = await pollDue(store, pollOpts(clock.now))
      assert.equal(r!.status, 'error')
      assert.match(r!.error!, /^HTTP 500/)
      assert.equal(r!.failures, i)
      assert.equal(r!.nextReason, 'backoff')
      waits.push(Date.parse(r!.nextPollAt) - clock.now())
    }
    assert.deepEqual(waits, [INTERVAL * 1000, INTERVAL * 2000, INTERVAL * 4000], 'each failure doubles the wait')
    const failing = store.getFeed(feed.id)!
    assert.equal(failing.lastStatus, 'error')
    assert.equal(failing.httpStatus, 500)

    routes.set('/flaky.xml', { status: 429, headers: { 'retry-after': '1234' } })
    clock.set(Date.parse(failing.nextPollAt!))
    let [r] = await pollDue(store, pollOpts(clock.now))
    assert.equal(r!.nextReason, 'retry-after')
    assert.equal(Date.parse(r!.nextPollAt) - clock.now(), 1234_000)

    const later = new Date(clock.now() + 3 * 3600_000)
    routes.set('/flaky.xml', { status: 503, headers: { 'retry-after': later.toUTCString() } })
    clock.set(Date.parse(r!.nextPollAt))
    ;[r] = await pollDue(store, pollOpts(clock.now))
    assert.equal(r!.httpStatus, 503)
    assert.equal(r!.nextPollAt, new Date(Math.floor(later.getTime() / 1000) * 1000).toISOString())
    assert.equal(r!.failures, 5)

    // Back to health: failures reset, the next poll on the feed's own schedule.
    routes.set('/flaky.xml', { body: rss([{ guid: 'c-1', title: '一', body: article(21) }]) })
    clock.set(Date.parse(r!.nextPollAt))
    ;[r] = await pollDue(store, pollOpts(clock.now))
    assert.deepEqual([r!.status, r!.failures, r!.newItems], ['unchanged', 0, 0])
    const phase = phaseOf(feed.url, INTERVAL * 1000)
    assert.equal((Date.parse(r!.nextPollAt) - phase) % (INTERVAL * 1000), 0, 'back on its phase')
    store.close()
  })

  test('an oversized body is refused with the reason, declared or streamed', async () => {
    const { store } = freshStore()
    const big = rss(Array.from({ length: 30 }, (_, i) => ({ guid: `d-${i}`, title: `${i}`, body: article(100 + i) })))
    routes.set('/big.xml', { body: big })
    routes.set('/big-chunked.xml', { body: big, headers: { 'transfer-encoding': 'chunked' } })
    store.addFeed(`${base}/big.xml`)
    store.addFeed(`${base}/big-chunked.xml`)
    const reports = await pollDue(store, pollOpts(clockAt(T0).now, { maxBytes: 4096 }))
    assert.equal(reports.length, 2)
    for (const r of reports) {
      assert.equal(r.status, 'error')
      assert.match(r.error!, /over the 4096-byte limit/)
    }
    assert.equal(store.countDocuments(), 0)
    store.close()
  })

  test("a summary-only item's linked page is fetched and read as HTML; a page that fails is tried again", async () => {
    const { store } = freshStore()
    const clock = clockAt(T0)
    const page = (title: string, n: number): string => `<!doctype html><html><head><meta charset="utf-8"><title>${title} - 测试网</title></head><body><nav>首页 国际 评论</nav><article><h1>${title}</h1>${article(n, '这句话只在网页上。')}</article><footer>版权所有</footer></body></html>`
    routes.set('/pages/e1.html', { body: page('会谈开始', 31), headers: { 'content-type': 'text/html; charset=utf-8' } })
    routes.set('/pages/e2.html', { status: 502 })
    routes.set('/summary.xml', {
      body: rss([
        { guid: 'e-2', title: '会谈继续', body: '<p>俄美代表团在利雅得继续会谈，双方就停火的具体安排交换了意见，会谈将持续到明天。</p>', link: `${base}/pages/e2.html` },
        { guid: 'e-1', title: '会谈开始', body: '双方在利雅得开始会谈。', link: `${base}/pages/e1.html` },
      ]),
      etag: true,
    })
    const feed = store.addFeed(`${base}/summary.xml`).feed
    let [r] = await pollDue(store, pollOpts(clock.now))
    assert.deepEqual([r!.newItems, r!.pages, r!.newDocs, r!.pendingItems], [2, 1, 1, 1])
    assert.equal(seenBy('/pages/e1.html').length, 1)
    const docId = store.getFeedItem(feed.id, 'e-1')!.docId!
    const doc = store.getDocument(docId)!
    assert.equal(doc.format, 'html')
    assert.equal(doc.origin, `${base}/pages/e1.html`)
    assert.match(doc.text, /这句话只在网页上/)
    assert.doesNotMatch(doc.text, /版权所有|首页 国际/)
    assert.equal(doc.published.at?.slice(0, 10), '2025-02-12', "the feed's date, as the page states none")
    assert.equal(store.getFeedItem(feed.id, 'e-2')!.status, 'pending')
    assert.equal(store.getFeed(feed.id)!.etag, null, 'validators are not kept while an item waits')

    // The page still fails: tried at each poll (no 304 hides it), then the summary is stored instead.
    for (let i = 2; i <= PAGE_TRIES; i++) {
      clock.set(Date.parse(store.getFeed(feed.id)!.nextPollAt!))
      ;[r] = await pollDue(store, pollOpts(clock.now))
      assert.equal(r!.httpStatus, 200)
    }
    assert.deepEqual([r!.pendingItems, r!.newDocs], [0, 1], r!.warnings.join('\n'))
    assert.equal(seenBy('/pages/e2.html').length, PAGE_TRIES)
    assert.match(r!.warnings.join('\n'), /gave up after 3 tries/)
    assert.match(store.getDocument(store.getFeedItem(feed.id, 'e-2')!.docId!)!.text, /双方就停火的具体安排交换了意见/)
    assert.equal(seenBy('/pages/e1.html').length, 1, 'a page stored is not fetched again')
    assert.notEqual(store.getFeed(feed.id)!.etag, null)
    // A page's document is read again from the page's bytes, as any fetched page.
    const again = reprocess(store, docId)
    assert.ok(again.ok && again.value.newId === docId, again.ok ? '' : again.error.message)
    assert.equal(again.value.changed, false, "the feed's date is kept")
    store.close()
  })

  test('a watch stopped mid-feed finishes the current item and resumes with the rest', async () => {
    const { store } = freshStore()
    const clock = clockAt(T0)
    routes.set('/stop.xml', { body: rss([1, 2, 3].map((n) => ({ guid: `f-${n}`, title: `${n}`, body: article(40 + n) }))), etag: true })
    const feed = store.addFeed(`${base}/stop.xml`).feed
    let [r] = await pollDue(store, pollOpts(clock.now, { stopping: () => store.countDocuments() >= 1 }))
    assert.deepEqual([r!.status, r!.newDocs, r!.pendingItems, r!.nextReason], ['interrupted', 1, 2, 'resume'])
    assert.equal(r!.nextPollAt, new Date(T0).toISOString(), 'due again at once')
    assert.equal(store.getFeed(feed.id)!.etag, null)
    ;[r] = await pollDue(store, pollOpts(clock.now))
    assert.deepEqual([r!.status, r!.newItems, r!.newDocs], ['new', 2, 2])
    assert.equal(store.countDocuments(), 3)
    store.close()
  })

  test('a kept-alive connection the server closed while parley was busy is retried, not a failure', async () => {
    // A server in another process (its close must happen while this one is busy), keeping the connection open
    // after its answer and closing it 50 ms later.
    const SERVER = `const s=require('net').createServer((c)=>{c.once('data',()=>{c.write('HTTP/1.1 200 OK\\r\\nContent-Type: text/plain\\r\\nContent-Length: 2\\r\\nConnection: keep-alive\\r\\n\\r\\nok');setTimeout(()=>c.end(),50)})});s.listen(0,'127.0.0.1',()=>console.log(s.address().port))`
    const child = spawn(process.execPath, ['-e', SERVER])
    try {
      const port = await new Promise<number>((resolve) => child.stdout.once('data', (d) => resolve(Number(String(d)))))
      const url = `http://127.0.0.1:${port}/`
      assert.ok((await fetchUrl(url, { allowPrivate: true })).ok)
      await new Promise((r) => setTimeout(r, 10)) // the connection goes back to the pool
      // Busy (as during an extraction) while the server closes it: the close is not seen before the next request.
      const until = Date.now() + 300
      while (Date.now() < until);
      const again = await fetchUrl(url, { allowPrivate: true })
      assert.ok(again.ok, again.ok ? '' : again.error.message)
    } finally {
      child.kill()
    }
  })

  test('feeds are spread over the interval, and the schedule helpers keep their promises', () => {
    const I = 900_000
    const phases = Array.from({ length: 200 }, (_, i) => phaseOf(`https://example.cn/feed/${i}.xml`, I))
    const buckets = new Array(10).fill(0) as number[]
    for (const p of phases) buckets[Math.floor(p / (I / 10))]!++
    assert.ok(Math.min(...buckets) >= 8, `phases spread over the interval (tenths: ${buckets.join(' ')})`)
    const now = T0 + 123_456
    for (const p of phases.slice(0, 20)) {
      const next = nextSlot(now, p, I)
      assert.equal((next - p) % I, 0)
      assert.ok(next - now >= I / 2 && next - now < 1.5 * I)
    }
    assert.equal(backoffMs(40, I), 24 * 3600_000)
    assert.equal(retryAfterMs('120', T0, I), 120_000)
    assert.equal(retryAfterMs('0', T0, I), 60_000, 'never hammered')
    assert.equal(retryAfterMs('Sat, 01 Mar 2025 09:00:00 GMT', T0, I), 3600_000)
    assert.equal(retryAfterMs('soon', T0, I), null)
  })

  test('OPML: folders flattened, non-http outlines skipped, export parses back to the same feeds', () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>
      <outline text="新闻"><outline text="新华社 &amp; 国际" xmlUrl="https://example.cn/xinhua.xml"/><outline text="BBC" title="BBC 中文" xmlUrl="https://example.com/bbc.xml?a=1&amp;b=2"/></outline>
      <outline text="mail" xmlUrl="mailto:x@example.cn"/><outline text="dup" xmlUrl="https://example.cn/xinhua.xml"/></body></opml>`
    const read = readOpml(opml, 'mine.opml')
    assert.ok(read.ok)
    assert.deepEqual(read.value.feeds, [{ url: 'https://example.cn/xinhua.xml', title: '新华社 & 国际' }, { url: 'https://example.com/bbc.xml?a=1&b=2', title: 'BBC 中文' }])
    assert.match(read.value.warnings.join('\n'), /mailto:x@example\.cn.*not an http\(s\) URL/)
    const back = parseOpml(writeOpml(read.value.feeds))
    assert.deepEqual(back.body?.outlines?.map((o) => [o.xmlUrl, o.title ?? o.text]), read.value.feeds.map((f) => [f.url, f.title]))
    assert.match(writeOpml([]), /<opml version="2\.0">/)
    const bad = readOpml('<html><body>not opml</body></html>', 'page.html')
    assert.ok(!bad.ok)
    assert.match(bad.error.message, /^ingest: page\.html: not an OPML file/)
  })
})

describe('watch and feeds on the command line', () => {
  test('watch --once polls and logs one line per feed; feeds import, list, export, remove', async () => {
    const { store, db } = freshStore()
    store.close()
    routes.set('/cli-a.xml', { body: rss([{ guid: 'g-1', title: '一', body: article(51) }, { guid: 'g-2', title: '二', body: article(52) }]) })
    routes.set('/cli-b.xml', { status: 500 })
    const dir = join(db, '..')
    const opml = join(dir, 'in.opml')
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><head/><body><outline text="folder"><outline text="B 台" xmlUrl="${base}/cli-b.xml"/></outline></body></opml>`)
    const imported = await runParley(['--db', db, 'feeds', 'import', opml])
    assert.equal(imported.code, 0, imported.err)
    assert.match(imported.out, /1 feeds added/)

    const once = await runParley(['--db', db, 'watch', '--once', '--allow-private', `${base}/cli-a.xml`])
    assert.equal(once.code, 0, once.err)
    // watch names feeds: only cli-a is polled, one line.
    const lines = once.out.trim().split('\n')
    assert.equal(lines.length, 1, once.out)
    assert.match(lines[0]!, /feed 2 http:\/\/127\.0\.0\.1:\d+\/cli-a\.xml: 2 new items, 2 new documents; next poll \d{4}-/)
    const all = await runParley(['--db', db, 'watch', '--once', '--allow-private'])
    assert.equal(all.code, 1)
    assert.match(all.out, /feed 1 .*cli-b\.xml: error: HTTP 500 Internal Server Error; next poll .* \(backing off\)/)
    assert.doesNotMatch(all.out, /cli-a/, 'cli-a is not due yet')

    const out = join(dir, 'out.opml')
    const [list, exported] = await runMany([['--db', db, 'feeds', 'list', '--format', 'json'], ['--db', db, 'feeds', 'export', out]])
    const feeds = JSON.parse(list!.out) as { id: number; url: string; title: string; lastStatus: string; failures: number; itemsSeen: number }[]
    assert.deepEqual(feeds.map((f) => [f.id, f.lastStatus, f.failures, f.itemsSeen]), [[1, 'error', 1, 0], [2, 'new', 0, 2]])
    assert.equal(exported!.code, 0, exported!.err)
    const back = parseOpml(readFileSync(out, 'utf8'))
    assert.deepEqual(back.body?.outlines?.map((o) => o.xmlUrl), [`${base}/cli-b.xml`, `${base}/cli-a.xml`])
    assert.equal(back.body?.outlines?.[0]?.text, 'B 台')

    const [removed, unknown] = await runMany([['--db', db, 'feeds', 'remove', `${base}/cli-b.xml`], ['--db', db, 'feeds', 'remove', '99']])
    assert.match(removed!.out, /removed: feed 1/)
    assert.equal(unknown!.code, 1)
    assert.match(unknown!.err, /^cli: 99: no such feed followed/)
  })

  test('bad values are usage errors (exit 2), one line, no stack', async () => {
    const dir = tempDir('parley-watch-usage-')
    dirs.push(dir)
    const db = join(dir, 'p.db')
    const runs = await runMany([
      ['--db', db, 'watch', '--once', '--interval', 'soon', 'https://example.cn/a.xml'],
      ['--db', db, 'watch', '--once', 'ftp://example.cn/a.xml'],
      ['--db', db, 'feeds', 'add', 'example.cn/rss'],
      ['--db', db, 'watch', '--once'],
    ])
    for (const r of runs) {
      assert.equal(r.code, 2, r.err)
      assert.ok(!hasStack(r.err), r.err)
    }
    assert.match(runs[0]!.err, /--interval.*not a whole number of seconds/)
    assert.match(runs[1]!.err, /"ftp:\/\/example\.cn\/a\.xml" is not an http\(s\) URL/)
    assert.match(runs[3]!.err, /no feeds followed yet/)
  })

  test('watch runs until SIGTERM, then stops cleanly and closes the database', async (t) => {
    const { store, db } = freshStore()
    store.close()
    routes.set('/live.xml', { body: rss([{ guid: 'h-1', title: '一', body: article(61) }]), etag: true })
    const child = spawn(process.execPath, parleyArgs(['--db', db, 'watch', '--allow-private', '--interval', '60', `${base}/live.xml`]), { cwd: projectRoot })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
    t.after(() => child.kill('SIGKILL'))
    const deadline = Date.now() + 60_000
    while (!/1 new item/.test(out) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 50))
    assert.match(out, /live\.xml: 1 new item, 1 new document/, err)
    child.kill('SIGTERM')
    assert.equal(await closed, 0, err)
    assert.match(err, /SIGTERM: stopping after the current item[\s\S]*stopped/)
    // The database was closed cleanly: it opens, and holds the poll.
    const s = openSqliteStore(db, { mode: 'read' })
    assert.equal(s.listFeeds()[0]!.lastStatus, 'new')
    assert.equal(s.countDocuments(), 1)
    s.close()
  })
})
