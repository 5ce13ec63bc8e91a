// `parley serve` under abuse, as a real process on 127.0.0.1: autocannon at 200 concurrent connections for a few
// seconds on API routes and a dashboard page (no errors, no non-2xx, the server's memory flat), then hostile
// requests over the wire: malformed JSON and parameters, FTS query syntax, path traversal, an oversized upload.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import autocannon from 'autocannon'
import { buildCorpus, type Corpus } from './helpers/corpus.js'
import { parleyArgs } from './helpers/cli.js'
import { projectRoot } from './helpers/shared.js'

const LOAD_SECONDS = 5
const CONNECTIONS = 200
/** How much the server's resident memory may grow over the measured load, after a warm-up at the same load. */
const RSS_GROWTH_LIMIT_MB = 64

let corpus: Corpus
let server: ChildProcessWithoutNullStreams
let url: string

before(async () => {
  corpus = await buildCorpus({ seeds: false })
  server = spawn(process.execPath, parleyArgs(['--db', corpus.db, 'serve', '--port', '0']), { cwd: projectRoot })
  url = await new Promise<string>((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no address printed in 60 s: ${out}`)), 60_000)
    server.stdout.on('data', (b: Buffer) => {
      out += b.toString()
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/timeline/.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1]!)
      }
    })
    server.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${out}`)))
  })
})

after(() => {
  if (server && server.exitCode === null) server.kill('SIGKILL')
  corpus?.remove()
})

/** The server process's resident set, from /proc (Linux), in MB. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return Number(kb![1]) / 1024
}

const ROUTES = ['/api/documents?limit=10', '/api/events?limit=10', `/api/search?q=${encodeURIComponent('会谈')}`, '/api/actors?limit=10', '/documents']

/**
 * Waits until the server answers a small request within a second: requests that autocannon left behind when its
 * time was up are still being served, and memory is measured with none in flight.
 */
async function drained(): Promise<void> {
  const until = Date.now() + 120_000
  while (Date.now() < until) {
    const t = Date.now()
    const r = await fetch(`${url}/api/documents?limit=1`)
    await r.text()
    if (Date.now() - t < 1000) return
  }
  assert.fail('the server still had a backlog two minutes after the load')
}

function load(seconds: number): Promise<autocannon.Result> {
  return autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 30, requests: ROUTES.map((path) => ({ method: 'GET', path })) })
}

test(`${CONNECTIONS} connections for ${LOAD_SECONDS} s on API routes and a dashboard page: no errors, memory flat`, { skip: process.platform !== 'linux' && 'reads /proc' }, async () => {
  const warm = await load(2)
  assert.equal(warm.errors, 0, `warm-up: ${warm.errors} errors`)
  await drained()
  const before = rssMb(server.pid!)
  const r = await load(LOAD_SECONDS)
  await drained()
  const afterLoad = rssMb(server.pid!)
  console.log(`load: ${r.requests.total} requests in ${LOAD_SECONDS} s at ${CONNECTIONS} connections (${Math.round(r.requests.average)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms); ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx; server RSS ${before.toFixed(0)} -> ${afterLoad.toFixed(0)} MB`)
  assert.ok(r.requests.total > 0)
  assert.equal(r.errors, 0)
  assert.equal(r.timeouts, 0)
  assert.equal(r.non2xx, 0)
  assert.equal(r['2xx'], r.requests.total)
  assert.ok(afterLoad - before < RSS_GROWTH_LIMIT_MB, `RSS grew by ${(afterLoad - before).toFixed(0)} MB (${before.toFixed(0)} -> ${afterLoad.toFixed(0)})`)
  // Still answering, and with the right data.
  assert.equal((await fetch(`${url}/api/documents?limit=1`)).status, 200)
})

const post = (path: string, body: BodyInit, type: string): Promise<Response> => fetch(`${url}${path}`, { method: 'POST', body, headers: { 'content-type': type } })

