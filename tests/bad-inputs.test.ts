// Hostile and broken inputs (tests/fixtures/bad/, and big or special files made here in a temp folder): each is
// stored with a warning, skipped or failed with one line naming the file and the problem. None crashes, hangs
// or leaks what a link points at.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { chmodSync, closeSync, mkdirSync, openSync, readFileSync, symlinkSync, unlinkSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from './helpers/shared.js'
import { hasStack, runParley, tempDir } from './helpers/cli.js'
import { openSqliteStore } from '../src/store/sqlite/store.js'
import { ingest, type FileOutcome, type IngestSummary } from '../src/pipeline/ingest.js'
import type { Store } from '../src/store/store.js'
import { readInput } from '../src/ingest/read.js'

const BAD = join(projectRoot, 'tests/fixtures/bad')
const PASSWD = readFileSync('/etc/passwd', 'utf8').split('\n')[0]!.slice(0, 12) // "root:x:0:0:r"

function fresh(): { store: Store; db: string; dir: string } {
  const dir = tempDir('parley-bad-')
  const db = join(dir, 'p.db')
  return { store: openSqliteStore(db), db, dir }
}

const byName = (s: IngestSummary, name: string): FileOutcome => {
  const f = s.files.find((x) => x.path.endsWith(`/${name}`) || x.path === name)
  assert.ok(f, `${name} is in the run`)
  return f
}

function oneLine(f: FileOutcome): void {
  for (const text of [f.reason ?? '', ...f.warnings]) {
    assert.ok(!text.includes('\n'), `one line: ${text}`)
    assert.ok(!hasStack(text), text)
    assert.ok(!text.includes(PASSWD), `leaks /etc/passwd: ${text}`)
  }
}

test('the committed bad inputs: each skipped, failed or stored with a warning, by name; nothing leaks', async () => {
  const { store, db } = fresh()
  const s = await ingest(store, [BAD])
  for (const f of s.files) oneLine(f)
  const expect: Record<string, FileOutcome['status']> = {
    'README.md': 'skipped', 'package-lock.json': 'skipped', 'yarn.lock': 'skipped', 'data.json': 'skipped',
    'empty.txt': 'skipped', 'whitespace.txt': 'skipped', 'image.txt': 'skipped', 'letter.docx': 'skipped',
    'program.bin': 'skipped', 'random.dat': 'skipped',
    'external-entity.rss': 'failed',
    'truncated.html': 'new', 'truncated.rss': 'new', 'undeclared-entity.rss': 'new', 'billion-laughs.rss': 'new',
    'external-entity.html': 'new', 'gbk-labelled-utf8.html': 'new', 'big5-labelled-gbk.html': 'new',
    'mixed-encodings.txt': 'new', 'invalid-utf8.txt': 'new', 'nul-bytes.txt': 'new', 'feed-missing-fields.rss': 'new',
    'feb30.txt': 'new', 'bad-export.txt': 'new',
  }
  for (const [name, status] of Object.entries(expect)) assert.equal(byName(s, name).status, status, `${name}: ${byName(s, name).reason}`)
  assert.equal(s.files.length, Object.keys(expect).length)
  // Why each was set aside, in words.
  assert.match(byName(s, 'image.txt').reason!, /PNG image/)
  assert.match(byName(s, 'letter.docx').reason!, /not a document|zip/)
  assert.match(byName(s, 'program.bin').reason!, /ELF program/)
  assert.match(byName(s, 'random.dat').reason!, /binary data/)
  assert.match(byName(s, 'data.json').reason!, /JSON data, not a JSON Feed/)
  assert.match(byName(s, 'empty.txt').reason!, /empty file/)
  assert.match(byName(s, 'external-entity.rss').reason!, /external-entity\.rss: .*entit/i)
  // Stored, with a warning saying what was wrong.
  assert.match(byName(s, 'mixed-encodings.txt').warnings.join(' '), /1 line in GBK\/Big5/)
  assert.match(byName(s, 'invalid-utf8.txt').warnings.join(' '), /invalid UTF-8 byte sequences replaced/)
  assert.match(byName(s, 'nul-bytes.txt').warnings.join(' '), /removed 3 control characters/)
  assert.match(byName(s, 'bad-export.txt').warnings.join(' '), /<!--not-a-number--> is not an epoch time/)
  assert.match(byName(s, 'truncated.rss').warnings.join(' '), /ill-formed XML/)
  assert.match(byName(s, 'feed-missing-fields.rss').warnings.join(' '), /no link and no content|no article text/)
  // Text as meant, whatever the labels said.
  const texts = store.listDocuments({ limit: 100 }).map((d) => store.getDocument(d.id)!)
  const textOf = (name: string): string => texts.find((d) => d.origin.endsWith(name))!.text
  assert.match(textOf('gbk-labelled-utf8.html'), /两国外长12日在利雅得举行会谈/)
  assert.match(textOf('big5-labelled-gbk.html'), /兩國外長12日在利雅得舉行會談/)
  assert.match(textOf('mixed-encodings.txt'), /第二段：两国外长/)
  assert.ok(textOf('billion-laughs.rss').length < 200, 'entities are never expanded')
  // 2月30日 is no date: the document stays undated rather than moved to 3月2日.
  const feb30 = texts.find((d) => d.origin.endsWith('feb30.txt'))!
  assert.equal(feb30.published.at, null)
  assert.ok(!JSON.stringify(store.getExtraction(feb30.id)).includes('2025-03-02'))
  store.close()
  // /etc/passwd's content is nowhere in the database.
  assert.ok(!readFileSync(db).includes(PASSWD), 'the database holds no /etc/passwd bytes')
})

