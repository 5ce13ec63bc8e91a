import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import iconv from 'iconv-lite'
import { fetchUrl, type FetchOptions } from './fetch.js'

// The servers here listen on 127.0.0.1, which parley fetches only when told to.
const fetchLocal = (url: string, opts: FetchOptions = {}) => fetchUrl(url, { allowPrivate: true, ...opts })

// A real local server: one handler per path, so each test reads as "this server does X, fetchUrl says Y".
const seen: Record<string, IncomingMessage['headers']> = {}
const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/gbk.xml': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=GBK', etag: '"v1"', 'last-modified': 'Tue, 18 Feb 2025 07:27:23 GMT' })
    res.end(iconv.encode('<rss><channel><title>新闻</title></channel></rss>', 'gbk'))
  },
  '/missing': (_req, res) => {
    res.writeHead(404, { 'content-type': 'text/plain' })
    res.end('nope')
  },
  '/big-chunked': (_req, res) => {
    // No Content-Length: the cap must bite while streaming.
    res.writeHead(200, { 'content-type': 'text/plain' })
    for (let i = 0; i < 8; i++) res.write(Buffer.alloc(1000, 0x61))
    res.end()
  },
  '/big-declared': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' })
    res.end(Buffer.alloc(5000, 0x61))
  },
  '/silent': () => {
    // Never answers.
  },
  '/trickle': (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.write('a')
    // …and never finishes.
  },
  '/conditional': (req, res) => {
    if (req.headers['if-none-match'] === '"v1"' || req.headers['if-modified-since'] === 'Tue, 18 Feb 2025 07:27:23 GMT') {
      res.writeHead(304, { etag: '"v1"' })
      res.end()
      return
    }
    res.writeHead(200, { 'content-type': 'text/plain', etag: '"v1"' })
    res.end('fresh')
  },
}
const server = createServer((req, res) => {
  const path = req.url ?? '/'
  seen[path] = req.headers
  const route = routes[path]
  if (route) route(req, res)
  else {
    res.writeHead(500)
    res.end()
  }
})
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
after(() => {
  server.closeAllConnections()
  server.close()
})

test('200: bytes, content type, charset, ETag and Last-Modified', async () => {
  const r = await fetchLocal(`${base}/gbk.xml`, { userAgent: 'parley-test' })
  if (!r.ok) assert.fail(r.error.message)
  assert.equal(r.value.status, 200)
  assert.equal(r.value.charset, 'gbk')
  assert.equal(r.value.contentType, 'application/rss+xml; charset=GBK')
  assert.equal(r.value.etag, '"v1"')
  assert.equal(r.value.lastModified, 'Tue, 18 Feb 2025 07:27:23 GMT')
  assert.equal(r.value.notModified, false)
  assert.equal(iconv.decode(Buffer.from(r.value.bytes), 'gbk'), '<rss><channel><title>新闻</title></channel></rss>')
  assert.equal(seen['/gbk.xml']?.['user-agent'], 'parley-test')
})

test('404 is an error naming the URL and the status', async () => {
  const r = await fetchLocal(`${base}/missing`)
  assert.equal(r.ok, false)
  if (!r.ok) {
    assert.ok(r.error.message.includes(`${base}/missing`))
    assert.match(r.error.message, /HTTP 404/)
  }
})

test('the size cap holds for streamed and for declared bodies', async () => {
  for (const path of ['/big-chunked', '/big-declared']) {
    const r = await fetchLocal(`${base}${path}`, { maxBytes: 1500 })
    assert.equal(r.ok, false, path)
    if (!r.ok) assert.match(r.error.message, new RegExp(`${path}: .*1500-byte limit`))
  }
  const fits = await fetchLocal(`${base}/big-chunked`, { maxBytes: 8000 })
  assert.equal(fits.ok && fits.value.bytes.length, 8000)
})

test('a server that never answers, or never finishes, times out', async () => {
  for (const path of ['/silent', '/trickle']) {
    const started = Date.now()
    const r = await fetchLocal(`${base}${path}`, { timeoutMs: 150 })
    assert.equal(r.ok, false, path)
    if (!r.ok) assert.match(r.error.message, new RegExp(`${path}: no complete answer within 150 ms`))
    assert.ok(Date.now() - started < 5000, 'gave up promptly')
  }
})

test('conditional GET: a matching ETag or Last-Modified gives notModified with empty bytes', async () => {
  const byEtag = await fetchLocal(`${base}/conditional`, { etag: '"v1"' })
  if (!byEtag.ok) assert.fail(byEtag.error.message)
  assert.deepEqual([byEtag.value.status, byEtag.value.notModified, byEtag.value.bytes.length], [304, true, 0])
  assert.equal(seen['/conditional']?.['if-none-match'], '"v1"')

  const byDate = await fetchLocal(`${base}/conditional`, { lastModified: 'Tue, 18 Feb 2025 07:27:23 GMT' })
  assert.equal(byDate.ok && byDate.value.notModified, true)
  assert.equal(byDate.ok && byDate.value.lastModified, 'Tue, 18 Feb 2025 07:27:23 GMT')

  const fresh = await fetchLocal(`${base}/conditional`, { etag: '"v0"' })
  assert.equal(fresh.ok && Buffer.from(fresh.value.bytes).toString(), 'fresh')
})

test('only http and https; a refused connection is an error, not a throw', async () => {
  const file = await fetchUrl('file:///etc/passwd')
  assert.equal(!file.ok && file.error.message, 'ingest: file:///etc/passwd: only http and https URLs can be fetched')
  const bad = await fetchUrl('not a url')
  assert.equal(bad.ok, false)
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const port = (closed.address() as AddressInfo).port
  await new Promise<void>((resolve) => closed.close(() => resolve()))
  const refused = await fetchLocal(`http://127.0.0.1:${port}/`, { timeoutMs: 2000 })
  assert.equal(refused.ok, false)
  if (!refused.ok) assert.match(refused.error.message, /request failed: ECONNREFUSED/)
})
