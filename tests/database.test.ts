// The database under misuse: another program's SQLite file is refused untouched, migrations are all or nothing,
// concurrent ingests lose nothing, and a full disk or a read-only file ends in one line saying what was stored.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import Database from 'better-sqlite3'
import { openSqliteStore } from '../src/store/sqlite/store.js'
import { loadMigrations, migrate } from '../src/store/sqlite/migrate.js'
import { hasStack, runParley, tempDir } from './helpers/cli.js'

const sha = (p: string): string => createHash('sha256').update(readFileSync(p)).digest('hex')

/** Distinct short articles, one per file: `n` of them under `dir`, named with `tag`. */
function articles(dir: string, tag: string, n: number): string[] {
  mkdirSync(dir, { recursive: true })
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    const p = join(dir, `${tag}-${i}.txt`)
    writeFileSync(p, `${tag}第${i}篇：两国外长${(i % 27) + 1}日在利雅得举行会谈，双方同意就第${i}号议题继续磋商。编号${tag}${i}。\n`)
    out.push(p)
  }
  return out
}

test('another program\'s SQLite file is refused untouched, by writers and readers alike', async () => {
  const dir = tempDir('parley-foreign-')
  const file = join(dir, 'notes.db')
  const other = new Database(file)
  other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('mine')")
  other.close()
  const before = sha(file)
  const input = join(dir, 'a.txt')
  writeFileSync(input, '两国外长12日举行会谈。')
  const runs = await Promise.all([runParley(['--db', file, 'ingest', input]), runParley(['--db', file, 'docs']), runParley(['--db', file, 'events', '--format', 'json'])])
  for (const r of runs) {
    assert.equal(r.code, 1, r.err)
    assert.match(r.err, /notes\.db: not a parley database \(it holds notes and no parley migrations\)/)
    assert.ok(!hasStack(r.err), r.err)
  }
  assert.equal(sha(file), before, 'not one byte changed')
  assert.equal(existsSync(file + '-wal'), false, 'not switched to WAL')
  const check = new Database(file, { readonly: true })
  assert.equal(check.pragma('journal_mode', { simple: true }), 'delete')
  assert.deepEqual(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(), ['notes'])
  check.close()
  // A file that is not SQLite at all: one line, untouched.
  writeFileSync(join(dir, 'text.db'), 'just some text, not a database\n'.repeat(50))
  const notDb = await runParley(['--db', join(dir, 'text.db'), 'docs'])
  assert.equal(notDb.code, 1)
  assert.match(notDb.err, /text\.db: .*(not a database|damaged)/)
  assert.equal(readFileSync(join(dir, 'text.db'), 'utf8'), 'just some text, not a database\n'.repeat(50))
})

test('migrations are all or nothing: a failing one leaves no table behind, not even the bookkeeping', () => {
  const db = new Database(':memory:')
  const good = { version: 1, name: '001_a.sql', sql: 'CREATE TABLE a (x); CREATE TABLE b (y);' }
  const bad = { version: 2, name: '002_clash.sql', sql: 'CREATE TABLE c (z); CREATE TABLE a (x);' }
  assert.throws(() => migrate(db, [good, bad]), /002_clash\.sql failed: table a already exists/)
  assert.deepEqual(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all(), [])
  assert.equal(migrate(db, [good]).length, 1)
  db.close()
})

test('a fresh database is migrated once when several processes open it at once', async () => {
  const dir = tempDir('parley-open-')
  const db = join(dir, 'p.db')
  const runs = await Promise.all([0, 1, 2, 3].map(() => runParley(['--db', db, 'ingest', articles(join(dir, 'in'), 'x', 1)[0]!])))
  for (const r of runs) assert.equal(r.code, 0, r.err)
  const s = openSqliteStore(db, { mode: 'read' })
  assert.equal(s.countDocuments(), 1)
  s.close()
  const raw = new Database(db, { readonly: true })
  assert.equal(raw.prepare('SELECT count(*) FROM schema_migrations').pluck().get(), loadMigrations().length)
  raw.close()
})