test('symbolic link loops, and two loops feeding each other, are walked once', async () => {
  const { store, dir } = fresh()
  const root = join(dir, 'in')
  for (const d of ['a', 'b', 'c']) mkdirSync(join(root, d), { recursive: true })
  writeFileSync(join(root, 'a', 'one.txt'), '两国外长12日举行会谈。')
  writeFileSync(join(root, 'b', 'two.txt'), '双方同意继续磋商，下月再次会晤。')
  symlinkSync('..', join(root, 'a', 'up'))
  symlinkSync('../c', join(root, 'b', 'to-c'))
  symlinkSync('../b', join(root, 'c', 'to-b'))
  const started = Date.now()
  const s = await ingest(store, [root])
  assert.ok(Date.now() - started < 20_000)
  assert.equal(s.newDocs, 2)
  assert.equal(s.files.filter((f) => f.status === 'new').length, 2)
  store.close()
})

test('FIFOs and devices are skipped without being opened; a sidecar linked to a system file is never echoed', async () => {
  const { store, dir } = fresh()
  const root = join(dir, 'in')
  mkdirSync(root)
  execFileSync('mkfifo', [join(root, 'pipe.txt')])
  symlinkSync('/dev/zero', join(root, 'zero.txt'))
  writeFileSync(join(root, 'a.txt'), '两国外长12日在利雅得举行会谈。')
  symlinkSync('/etc/passwd', join(root, 'a.txt.meta.json'))
  const s = await ingest(store, [root, join(root, 'pipe.txt'), '/dev/null'])
  for (const f of s.files) oneLine(f)
  assert.match(byName(s, 'pipe.txt').reason!, /FIFO/)
  assert.match(byName(s, 'zero.txt').reason!, /character device/)
  assert.match(byName(s, '/dev/null').reason!, /character device/)
  assert.equal(byName(s, 'a.txt').status, 'failed')
  assert.match(byName(s, 'a.txt').reason!, /a\.txt\.meta\.json: sidecar is a symbolic link/)
  store.close()
})

test('a file that disappears mid-run fails by name; the run goes on', async () => {
  const { store, dir } = fresh()
  for (const n of ['a', 'b', 'c']) writeFileSync(join(dir, `${n}.txt`), `${n}：两国外长12日在利雅得举行会谈。`)
  const s = await ingest(store, [join(dir, 'a.txt'), join(dir, 'b.txt'), join(dir, 'c.txt')], {
    onFile: (done) => {
      if (done === 1) unlinkSync(join(dir, 'b.txt'))
    },
  })
  assert.equal(byName(s, 'b.txt').status, 'failed')
  assert.match(byName(s, 'b.txt').reason!, /b\.txt: no such file/)
  assert.equal(s.newDocs, 2)
  store.close()
})

