// The command line as a script sees it: exit codes (0 done, 1 failed, 2 usage), one line per error and never a
// stack, options checked where they are parsed, --version, -q/-v, valid JSON from every command, quiet EPIPE,
// tables that fit the terminal, and id prefixes.
import { test, before } from 'node:test'
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import stringWidth from 'string-width'
import { projectRoot } from './helpers/shared.js'
import { hasStack, parleyArgs, runMany, runParley, tempDir } from './helpers/cli.js'

const dir = tempDir('parley-usage-')
const db = join(dir, 'p.db')
const EXAMPLES = ['feeds', 'atom', 'pages', 'items', 'text'].map((f) => join(projectRoot, 'examples', f))

before(async () => {
  const r = await runParley(['--db', db, 'ingest', ...EXAMPLES])
  assert.equal(r.code, 0, r.err)
})

test('usage errors exit 2 with one line naming the bad value and a hint; no stack, nothing run', async () => {
  const cases: [string[], RegExp][] = [
    [['events', '--type', 'meet'], /'meet' is invalid/],
    [['events', '--limit', 'abc'], /'abc' is invalid/],
    [['events', '--since', 'yesterday'], /'yesterday' is invalid.*ISO date/],
    [['events', '--since', '2025/02/12'], /'2025\/02\/12' is invalid/],
    [['docs', '--until', '2025-02-30'], /'2025-02-30' is invalid/],
    [['actors', '--limit', 'abc'], /'abc' is invalid/],
    [['runs', '--failures', 'x'], /'x' is invalid/],
    [['ingest', '--published', 'yesterday', 'x.txt'], /'yesterday' is invalid/],
    [['ingest', '--max-size', 'huge', 'x.txt'], /'huge' is invalid/],
    [['explain', '--sentence', 'two', 'x.txt'], /'two' is invalid/],
    [['extract', '--without', 'no-such-rule', 'x.txt'], /no rule no-such-rule/],
    [['no-such-command'], /unknown command/],
  ]
  const runs = await runMany(cases.map(([args]) => ['--db', db, ...args]))
  runs.forEach((r, i) => {
    const [args, pattern] = cases[i]!
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`)
    assert.match(r.err, pattern, args.join(' '))
    assert.ok(!hasStack(r.err), `${args.join(' ')}: ${r.err}`)
    const lines = r.err.trim().split('\n')
    assert.ok(lines.length <= 3, `${args.join(' ')}: one line and a hint, got\n${r.err}`)
    assert.match(r.err, /parley --help|parley help|Did you mean/, args.join(' '))
  })
})

test('an empty or in-memory database is a usage error (it would keep nothing), from --db or $PARLEY_DB', async () => {
  const runs = await Promise.all([
    runParley(['--db', '', 'ingest', EXAMPLES[4]!]),
    runParley(['--db', ':memory:', 'ingest', EXAMPLES[4]!]),
    runParley(['--db', 'file:x.db?mode=memory', 'docs']),
    runParley(['ingest', EXAMPLES[4]!], { env: { PARLEY_DB: '' } }),
    runParley(['events'], { env: { PARLEY_DB: '  ' } }),
  ])
  for (const r of runs) {
    assert.equal(r.code, 2, r.err)
    assert.match(r.err, /(--db|PARLEY_DB).*(empty|keep nothing)/)
    assert.doesNotMatch(r.out, /new document/)
  }
})

test('failures exit 1 with one line naming the input: a missing file, a missing database, an unknown id', async () => {
  const typo = join(dir, 'typo.db')
  const [explain, missingDb, show, docsMissing] = await Promise.all([
    runParley(['--db', db, 'explain', join(dir, 'nope.txt')]),
    runParley(['--db', typo, 'events']),
    runParley(['--db', db, 'show', 'ffffffff']),
    runParley(['--db', typo, 'docs', '--format', 'json']),
  ])
  assert.equal(explain.code, 1)
  assert.match(explain.err, /nope\.txt: no such file/)
  for (const r of [missingDb, docsMissing]) {
    assert.equal(r.code, 1)
    assert.match(r.err, /typo\.db: no database here/)
    assert.equal(r.out, '')
  }
  assert.equal(existsSync(typo), false, 'a read-only command never creates a database')
  assert.equal(show.code, 1)
  assert.match(show.err, /no document with id ffffffff/)
  for (const r of [explain, missingDb, show]) {
    assert.equal(r.err.trim().split('\n').length, 1, r.err)
    assert.ok(!hasStack(r.err), r.err)
  }
})

test('--debug adds the stack to an error; --version prints the version', async () => {
  const [debug, version, short] = await Promise.all([
    runParley(['--debug', '--db', db, 'explain', join(dir, 'nope.txt')]),
    runParley(['--version']),
    runParley(['-V']),
  ])
  assert.equal(debug.code, 1)
  assert.match(debug.err, /^\s+at /m)
  const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }
  assert.equal(version.code, 0)
  assert.equal(version.out.trim(), pkg.version)
  assert.equal(short.out.trim(), pkg.version)
})

test('every command\'s --format json is valid JSON on stdout alone', async () => {
  const docs = JSON.parse((await runParley(['--db', db, 'docs', '--format', 'json'])).out) as { id: string }[]
  const extractFile = join(projectRoot, 'examples/text/jeddah-ceasefire.txt')
  const commands: string[][] = [
    ['ingest', EXAMPLES[4]!, '--format', 'json'],
    ['docs', '--format', 'json', '--limit', '2'],
    ['show', docs[0]!.id, '--format', 'json'],
    ['search', '烏克蘭', '--format', 'json'],
    ['events', '--format', 'json', '--limit', '3'],
    ['quotes', '--format', 'json', '--limit', '3'],
    ['actors', '--format', 'json', '--limit', '3'],
    ['actor', '普丁', '--format', 'json'],
    ['runs', '--format', 'json'],
    ['runs', '--failures', '--format', 'json'],
    ['extract', '--format', 'json', extractFile],
    ['timeline', '--format', 'json'],
    ['stances', '--format', 'json'],
    ['claims', '--format', 'json'],
    ['export', '--format', 'plover-json'],
  ]
  const runs = await runMany(commands.map((c) => ['--db', db, ...c]))
  runs.forEach((r, i) => {
    assert.equal(r.code, 0, `${commands[i]!.join(' ')}: ${r.err}`)
    assert.doesNotThrow(() => JSON.parse(r.out), `${commands[i]!.join(' ')} printed:\n${r.out.slice(0, 300)}`)
  })
  // JSON Lines: every line is JSON.
  const jsonl = await runParley(['--db', db, 'export', '--format', 'jsonl'])
  assert.equal(jsonl.code, 0, jsonl.err)
  const lines = jsonl.out.trim().split('\n')
  assert.ok(lines.length > 0 && lines[0] !== '')
  for (const l of lines) assert.doesNotThrow(() => JSON.parse(l), l.slice(0, 200))
})

test('a listing that leaves rows out says how many (on stderr, so stdout stays data)', async () => {
  const [events, docs, all] = await Promise.all([
    runParley(['--db', db, 'events', '--limit', '2']),
    runParley(['--db', db, 'docs', '--limit', '1', '--format', 'json']),
    runParley(['--db', db, 'docs', '--format', 'json']),
  ])
  const total = (JSON.parse(all.out) as unknown[]).length
  assert.match(events.err, /… \d+ more events not shown \(\d+ in all; use --limit \d+/)
  assert.match(docs.err, new RegExp(`… ${total - 1} more documents not shown \\(${total} in all`))
  assert.equal((JSON.parse(docs.out) as unknown[]).length, 1)
  assert.equal(all.err, '', 'nothing left out, nothing said')
  const quiet = await runParley(['-q', '--db', db, 'events', '--limit', '2'])
  assert.equal(quiet.err, '')
})

test('a 4-character id prefix finds its document; 3 characters do not', async () => {
  const docs = JSON.parse((await runParley(['--db', db, 'docs', '--format', 'json'])).out) as { id: string }[]
  const ids = docs.map((d) => d.id)
  const unique = ids.find((id) => ids.filter((x) => x.startsWith(id.slice(0, 4))).length === 1)!
  const [four, three] = await Promise.all([runParley(['--db', db, 'show', unique.slice(0, 4), '--format', 'json']), runParley(['--db', db, 'show', unique.slice(0, 3)])])
  assert.equal(four.code, 0, four.err)
  assert.equal((JSON.parse(four.out) as { id: string }).id, unique)
  assert.equal(three.code, 1)
})

test('dates print in one style: ISO 8601 at the precision known, a time with its zone when one is known', async () => {
  const [docs, runs, events] = await Promise.all([runParley(['--db', db, 'docs']), runParley(['--db', db, 'runs']), runParley(['--db', db, 'events', '--limit', '500'])])
  const stamps = [...docs.out.matchAll(/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}\S*/g), ...runs.out.matchAll(/\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}\S*/g)].map((m) => m[0])
  assert.ok(stamps.length > 3)
  // A page that gives a local time and no zone keeps it as stated (no zone invented); everything else has one.
  for (const s of stamps) assert.match(s, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})?$/, s)
  assert.ok(stamps.some((s) => s.endsWith('Z')))
  for (const m of events.out.matchAll(/^(\S+)\s/gm)) if (m[1] !== 'date' && !/^-+$/.test(m[1]!)) assert.match(m[1]!, /^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|\?)$/)
})

test('tables fit the terminal width, counting Chinese characters as two cells', async () => {
  for (const columns of [60]) {
    const runs = await runMany([['docs'], ['events', '--limit', '20'], ['actors', '--limit', '10']].map((c) => ['--db', db, ...c]), 3, { env: { COLUMNS: String(columns) } })
    for (const r of runs) {
      assert.equal(r.code, 0, r.err)
      for (const line of r.out.split('\n')) assert.ok(stringWidth(line) <= columns, `${stringWidth(line)} > ${columns}: ${line}`)
    }
  }
})

test('-q prints only failures and the summary; -v adds more', async () => {
  const d = tempDir('parley-quiet-')
  writeFileSync(join(d, 'a.txt'), '两国外长12日在利雅得举行会谈，双方同意继续磋商。')
  writeFileSync(join(d, 'b.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]))
  const quiet = await runParley(['-q', '--db', join(d, 'q.db'), 'ingest', d])
  assert.equal(quiet.code, 0, quiet.err)
  assert.doesNotMatch(quiet.out, /^new|^skipped/m)
  assert.match(quiet.out, /run 1: .*1 new document/)
  const normal = await runParley(['--db', join(d, 'n.db'), 'ingest', d])
  assert.match(normal.out, /^new 1\s+.*a\.txt$/m)
  assert.match(normal.out, /^skipped\s+.*b\.png: /m)
})

test('a reader that stops early (| head) ends the run quietly: no EPIPE stack, exit 0', async () => {
  // Enough JSON to overflow the pipe's buffer, so the write really meets a closed pipe.
  const child = spawn(process.execPath, parleyArgs(['--db', db, 'extract', '--format', 'json', ...EXAMPLES]), { cwd: projectRoot })
  let err = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
  const code = await new Promise<number | null>((resolve) => {
    let got = 0
    child.stdout.on('data', (d: Buffer) => {
      got += d.length
      if (got > 100) child.stdout.destroy()
    })
    child.on('close', (c) => resolve(c))
  })
  assert.equal(code, 0, err)
  assert.ok(!hasStack(err) && !/EPIPE/.test(err), err)
})

test('the README runs parley so that stdout is parley\'s alone (no npm banner in piped JSON)', () => {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8')
  for (const line of readme.split('\n')) {
    if (/npm run parley --/.test(line)) assert.match(line, /npm run -s parley|--silent/, `README invocation would print npm's banner: ${line}`)
  }
  assert.match(readme, /node dist\/cli\/main\.js/)
})
