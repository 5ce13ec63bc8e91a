// The fetcher against hostile servers on 127.0.0.1 (with --allow-private on, since they are local): redirects
// counted and kept to one scheme, private addresses refused unless allowed, bodies capped after decompression,
// credentials sent to their own host only and never returned, the final URL reported.
import { test, after } from 'node:test'
import assert from 'node:assert/strict'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gzipSync } from 'node:zlib'
import { blockedAddress, fetchUrl, redactUrl } from './fetch.js'
import { openSqliteStore } from '../store/sqlite/store.js'
import { ingest } from '../pipeline/ingest.js'
import Database from 'better-sqlite3'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const seen: { path: string; auth: string | undefined }[] = []
function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization })
    handler(req, res)
  })
  after(() => {
    server.closeAllConnections()
    server.close()
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)))
}

const ARTICLE = '<html><head><title>两国外长会谈</title></head><body><p>两国外长12日在利雅得举行会谈，双方同意继续磋商。</p></body></html>'
const other = await serve((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE))
const base = await serve((req, res) => {
  const u = req.url ?? '/'
  if (u === '/page') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ARTICLE)
  if (u === '/to-other') return void res.writeHead(302, { location: `${other}/moved` }).end()
  if (u.startsWith('/loop')) return void res.writeHead(302, { location: `/loop${Number(u.slice(5) || 0) + 1}` }).end()
  if (u === '/to-https') return void res.writeHead(301, { location: 'https://127.0.0.1:1/' }).end()
  if (u === '/to-file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end()
  if (u === '/to-link-local') return void res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end()
  if (u === '/gzip-bomb') {
    // 40 KB on the wire, 40 MB unpacked.
    return void res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(40 * 1024 * 1024, 0x61)))
  }
  if (u === '/gzip-ok') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync(ARTICLE))
  res.writeHead(404).end()
})

test('a redirect is followed and the final URL reported; too many redirects are refused', async () => {
  const r = await fetchUrl(`${base}/to-other`, { allowPrivate: true })
  if (!r.ok) assert.fail(r.error.message)
  assert.equal(r.value.url, `${other}/moved`)
  const loop = await fetchUrl(`${base}/loop`, { allowPrivate: true, maxRedirects: 3 })
  assert.equal(!loop.ok && loop.error.message, `ingest: ${base}/loop: more than 3 redirects`)
})

test('no redirect to another scheme, to file:, or to a link-local address', async () => {
  for (const path of ['/to-https', '/to-file']) {
    const r = await fetchUrl(`${base}${path}`, { allowPrivate: true })
    assert.equal(r.ok, false)
    if (!r.ok) assert.match(r.error.message, /another scheme.*not followed/)
  }
  const meta = await fetchUrl(`${base}/to-link-local`, { allowPrivate: false })
  assert.equal(meta.ok, false)
  // Every hop is checked by the same rule (a public first hop cannot be made here, so the rule is checked as well).
  if (!meta.ok) assert.match(meta.error.message, /loopback address.*--allow-private/)
  assert.equal(blockedAddress('169.254.169.254'), 'a link-local address')
  assert.equal(blockedAddress('10.1.2.3'), 'a private address')
  assert.equal(blockedAddress('::ffff:127.0.0.1'), 'a loopback address')
  assert.equal(blockedAddress('fe80::1'), 'a link-local address')
  assert.equal(blockedAddress('93.184.216.34'), null)
})

test('loopback and private addresses are refused unless allowed, by name too (localhost)', async () => {
  const port = new URL(base).port
  for (const url of [`${base}/page`, `http://localhost:${port}/page`]) {
    const r = await fetchUrl(url)
    assert.equal(r.ok, false, url)
    if (!r.ok) assert.match(r.error.message, /loopback address.*pass --allow-private/)
  }
  const allowed = await fetchUrl(`http://localhost:${port}/page`, { allowPrivate: true })
  assert.equal(allowed.ok, true)
})

test('the body cap holds after decompression (a gzip bomb stops at the cap); gzip is read', async () => {
  const bomb = await fetchUrl(`${base}/gzip-bomb`, { allowPrivate: true, maxBytes: 1024 * 1024 })
  assert.equal(bomb.ok, false)
  if (!bomb.ok) assert.match(bomb.error.message, /over the 1048576-byte limit \(after decompression\)/)
  const fine = await fetchUrl(`${base}/gzip-ok`, { allowPrivate: true })
  assert.equal(fine.ok && Buffer.from(fine.value.bytes).toString(), ARTICLE)
})

test('credentials go to their own host only and are never stored or printed; the final URL is stored', async () => {
  const port = new URL(base).port
  const secret = `http://reader:s3cret@127.0.0.1:${port}/to-other`
  assert.equal(redactUrl(secret), `http://127.0.0.1:${port}/to-other`)
  seen.length = 0
  const db = join(mkdtempSync(join(tmpdir(), 'parley-fetch-')), 'p.db')
  const store = openSqliteStore(db)
  const r = await ingest(store, [secret, `http://reader:s3cret@127.0.0.1:${port}/missing`], { allowPrivate: true })
  assert.equal(r.newDocs, 1)
  assert.equal(seen.find((s) => s.path === '/to-other')?.auth, `Basic ${Buffer.from('reader:s3cret').toString('base64')}`)
  assert.equal(seen.find((s) => s.path === '/moved')?.auth, undefined, 'not sent to the host redirected to')
  const everything = JSON.stringify([r, store.listRuns(), store.listFailures(), store.listDocuments()])
  assert.ok(!everything.includes('s3cret'), everything)
  assert.equal(r.files[0]!.path, `http://127.0.0.1:${port}/to-other`)
  const doc = store.listDocuments()[0]!
  assert.equal(doc.origin, `http://127.0.0.1:${port}/to-other`)
  store.close()
  const raw = new Database(db, { readonly: true })
  assert.deepEqual(raw.prepare("SELECT path, final_url FROM ingest_files WHERE status = 'new'").get(), { path: `http://127.0.0.1:${port}/to-other`, final_url: `${other}/moved` })
  raw.close()
  assert.ok(!readFileSync(db).includes('s3cret'))
})
