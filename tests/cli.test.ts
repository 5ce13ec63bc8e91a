// The command line end to end: real processes, a real database file in a temp folder.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { projectRoot, sharedPath, skipWithout } from './helpers/shared.js'

function parley(db: string, ...args: string[]): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/main.ts'), '--db', db, ...args], { encoding: 'utf8', cwd: projectRoot })
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr }
}

const tmp = (): string => mkdtempSync(join(tmpdir(), 'parley-cli-'))

test('ingest the seeds: 5 documents, and a second run stores none', { skip: skipWithout('seeds') }, () => {
  const db = join(tmp(), 'p.db')
  const first = parley(db, 'ingest', sharedPath('seeds')!, '--format', 'json')
  assert.equal(first.code, 0, first.err)
  const s1 = JSON.parse(first.out) as { newDocs: number; failed: number }
  assert.equal(s1.newDocs, 5)
  assert.equal(s1.failed, 0)
  const second = parley(db, 'ingest', sharedPath('seeds')!, '--format', 'json')
  assert.equal(second.code, 0)
  assert.equal((JSON.parse(second.out) as { newDocs: number }).newDocs, 0)
  const docs = JSON.parse(parley(db, 'docs', '--format', 'json').out) as unknown[]
  assert.equal(docs.length, 5)
})

test('the same article from another file is one document', () => {
  const dir = tmp()
  const db = join(dir, 'p.db')
  copyFileSync(join(projectRoot, 'examples/text/jeddah-ceasefire.txt'), join(dir, 'a.txt'))
  copyFileSync(join(projectRoot, 'examples/text/jeddah-ceasefire.txt'), join(dir, 'b.txt'))
  const r = JSON.parse(parley(db, 'ingest', join(dir, 'a.txt'), join(dir, 'b.txt'), '--format', 'json').out) as { newDocs: number; knownDocs: number }
  assert.equal(r.newDocs, 1)
})

test('one broken file fails with its name; the rest of the batch is stored; exit 1', () => {
  const dir = tmp()
  const inputs = join(dir, 'in')
  mkdirSync(inputs)
  writeFileSync(join(inputs, 'broken.html'), Buffer.from([0x3c, 0x70, 0x3e, 0xff, 0xfe, 0x81, 0x30, 0xc0, 0x00, 0xff, 0x80, 0x81]))
  copyFileSync(join(projectRoot, 'examples/text/jeddah-ceasefire.txt'), join(inputs, 'good.txt'))
  const r = parley(join(dir, 'p.db'), 'ingest', inputs)
  assert.equal(r.code, 1)
  assert.match(r.out, /failed\s+.*broken\.html: /)
  assert.match(r.out, /1 new documents?/)
  const missing = parley(join(dir, 'p.db'), 'ingest', join(dir, 'nope.txt'))
  assert.equal(missing.code, 1)
  assert.match(missing.out, /nope\.txt: no such file or folder/)
})

test('search finds either script; show prints one document; --published is recorded', () => {
  const dir = tmp()
  const db = join(dir, 'p.db')
  assert.equal(parley(db, 'ingest', ...['feeds', 'atom', 'pages', 'items', 'text'].map((f) => join(projectRoot, 'examples', f))).code, 0)
  // The Big5 page is traditional (烏克蘭); the simplified pages say 乌克兰. A traditional query finds both.
  const hits = JSON.parse(parley(db, 'search', '烏克蘭', '--format', 'json').out) as { id: string; title: string }[]
  const titles = hits.map((h) => h.title)
  assert.ok(titles.some((t) => /[烏會談]/.test(t)) && titles.some((t) => /[乌会谈]/.test(t)), titles.join(' | '))
  const shown = parley(db, 'show', hits[0]!.id.slice(0, 8))
  assert.equal(shown.code, 0)
  assert.match(shown.out, /published /)
  const dated = parley(join(dir, 'q.db'), 'ingest', join(projectRoot, 'examples/text/jeddah-ceasefire.txt'), '--published', '2025-03-11')
  assert.equal(dated.code, 0)
  const doc = JSON.parse(parley(join(dir, 'q.db'), 'docs', '--format', 'json').out) as { published: { at: string; source: string } }[]
  assert.deepEqual([doc[0]!.published.at, doc[0]!.published.source], ['2025-03-11', 'user'])
})

test('events, quotes, actors and explain read what ingest stored, names in any spelling', () => {
  const dir = tmp()
  const db = join(dir, 'p.db')
  assert.equal(parley(db, 'ingest', ...['feeds', 'atom', 'pages', 'items', 'text'].map((f) => join(projectRoot, 'examples', f))).code, 0)
  // 川普 (Taiwan), 特朗普 (mainland, Hong Kong) and Trump are one person.
  const byTw = JSON.parse(parley(db, 'events', '--actor', '川普', '--type', 'call', '--format', 'json').out) as { actors: { name: string }[]; type: string }[]
  const byEn = JSON.parse(parley(db, 'events', '--actor', 'Donald Trump', '--type', 'call', '--format', 'json').out) as unknown[]
  assert.ok(byTw.length >= 2, `calls with Trump: ${byTw.length}`)
  assert.equal(byTw.length, byEn.length)
  for (const e of byTw) {
    assert.equal(e.type, 'call')
    assert.ok(e.actors.some((a) => a.name === 'Donald Trump'))
  }
  const dated = JSON.parse(parley(db, 'events', '--since', '2025-03', '--until', '2025-03', '--format', 'json').out) as { date: string }[]
  assert.ok(dated.length > 0 && dated.every((e) => e.date.startsWith('2025-03')))
  const quotes = JSON.parse(parley(db, 'quotes', '--format', 'json').out) as { text: string; speaker: { name: string } | null }[]
  assert.ok(quotes.length > 0 && quotes.every((q) => q.text.length > 0))
  const actor = parley(db, 'actor', '普丁')
  assert.equal(actor.code, 0)
  assert.match(actor.out, /Vladimir Putin/)
  const explained = parley(db, 'explain', join(projectRoot, 'examples/text/jeddah-ceasefire.txt'))
  assert.match(explained.out, /EVENT\s+meeting/)
  assert.match(explained.out, /trigger .* (coded|not coded: )/)
})

