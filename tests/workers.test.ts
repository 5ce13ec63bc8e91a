// The shared queue with real worker processes against one PostgreSQL database: two workers drain a queue
// together, each input stored once; a worker killed (SIGKILL) in the middle of a job has that job finished by
// another once its lease runs out. Also the CLI on a postgres:// URL. Skips without $PARLEY_DATABASE_URL.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { openPostgresStore, type PostgresStore } from '../src/store/postgres/store.js'
import { parleyArgs, runParley, tempDir } from './helpers/cli.js'
import { dropSchema, freshSchemaName, PG_URL, skipWithoutPostgres, urlWithSchema } from './helpers/postgres.js'
import { projectRoot } from './helpers/shared.js'

const skip = skipWithoutPostgres

/** A schema of the test's own, the URL that points parley at it, and a store to look at it. */
function database(t: { after: (fn: () => void) => void }): { url: string; store: PostgresStore } {
  const schema = freshSchemaName()
  const store = openPostgresStore(PG_URL!, { schema })
  t.after(() => {
    store.close()
    dropSchema(schema)
  })
  return { url: urlWithSchema(PG_URL!, schema), store }
}

/** n small articles, each its own text (so its own document). */
function articles(n: number): string {
  const dir = tempDir('parley-queue-')
  for (let i = 1; i <= n; i++) {
    writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), `第${i}号通报：俄罗斯总统普京与美国总统特朗普通电话，双方讨论了乌克兰第${i}轮停火谈判。`)
  }
  return dir
}

interface Worker {
  child: ChildProcess
  out: () => string
  err: () => string
  exited: Promise<number | null>
}