test('big inputs fail fast by name: a 100 MB page, 100,000 nested tags, a 5 MB line', async () => {
  const { store, dir } = fresh()
  const page = join(dir, 'huge.html')
  const fd = openSync(page, 'w')
  const chunk = Buffer.from('<p>两国外长举行会谈，双方同意继续磋商。</p>\n'.repeat(20_000))
  for (let written = 0; written < 100 * 1024 * 1024; written += chunk.length) writeSync(fd, chunk)
  closeSync(fd)
  writeFileSync(join(dir, 'nested.html'), `<html><body>${'<div>'.repeat(100_000)}<p>两国外长举行会谈。</p>${'</div>'.repeat(100_000)}</body></html>`)
  writeFileSync(join(dir, 'line.txt'), '两国外长举行会谈，'.repeat(200_000))
  const started = Date.now()
  const s = await ingest(store, [page, join(dir, 'nested.html'), join(dir, 'line.txt')])
  assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`)
  for (const f of s.files) oneLine(f)
  assert.match(byName(s, 'huge.html').reason!, /huge\.html: file of 10\d\.\d MB is over the 10 MB limit/)
  assert.match(byName(s, 'nested.html').reason!, /nested\.html: markup nested more than 1000 levels/)
  assert.match(byName(s, 'line.txt').reason!, /line\.txt: (?:text of )?\d+ characters is over the/)
  // The limit is the user's to raise.
  const raised = await ingest(store, [join(dir, 'nested.html')], { maxBytes: 200 * 1024 * 1024 })
  assert.equal(raised.failed, 1)
  store.close()
})

test('a feed of 10,000 items is read in bounded time, one document per item', () => {
  const items = Array.from({ length: 10_000 }, (_, i) => `<item><title>第${i}条</title><link>https://example.org/${i}</link><pubDate>Wed, 12 Feb 2025 08:00:00 +0800</pubDate><description>两国外长举行第${i}轮会谈。</description></item>`)
  const bytes = new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>外交观察</title>${items.join('')}</channel></rss>`)
  const started = Date.now()
  const r = readInput({ origin: 'feed10k.rss', bytes })
  assert.ok(r.ok)
  assert.equal(r.value.docs.length, 10_000)
  assert.ok(Date.now() - started < 20_000, `took ${Date.now() - started} ms`)
})

test('an unreadable folder and a file name that is not UTF-8 fail by name; the rest is stored', { skip: process.platform !== 'linux' }, async () => {
  const dir = tempDir('parley-perm-')
  const root = join(dir, 'in')
  mkdirSync(join(root, 'locked'), { recursive: true })
  writeFileSync(join(root, 'locked', 'x.txt'), '锁住的文件。')
  writeFileSync(join(root, 'ok.txt'), '两国外长12日在利雅得举行会谈。')
  writeFileSync(Buffer.concat([Buffer.from(root + '/'), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from('.txt')]), '名字是GBK的文件。')
  chmodSync(root, 0o755)
  chmodSync(dir, 0o755)
  chmodSync(join(root, 'locked'), 0o000)
  // Root reads any folder: run as nobody, who cannot.
  const asNobody = process.getuid?.() === 0 ? { spawn: { uid: 65534, gid: 65534 }, env: { HOME: dir } } : {}
  mkdirSync(join(dir, 'out'), { mode: 0o777 })
  chmodSync(join(dir, 'out'), 0o777)
  const r = await runParley(['--db', join(dir, 'out', 'p.db'), 'ingest', root, '--format', 'json'], asNobody)
  chmodSync(join(root, 'locked'), 0o755)
  const s = JSON.parse(r.out) as IngestSummary
  assert.equal(s.newDocs, 1)
  const locked = s.files.find((f) => f.path.endsWith('locked'))!
  assert.match(locked.reason!, /cannot list the folder: EACCES/)
  const gbk = s.files.find((f) => f.path.includes('\uFFFD'))!
  assert.match(gbk.reason!, /file name is not valid UTF-8/)
})

test('a document whose extraction runs past the time limit fails by name in one line; the batch goes on', async () => {
  const dir = tempDir('parley-slow-')
  const input = join(dir, 'in')
  mkdirSync(input)
  // Event-dense text: many seconds of extraction, far past a one-second limit on any machine.
  writeFileSync(join(input, 'b-slow.txt'), Array.from({ length: 1000 }, (_, i) => `${(i % 12) + 1}月${(i % 28) + 1}日，美国国务卿卢比奥与俄罗斯外长拉夫罗夫在利雅得举行第${i}轮会谈，普京表示同意停火${(i % 9) + 1}天。`).join(''))
  writeFileSync(join(input, 'a-short.txt'), '2月12日，两国外长在利雅得举行会谈。')
  writeFileSync(join(input, 'c-short.txt'), '3月1日，双方代表在日内瓦再次会晤。')
  const db = join(dir, 'p.db')
  const started = Date.now()
  const r = await runParley(['--db', db, 'ingest', input, '--time-limit', '1', '--format', 'json'])
  const took = Date.now() - started
  assert.equal(r.code, 1, r.err)
  assert.ok(!hasStack(r.err), r.err)
  const s = JSON.parse(r.out) as IngestSummary
  const slow = byName(s, 'b-slow.txt')
  assert.equal(slow.status, 'failed')
  oneLine(slow)
  assert.match(slow.reason!, /^extract: .*b-slow\.txt: took longer than 1 s, the time limit per document; not stored/)
  assert.deepEqual([byName(s, 'a-short.txt').status, byName(s, 'c-short.txt').status], ['new', 'new'], 'the files after it are stored')
  assert.ok(took < 60_000, `took ${took} ms`)
  const store = openSqliteStore(db, { mode: 'read' })
  assert.equal(store.countDocuments(), 2)
  assert.match(store.listFailures().map((f) => f.reason).join('\n'), /b-slow\.txt: took longer than 1 s/)
  store.close()
  // The same limit from the environment; a bad value is a usage error.
  const bad = await runParley(['--db', db, 'ingest', input], { env: { PARLEY_TIME_LIMIT: 'soon' } })
  assert.equal(bad.code, 2, bad.err)
  assert.match(bad.err, /soon.*not a number of seconds/)
})