for (const processes of [2, 4]) {
  test(`${processes} ingests at once on one database: all finish, nothing is lost or doubled`, async () => {
    const dir = tempDir(`parley-concurrent-${processes}-`)
    const db = join(dir, 'p.db')
    const shared = articles(join(dir, 'shared'), 'shared', 6)
    const own = Array.from({ length: processes }, (_, k) => articles(join(dir, `own${k}`), `p${k}`, 12))
    const runs = await Promise.all(own.map((files, k) => runParley(['--db', db, 'ingest', join(dir, `own${k}`), join(dir, 'shared'), '--format', 'json'])))
    for (const r of runs) {
      assert.equal(r.code, 0, r.err)
      assert.equal((JSON.parse(r.out) as { failed: number }).failed, 0)
    }
    const s = openSqliteStore(db, { mode: 'read' })
    assert.equal(s.countDocuments(), shared.length + own.flat().length)
    assert.equal(s.listFailures().length, 0)
    s.close()
    const raw = new Database(db, { readonly: true })
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok')
    // Every article has its extraction, and each document was stored once.
    assert.equal(raw.prepare('SELECT count(*) FROM extractions').pluck().get(), shared.length + own.flat().length)
    assert.equal(raw.prepare('SELECT count(*) FROM document_match').pluck().get(), shared.length + own.flat().length)
    raw.close()
  })
}

const NOBODY = 65534
const isRoot = process.getuid?.() === 0

test('a read-only database: one line saying so, nothing stored, no stack', async () => {
  const dir = tempDir('parley-ro-')
  const db = join(dir, 'p.db')
  const files = articles(join(dir, 'in'), 'ro', 2)
  assert.equal((await runParley(['--db', db, 'ingest', files[0]!])).code, 0)
  for (const f of [dir, join(dir, 'in'), ...files]) chmodSync(f, 0o755)
  chmodSync(db, 0o444)
  for (const suffix of ['-wal', '-shm']) if (existsSync(db + suffix)) chmodSync(db + suffix, 0o444)
  // Root writes anyway: run as nobody, who may read the project but not the database.
  const r = await runParley(['--db', db, 'ingest', files[1]!], isRoot ? { spawn: { uid: NOBODY, gid: NOBODY }, env: { HOME: dir, TSX_TSCONFIG_PATH: undefined } } : {})
  assert.equal(r.code, 1, r.out + r.err)
  assert.match(r.err, /p\.db: .*read-only|p\.db: .*cannot be opened/)
  assert.ok(!hasStack(r.err), r.err)
  assert.equal(r.err.trim().split('\n').length, 1, r.err)
})

function tryMount(dir: string, size: string): boolean {
  if (!isRoot) return false
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

test('a full disk stops the run with one line saying what was stored; the database stays sound', async (t) => {
  const mnt = tempDir('parley-full-')
  if (!tryMount(mnt, '768k')) return t.skip('needs root and a tmpfs mount to fill a disk')
  try {
    const dir = tempDir('parley-full-in-')
    // Articles of ~20 KB each: a few fit, the rest do not.
    for (let i = 0; i < 60; i++) writeFileSync(join(dir, `a${String(i).padStart(2, '0')}.txt`), `第${i}篇。` + `两国外长在利雅得举行会谈，双方同意继续磋商第${i}号议题。`.repeat(250))
    const db = join(mnt, 'p.db')
    const r = await runParley(['--db', db, 'ingest', dir])
    assert.equal(r.code, 1, r.out + r.err)
    assert.ok(!hasStack(r.err), r.err)
    const line = r.err.trim().split('\n')
    assert.equal(line.length, 1, r.err)
    const m = /p\.db: (?:the disk .*full|.*full).*; (?:stopped at .*a\d\d\.txt|nothing was stored)\. (\d+) new documents from \d+ inputs were stored before/.exec(r.err) ?? /nothing was stored/.exec(r.err)
    assert.ok(m, r.err)
    const stored = Number(m![1] ?? 0)
    const raw = new Database(db, { readonly: true })
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok')
    assert.equal(raw.prepare('SELECT count(*) FROM documents').pluck().get(), stored)
    raw.close()
  } finally {
    execFileSync('umount', ['-l', mnt])
  }
})
