// The ingest run and reprocessing, through the library, on a fresh in-memory database with the real migrations.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { copyFileSync, mkdtempSync, writeFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openSqliteStore } from '../src/store/sqlite/store.js'
import { ingest } from '../src/pipeline/ingest.js'
import { reprocess } from '../src/pipeline/reprocess.js'
import { projectRoot } from './helpers/shared.js'

const samples = ['feeds', 'atom', 'pages', 'items', 'text'].map((f) => join(projectRoot, 'examples', f))

test('a re-run adds nothing; every sample input is handled', async () => {
  const store = openSqliteStore(':memory:')
  const first = await ingest(store, samples)
  assert.equal(first.failed, 0, JSON.stringify(first.files.filter((f) => f.status === 'failed')))
  assert.equal(first.newDocs, 9)
  const again = await ingest(store, samples)
  assert.equal(again.newDocs, 0)
  assert.ok(again.files.every((f) => f.status === 'known'))
  assert.equal(store.countDocuments(), 9)
  store.close()
})

test('an interrupted run resumes: files already handled are not read again', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-resume-'))
  const src = join(projectRoot, 'examples', 'text')
  for (const f of readdirSync(src)) copyFileSync(join(src, f), join(dir, f))
  copyFileSync(join(projectRoot, 'examples/items/000_alaska-summit.txt'), join(dir, 'z-item.txt'))
  const store = openSqliteStore(':memory:')
  // The "interrupted" run got through one file only.
  await ingest(store, [join(dir, 'jeddah-ceasefire.txt')])
  const resumed = await ingest(store, [dir])
  const byName = Object.fromEntries(resumed.files.map((f) => [f.path.split('/').pop(), f.status]))
  assert.deepEqual(byName, { 'jeddah-ceasefire.txt': 'known', 'oval-office-hk.txt': 'new', 'z-item.txt': 'new' })
  assert.equal(store.countDocuments(), 3)
  store.close()
})

test('a changed sidecar makes the file new work again (its statements are part of what was handled)', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-sidecar-'))
  const file = join(dir, 'a.txt')
  copyFileSync(join(projectRoot, 'examples/text/jeddah-ceasefire.txt'), file)
  const store = openSqliteStore(':memory:')
  await ingest(store, [file])
  writeFileSync(file + '.meta.json', '{"published": "2025-03-11"}')
  const second = await ingest(store, [file])
  assert.equal(second.files[0]!.status, 'known', 'same text, so the same document')
  assert.deepEqual(store.listDocuments().map((d) => [d.published.at, d.published.source]), [['2025-03-11', 'sidecar']])
  writeFileSync(file + '.meta.json', '{"published": "not a date"}')
  const bad = await ingest(store, [file])
  assert.equal(bad.failed, 1)
  assert.match(bad.files[0]!.reason ?? '', /a\.txt.*not a date/)
  store.close()
})

test('reprocessing reads the stored bytes again and keeps a stated date', async () => {
  const store = openSqliteStore(':memory:')
  await ingest(store, [join(projectRoot, 'examples/text/oval-office-hk.txt')])
  await ingest(store, [join(projectRoot, 'examples/pages')], { published: '2025-05-17' })
  for (const d of store.listDocuments()) {
    const before = store.getDocument(d.id)!
    const r = reprocess(store, d.id)
    assert.ok(r.ok, r.ok ? '' : r.error.message)
    assert.equal(r.value.newId, d.id)
    assert.equal(r.value.changed, false)
    assert.deepEqual(store.getDocument(d.id), before)
  }
  const dated = store.listDocuments().filter((d) => d.published.source === 'user')
  assert.equal(dated.length, 2)
  const missing = reprocess(store, 'ffffffffffffffff')
  assert.ok(!missing.ok && /ffffffffffffffff/.test(missing.error.message))
  store.close()
})

test('URLs are fetched over real HTTP; a failing URL is named and the batch goes on', async () => {
  const { createServer } = await import('node:http')
  const { readFileSync } = await import('node:fs')
  const pages: Record<string, { type: string; body: Buffer }> = {
    '/feed.rss': { type: 'application/rss+xml', body: readFileSync(join(projectRoot, 'examples/feeds/diplomacy-digest.rss')) },
    '/riyadh': { type: 'text/html; charset=GBK', body: readFileSync(join(projectRoot, 'examples/pages/riyadh-talks.html')) },
  }
  const server = createServer((req, res) => {
    const page = pages[req.url ?? '']
    if (!page) return void res.writeHead(404).end('not here')
    res.writeHead(200, { 'content-type': page.type }).end(page.body)
  })
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok))
  const port = (server.address() as { port: number }).port
  const base = `http://127.0.0.1:${port}`
  try {
    const store = openSqliteStore(':memory:')
    const r = await ingest(store, [`${base}/feed.rss`, `${base}/missing`, `${base}/riyadh`], { allowPrivate: true })
    assert.equal(r.newDocs, 4)
    assert.equal(r.failed, 1)
    const bad = r.files.find((f) => f.status === 'failed')!
    assert.match(bad.reason ?? '', new RegExp(`${base}/missing.*404`))
    const riyadh = store.listDocuments().find((d) => d.origin === `${base}/riyadh`)!
    assert.equal(store.getDocument(riyadh.id)!.encoding, 'gb18030')
    store.close()
  } finally {
    server.close()
  }
})

test('an unreadable entry in a folder (a dangling link) fails by name; the rest of the folder is stored', async () => {
  const { symlinkSync } = await import('node:fs')
  const dir = mkdtempSync(join(tmpdir(), 'parley-link-'))
  copyFileSync(join(projectRoot, 'examples/text/jeddah-ceasefire.txt'), join(dir, 'a.txt'))
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'b.txt'))
  const store = openSqliteStore(':memory:')
  const r = await ingest(store, [dir])
  assert.equal(r.newDocs, 1)
  assert.equal(r.failed, 1)
  const bad = r.files.find((f) => f.status === 'failed')!
  assert.match(bad.path, /b\.txt$/)
  assert.match(bad.reason ?? '', /cannot read: ENOENT/)
  assert.equal(store.listFailures().length, 1)
  store.close()
})