function startWorker(url: string, extra: string[]): Worker {
  const child = spawn(process.execPath, parleyArgs(['--db', url, 'worker', '--poll', '0.2', '-v', ...extra]), { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  let err = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (err += d))
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return { child, out: () => out, err: () => err, exited }
}

async function until<T>(what: string, fn: () => T | undefined | null | false, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = fn()
    if (v) return v
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`)
    await sleep(100)
  }
}

const count = (store: PostgresStore, sql: string): number => store.db.value<number>(sql)!

test('two worker processes drain one queue of 40 documents, each stored exactly once', { skip, timeout: 240_000 }, async (t) => {
  const { url, store } = database(t)
  const a = startWorker(url, [])
  const b = startWorker(url, [])
  t.after(() => void [a, b].forEach((w) => w.child.kill('SIGKILL')))
  // Both wait for work before there is any, so both take part.
  await until('both workers to start', () => a.err().includes('waiting for jobs') && b.err().includes('waiting for jobs'))
  const queued = await runParley(['--db', url, 'enqueue', articles(40)])
  assert.equal(queued.code, 0, queued.err)
  assert.match(queued.out, /^40 queued/m)
  await until('40 jobs done', () => count(store, `SELECT count(*)::int FROM jobs WHERE status = 'done'`) === 40, 180_000)
  for (const w of [a, b]) w.child.kill('SIGTERM') // a worker stops between jobs
  assert.deepEqual(await Promise.all([a.exited, b.exited]), [0, 0])

  assert.equal(count(store, 'SELECT count(*)::int FROM documents'), 40)
  assert.equal(count(store, 'SELECT count(*)::int FROM extractions'), 40)
  assert.equal(count(store, 'SELECT sum(new_docs)::int FROM jobs'), 40)
  // Each input recorded once, as new, by one worker: nothing was processed twice.
  assert.equal(count(store, `SELECT count(*)::int FROM ingest_files WHERE status = 'new'`), 40)
  assert.equal(count(store, 'SELECT count(DISTINCT sha256)::int FROM ingest_files'), 40)
  const lines = (w: Worker): number => w.out().split('\n').filter((l) => /^job \d+ done:/.test(l)).length
  assert.equal(lines(a) + lines(b), 40)
  assert.ok(lines(a) > 0 && lines(b) > 0, `both workers took jobs (${lines(a)} and ${lines(b)})`)
  t.diagnostic(`worker a did ${lines(a)} jobs, worker b ${lines(b)}`)
  assert.equal(store.listRuns().filter((r) => r.inputs[0]?.startsWith('worker ') && r.finishedAt !== null).length, 2)
})

test('a worker killed in the middle of a job has that job finished by another, once its lease ran out', { skip, timeout: 240_000 }, async (t) => {
  const { url, store } = database(t)
  // The first worker stops after claiming each job, as if extraction took a minute, and is killed there.
  const doomed = startWorker(url, ['--lease', '2', '--pause-after-claim', '60000'])
  t.after(() => void doomed.child.kill('SIGKILL'))
  await until('the worker to start', () => doomed.err().includes('waiting for jobs'))
  assert.equal((await runParley(['--db', url, 'enqueue', articles(6)])).code, 0)
  const held = Number((await until('a claim', () => /job (\d+) claimed/.exec(doomed.err())))[1])
  const rescuer = startWorker(url, ['--lease', '2', '--until-done'])
  t.after(() => void rescuer.child.kill('SIGKILL'))
  doomed.child.kill('SIGKILL')
  assert.equal(await doomed.exited, null, 'killed')

  assert.equal(await rescuer.exited, 0, rescuer.err())
  assert.match(rescuer.out(), new RegExp(`^job ${held} done:`, 'm'))
  assert.match(rescuer.err(), new RegExp(`job ${held} claimed: .* \\(attempt 2\\)`))
  const job = store.db.get<{ status: string; attempts: number; worker: string }>('SELECT status, attempts, worker FROM jobs WHERE id = $1', [held])
  assert.deepEqual({ ...job, worker: job?.worker.endsWith(`:${rescuer.child.pid}`) }, { status: 'done', attempts: 2, worker: true })
  assert.equal(count(store, `SELECT count(*)::int FROM jobs WHERE status = 'done'`), 6)
  assert.equal(count(store, 'SELECT count(*)::int FROM documents'), 6)
  assert.equal(count(store, `SELECT count(*)::int FROM ingest_files WHERE status = 'new'`), 6, 'the killed worker stored nothing')
  const runs = store.listRuns()
  assert.equal(runs.find((r) => r.finishedAt === null)?.newDocs, 0, "the killed worker's run stays unfinished, with nothing in it")
})

test('the command line on a postgres:// URL: ingest, search, events, and usage errors', { skip, timeout: 120_000 }, async (t) => {
  const { url } = database(t)
  const dir = articles(2)
  const ingested = await runParley(['ingest', dir], { env: { PARLEY_DATABASE_URL: url } })
  assert.equal(ingested.code, 0, ingested.err)
  assert.match(ingested.out, /2 new documents/)
  const [found, events] = await Promise.all([runParley(['--db', url, 'search', '停火谈判', '--format', 'json']), runParley(['--db', url, 'events', '--format', 'json'])])
  assert.equal(found.code, 0, found.err)
  assert.equal((JSON.parse(found.out) as unknown[]).length, 2)
  assert.ok((JSON.parse(events.out) as { type: string }[]).some((e) => e.type === 'call'))
  const [again, bad, sqlite, refused] = await Promise.all([
    runParley(['--db', url, 'enqueue', dir]),
    runParley(['docs'], { env: { PARLEY_DATABASE_URL: 'mysql://x' } }),
    runParley(['--db', join(tempDir(), 'p.db'), 'worker']),
    runParley(['--db', 'postgres://parley:secret@127.0.0.1:1/none', 'docs']),
  ])
  assert.match(again.out, /0 queued, 0 already waiting, 2 already ingested/, 'enqueue knows what ingest stored')
  assert.equal(bad.code, 2)
  assert.match(bad.err, /PARLEY_DATABASE_URL is not a postgres:\/\/ URL/)
  assert.equal(sqlite.code, 2)
  assert.match(sqlite.err, /worker needs a PostgreSQL database/)
  assert.equal(refused.code, 1)
  assert.match(refused.err, /^store: postgres:\/\/parley:\*\*\*@127\.0\.0\.1:1\/none: cannot connect/)
  assert.doesNotMatch(refused.err, /secret/)
})