test('lookups in any spelling: events --actor Trump, quotes --speaker Peskov, actor Zelensky / Q-id / CAMEO; ambiguity exits 1', () => {
  const dir = tmp()
  const db = join(dir, 'p.db')
  assert.equal(parley(db, 'ingest', ...['feeds', 'atom', 'pages', 'items', 'text'].map((f) => join(projectRoot, 'examples', f))).code, 0)
  const json = (args: string[]) => JSON.parse(parley(db, ...args, '--format', 'json').out) as unknown[]
  const bySurname = json(['events', '--actor', 'Trump'])
  assert.ok(bySurname.length > 0)
  assert.equal(bySurname.length, json(['events', '--actor', 'Donald Trump']).length)
  assert.equal(json(['quotes', '--speaker', 'Peskov']).length, json(['quotes', '--speaker', 'Dmitry Peskov']).length)
  const zel = parley(db, 'actor', 'Zelensky')
  assert.equal(zel.code, 0, zel.err)
  assert.match(zel.out, /Volodymyr Zelenskyy/)
  assert.match(zel.out, /cameo\s+UKR/)
  const rus = parley(db, 'actor', 'RUS')
  assert.equal(rus.code, 1)
  assert.match(rus.err, /^actor: "RUS" names \d+ actors: .*Russia \(russia\)/)
  assert.equal(rus.err.trim().split('\n').length, 1)
  const byCode = json(['events', '--actor', 'RUSGOV'])
  assert.ok(byCode.length > 0, 'events of any actor coded RUSGOV')
  const putin = JSON.parse(parley(db, 'actor', 'Q7747', '--format', 'json').out) as { actor: { id: string } }
  assert.equal(putin.actor.id, 'vladimir-putin')
})

test('a user lexicon: lexicon check names file:line and exits 1; --lexicon and reprocess re-resolve stored documents', () => {
  const dir = tmp()
  const bad = join(dir, 'bad')
  mkdirSync(bad)
  writeFileSync(join(bad, 'actor-aliases.tsv'), 'alias\tactor\tregion\tflags\n某人\tnobody-here\tmars\t\n某甲\tnobody-here\tany\t\n')
  const check = parley(join(dir, 'p.db'), 'lexicon', 'check', bad)
  assert.equal(check.code, 1)
  assert.deepEqual(check.out.trim().split('\n'), [`${bad}/actor-aliases.tsv:2: unknown region "mars" (cn, tw, hk, sg or any)`, `${bad}/actor-aliases.tsv:3: unknown actor "nobody-here"`])
  const good = join(dir, 'good')
  mkdirSync(good)
  writeFileSync(join(good, 'actors.tsv'), 'id\tname\twikidata\ttype\tcountry\tcameo\tnote\nkarl-testmann\tKarl Testmann\t\tperson\tgermany\t\t\n')
  writeFileSync(join(good, 'actor-aliases.tsv'), 'alias\tactor\tregion\tflags\n卡尔·特斯曼\tkarl-testmann\tany\tfull\n')
  assert.equal(parley(join(dir, 'p.db'), 'lexicon', 'check', good).code, 0)
  const text = join(dir, 'a.txt')
  writeFileSync(text, '德国学者卡尔·特斯曼表示，停火谈判仍有希望。普京当天未作回应。\n')
  const db = join(dir, 'p.db')
  assert.equal(parley(db, 'ingest', text, '--published', '2025-03-01').code, 0)
  const before = JSON.parse(parley(db, 'actors', '--format', 'json').out) as { id: string; name: string; unresolved: boolean }[]
  const unknown = before.find((a) => a.id === 'new:卡尔·特斯曼')
  assert.ok(unknown && unknown.name === '卡尔·特斯曼' && unknown.unresolved, JSON.stringify(before))
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(projectRoot, 'src/cli/main.ts'), '--db', db, 'reprocess'], { encoding: 'utf8', cwd: projectRoot, env: { ...process.env, PARLEY_LEXICON: good } })
  assert.equal(r.status, 0, r.stderr)
  const after = JSON.parse(parley(db, '--lexicon', good, 'actors', '--format', 'json').out) as { id: string }[]
  assert.ok(after.some((a) => a.id === 'karl-testmann'), JSON.stringify(after))
  const stored = JSON.parse(parley(db, 'events', '--format', 'json').out) as unknown[]
  assert.ok(Array.isArray(stored))
})