test('malformed JSON and malformed parameters are 400s with a JSON error, never a 500', async () => {
  for (const body of ['{"url":', 'not json at all', '[]', '{"url": 42}', '{"url": "file:///etc/passwd"}', '\u0000\u0001', '{"url":"http://x"}'.repeat(1000)]) {
    const r = await post('/api/ingest', body, 'application/json')
    assert.equal(r.status, 400, `${body.slice(0, 30)}: ${r.status}`)
    const e = (await r.json()) as { error: { status: number; message: string } }
    assert.equal(e.error.status, 400)
    assert.ok(!/\n\s+at /.test(e.error.message), e.error.message)
  }
  const long = 'x'.repeat(8000)
  for (const q of ['limit=-1', 'limit=1e3', 'limit=99999999999999999999', 'offset=-5', 'limit=1&limit=2', `since=${long}`, 'since=%00', 'type=%E0%A4%A', `actor=${'%FF'.repeat(10)}`, 'modality=reported,,,']) {
    const r = await fetch(`${url}/api/events?${q}`)
    assert.ok(r.status === 400 || r.status === 200, `${q.slice(0, 40)}: ${r.status}`)
    const body = await r.text()
    assert.doesNotThrow(() => JSON.parse(body), `${q.slice(0, 40)}: not JSON: ${body.slice(0, 80)}`)
    if (r.status === 400) assert.equal((JSON.parse(body) as { error: { status: number } }).error.status, 400)
  }
  // A request line too long for Node's parser is refused before it reaches us.
  assert.equal((await fetch(`${url}/api/events?since=${'x'.repeat(100_000)}`)).status, 431)
})

test('FTS5 query syntax in a search is text: no 500, no syntax error, and a quoted term finds what the bare one does', async () => {
  const terms = ['"会谈', '会谈"', 'NEAR(会谈', '会谈*', '会谈 OR 停火', 'AND', 'NOT 会谈', '^会谈', 'title:会谈', '(会谈', '{会谈}', '*', '"', '会谈 AND', '%', '_', "'; DROP TABLE documents; --"]
  for (const q of terms) {
    for (const path of [`/api/search?q=${encodeURIComponent(q)}`, `/search?q=${encodeURIComponent(q)}`]) {
      const r = await fetch(`${url}${path}`)
      assert.equal(r.status, 200, `${path}: ${r.status} ${(await r.clone().text()).slice(0, 200)}`)
      assert.doesNotMatch(await r.text(), /fts5|syntax error|SqliteError/i, path)
    }
  }
  // A thousand short terms once overflowed SQLite's expression depth.
  const many = await fetch(`${url}/api/search?q=${encodeURIComponent(Array.from({ length: 1000 }, (_, i) => `词${i}`).join(' '))}`)
  assert.ok(many.status === 200 || many.status === 400, `1000 terms: ${many.status}`)
  const bare = (await (await fetch(`${url}/api/search?q=${encodeURIComponent('会谈')}`)).json()) as { total: number }
  const near = (await (await fetch(`${url}/api/search?q=${encodeURIComponent('NEAR(会谈')}`)).json()) as { total: number }
  assert.ok(bare.total > 0)
  assert.equal(near.total, 0, 'NEAR( is looked for as text, and no article holds it')
})

test('path traversal is refused on every route that takes a name; nothing outside the fixed files is served', async () => {
  const secret = readFileSync('/etc/passwd', 'utf8').slice(0, 12)
  const pkg = readFileSync(`${projectRoot}/package.json`, 'utf8').slice(0, 40)
  for (const p of ['/static/..%2f..%2f..%2fpackage.json', '/static/%2e%2e/%2e%2e/package.json', '/static/....//....//etc/passwd', '/static/%252e%252e%252fpackage.json', '/documents/..%2f..%2f..%2fetc%2fpasswd', '/api/documents/..%2F..%2Fetc%2Fpasswd', '/api/actors/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/static/app.js%00.css', '/static/%5c..%5c..%5cpackage.json']) {
    const r = await fetch(`${url}${p}`)
    assert.ok(r.status === 404 || r.status === 400, `${p}: ${r.status}`)
    const body = await r.text()
    assert.ok(!body.includes(secret) && !body.includes(pkg), `${p} leaks a file`)
  }
})

test('an upload over the cap is a 413 over the wire, answered before the whole body is sent', async () => {
  // 11 MB announced against the 10 MB cap; only 1 MB is ever sent. The answer comes without the rest.
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(`${url}/api/ingest`, { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(11 * 1024 * 1024) } })
    req.on('response', (res) => {
      res.resume()
      resolve(res.statusCode ?? 0)
    })
    req.on('error', (e) => reject(e))
    req.write(Buffer.alloc(1024 * 1024, 0x41))
  })
  assert.equal(status, 413)
  assert.equal((await fetch(`${url}/api/documents?limit=1`)).status, 200, 'the server goes on')
})
