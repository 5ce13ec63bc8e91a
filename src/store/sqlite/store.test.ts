// The SQLite store: the shared conformance suite on fresh in-memory databases, then what only SQLite has
// (migrations, files on disk, WAL, blob sharing).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { ParleyError } from '../../core/errors.js'
import { storeConformance } from '../conformance.js'
import { FEED_BYTES, makeDoc, matchOf } from '../conformance-fixtures.js'
import { appliedVersions, loadMigrations, migrate } from './migrate.js'
import { openSqliteStore } from './store.js'

storeConformance('sqlite', () => openSqliteStore(':memory:'))

function tempDir(t: { after: (fn: () => void) => void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'parley-store-'))
  t.after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

test('migrations are numbered, ordered and all applied to a new database', () => {
  const all = loadMigrations()
  assert.deepEqual(all.map((m) => m.version), [...all.map((m) => m.version)].sort((a, b) => a - b))
  assert.ok(all.length >= 2)
  const db = new Database(':memory:')
  assert.deepEqual(migrate(db, all).map((m) => m.name), all.map((m) => m.name))
  assert.deepEqual(appliedVersions(db), all.map((m) => m.version))
  assert.deepEqual(migrate(db, all), [], 'a second run applies nothing')
  db.close()
})

test('re-opening a file database applies nothing and keeps its data', (t) => {
  const path = join(tempDir(t), 'parley.db')
  const doc = makeDoc()
  const s1 = openSqliteStore(path)
  s1.putDocument(doc, { bytes: FEED_BYTES }, matchOf(doc))
  const run = s1.beginRun([path])
  s1.close()

  const db = new Database(path)
  const before = db.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all()
  db.close()
  const s2 = openSqliteStore(path)
  assert.deepEqual(s2.getDocument(doc.id), doc)
  assert.deepEqual(s2.getRaw(doc.id)?.bytes, FEED_BYTES)
  assert.deepEqual(s2.search('特朗普').map((h) => h.id), [doc.id])
  assert.equal(s2.listRuns()[0]?.id, run)
  s2.close()
  const db2 = new Database(path)
  assert.deepEqual(db2.prepare('SELECT version, applied_at FROM schema_migrations ORDER BY version').all(), before)
  assert.equal(db2.pragma('journal_mode', { simple: true }), 'wal')
  db2.close()
})

test('a database at an older version is upgraded on open, its data kept', (t) => {
  const path = join(tempDir(t), 'old.db')
  const [first, ...rest] = loadMigrations()
  assert.ok(first && rest.length > 0)
  const db = new Database(path)
  migrate(db, [first])
  db.prepare("INSERT INTO blobs (sha256, bytes, size) VALUES ('00', x'01', 1)").run()
  assert.equal(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ingest_runs'").pluck().get(), 0)
  db.close()

  const s = openSqliteStore(path)
  const run = s.beginRun(['x'])
  assert.equal(s.finishRun(run).id, run, 'the tables of later migrations exist')
  s.close()
  const db2 = new Database(path)
  assert.deepEqual(appliedVersions(db2), loadMigrations().map((m) => m.version))
  assert.equal(db2.prepare("SELECT size FROM blobs WHERE sha256 = '00'").pluck().get(), 1)
  db2.close()
})

test('a database from a newer parley is refused, naming it', (t) => {
  const path = join(tempDir(t), 'new.db')
  openSqliteStore(path).close()
  const db = new Database(path)
  db.prepare("INSERT INTO schema_migrations VALUES (999, '999_future.sql', '2030-01-01')").run()
  db.close()
  assert.throws(() => openSqliteStore(path), (e) => e instanceof ParleyError && e.message.includes(path) && e.message.includes('999_future.sql'))
})

test('a bad path gives an error naming it', (t) => {
  const missing = join(tempDir(t), 'no', 'such', 'dir', 'parley.db')
  assert.throws(() => openSqliteStore(missing), (e) => e instanceof ParleyError && e.message.startsWith(`store: ${missing}: `))
  const junk = join(tempDir(t), 'junk.db')
  writeFileSync(junk, 'this is not a database, just some text that is long enough to have a header')
  assert.throws(() => openSqliteStore(junk), (e) => e instanceof ParleyError && e.message.startsWith(`store: ${junk}: `))
})

test('one feed\'s bytes are stored once for its many items', (t) => {
  const path = join(tempDir(t), 'blobs.db')
  const s = openSqliteStore(path)
  for (const [i, text] of ['普京', '泽连斯基', '特朗普'].entries()) {
    const d = makeDoc({ id: `item-${i}-0000`, part: `item-${i}`, text })
    s.putDocument(d, { bytes: FEED_BYTES }, matchOf(d))
  }
  s.close()
  const db = new Database(path)
  assert.equal(db.prepare('SELECT count(*) FROM blobs').pluck().get(), 1)
  assert.equal(db.prepare('SELECT count(DISTINCT raw_sha256) FROM documents').pluck().get(), 1)
  db.close()
})
