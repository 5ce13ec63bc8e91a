// The HTTP API over a real database: the shipped examples, the hostile page and (beside ../shared) the seeds,
// ingested by the real pipeline. Requests go through the app's fetch handler; one test listens on a real port.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import type { Hono } from 'hono'
import { createApp } from '../src/server/routes.js'
import { openSqliteStore } from '../src/store/sqlite/store.js'
import { startServer } from '../src/server/serve.js'
import type { Store } from '../src/store/store.js'
import { buildCorpus, HOSTILE, type Corpus } from './helpers/corpus.js'
import { skipWithout } from './helpers/shared.js'

let corpus: Corpus
let store: Store
let app: Hono

const TOKEN = 'test-token-123'
const get = async (path: string) => app.request(path)
const json = async (path: string, status = 200) => {
  const r = await get(path)
  assert.equal(r.status, status, `${path}: ${r.status} ${status !== r.status ? await r.clone().text() : ''}`)
  return (await r.json()) as any // eslint-disable-line @typescript-eslint/no-explicit-any -- test reads arbitrary JSON
}

before(async () => {
  corpus = await buildCorpus()
  store = openSqliteStore(corpus.db)
  app = createApp({ store, token: null, maxUpload: 64 * 1024, version: 'test' })
})
after(() => {
  store?.close()
  corpus?.remove()
})

describe('reading', () => {
  test('documents page with a total; CSV carries the same rows with a BOM and a header', async () => {
    const all = await json('/api/documents?limit=1000')
    assert.ok(all.total >= 9, `total ${all.total}`)
    const p = await json('/api/documents?limit=3&offset=2')
    assert.deepEqual([p.total, p.limit, p.offset, p.items.length], [all.total, 3, 2, 3])
    assert.deepEqual(p.items.map((d: { id: string }) => d.id), all.items.slice(2, 5).map((d: { id: string }) => d.id))
    const bytes = new Uint8Array(await (await get('/api/documents?limit=3&offset=2&format=csv')).arrayBuffer())
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 byte-order mark')
    const lines = new TextDecoder().decode(bytes).trim().split('\n')
    assert.ok(lines[0]!.startsWith('id,published,'), lines[0])
    assert.equal(lines.length, 4)
    assert.ok(lines[1]!.startsWith(p.items[0].id))
  })

  test('bad parameters are 400s in JSON naming each parameter', async () => {
    for (const [path, param] of [
      ['/api/documents?limit=0', 'limit'],
      ['/api/documents?limit=abc', 'limit'],
      ['/api/events?type=call,bogus', 'type'],
      ['/api/events?since=2025-13-40x', 'since'],
      ['/api/events?format=xml', 'format'],
      ['/api/search', 'q'],
      ['/api/network?nodes=1', 'nodes'],
      ['/api/timeline?since=2025-03&until=2025-02-28', 'since'],
    ] as const) {
      const body = await json(path, 400)
      assert.equal(body.error.status, 400)
      assert.ok(body.error.issues.some((i: { parameter: string }) => i.parameter === param), `${path}: ${JSON.stringify(body)}`)
    }
    assert.equal((await json('/api/documents/doesnotexist', 404)).error.status, 404)
    assert.equal((await json('/api/events/nope', 404)).error.status, 404)
    assert.equal((await json('/api/actors/NoSuchPersonAtAll', 404)).error.status, 404)
    assert.match((await json('/api/no-such-route', 404)).error.message, /no route/)
  })

  test('events: an actor in any spelling or script gives the same events, each with its document and evidence sentence', async () => {
    const totals = await Promise.all(['川普', '特朗普', 'Trump', 'donald-trump'].map(async (n) => (await json(`/api/events?actor=${encodeURIComponent(n)}&limit=1`)).total))
    assert.ok(totals[0] > 0)
    assert.deepEqual(new Set(totals).size, 1, `totals differ: ${totals}`)
    const evs = (await json('/api/events?actor=%E5%B7%9D%E6%99%AE&limit=50')).items
    for (const e of evs) {
      assert.ok(e.actors.some((a: { actorId: string }) => a.actorId === 'donald-trump'))
      assert.ok(e.document.id && e.document.title)
      for (const ev of e.evidence) {
        assert.ok(ev.sentenceText.length > 0)
        assert.ok(ev.start >= ev.sentenceStart && ev.end <= ev.sentenceEnd, 'the evidence lies inside its sentence')
      }
    }
    const calls = (await json('/api/events?type=call&modality=reported&limit=1000')).items
    assert.ok(calls.length > 0 && calls.every((e: { type: string; modality: string }) => e.type === 'call' && e.modality === 'reported'))
    const since = (await json('/api/events?since=2025-03&until=2025-03&limit=1000')).items
    assert.ok(since.length > 0 && since.every((e: { date: string }) => e.date.startsWith('2025-03')))
  })

  test('events and quotes page in the database: a page is the same rows as that slice of the whole list, with its total', async () => {
    for (const path of ['/api/events?type=call,meeting,statement', '/api/quotes?since=2024']) {
      const all = await json(`${path}&limit=1000`)
      assert.ok(all.total > 8 && all.items.length === all.total, `${path}: ${all.total}`)
      const p = await json(`${path}&limit=4&offset=5`)
      assert.equal(p.total, all.total)
      assert.deepEqual(p.items, all.items.slice(5, 9))
    }
    const reported = await json('/api/events?modality=planned&limit=1000')
    assert.ok(reported.total > 0 && reported.items.every((e: { modality: string }) => e.modality === 'planned'))
  })

  test('timeline: merged events in date order, planned on their own lane, statements only when asked; network edges join listed nodes', async () => {
    const t = await json('/api/timeline')
    const dates = t.events.map((e: { date: string }) => e.date)
    assert.deepEqual(dates, [...dates].sort())
    assert.ok(t.events.some((e: { lane: string }) => e.lane === 'planned'))
    for (const e of t.events) assert.equal(e.lane === 'planned', e.modality === 'planned')
    assert.ok(!t.events.some((e: { modality: string }) => e.modality === 'negated'), 'negated events are not drawn by default')
    assert.ok(!t.events.some((e: { type: string }) => e.type === 'statement'), 'plain statements are left out by default')
    for (const e of t.events) assert.ok(e.sources >= 1 && e.reports.length >= e.sources, e.id)
    const withStatements = await json('/api/timeline?statements=1')
    assert.ok(withStatements.events.length > t.events.length)
    const csv = await (await get('/api/timeline?format=csv')).text()
    assert.equal(csv.trim().split('\n').length, t.events.length + 1)
    const n = await json('/api/network')
    const ids = new Set(n.nodes.map((x: { id: string }) => x.id))
    assert.ok(n.edges.length > 0)
    for (const e of n.edges) assert.ok(ids.has(e.source) && ids.has(e.target) && e.weight >= 1 && e.reports >= e.weight && e.documents >= 1 && e.eventIds.length === e.weight)
    const ncsv = await (await get('/api/network?format=csv')).text()
    assert.equal(ncsv.trim().split('\n').length, n.edges.length + 1)
  })

  test('the timeline finds an actor by any spelling in either script: 普京, 普丁, 普亭, 蒲亭, Putin', async () => {
    const lists = await Promise.all(['普京', '普丁', '普亭', '蒲亭', 'Putin', 'vladimir-putin'].map(async (n) => (await json(`/api/timeline?actor=${encodeURIComponent(n)}`)).events.map((e: { id: string }) => e.id).join(' ')))
    assert.ok(lists[0]!.length > 0)
    assert.equal(new Set(lists).size, 1, lists.join('\n'))
    const one = (await json(`/api/timeline?actor=${encodeURIComponent('蒲亭')}`)).events[0]
    const actors = [one.source, one.target, ...one.participants].filter(Boolean).map((a: { actorId: string }) => a.actorId)
    assert.ok(actors.includes('vladimir-putin'))
  })

  test('stances: the matrix as of a date keeps only positions on or before it; CSV rows are its filled cells; a cell’s history', async () => {
    const m = await json('/api/stances')
    assert.ok(m.dates.length >= 2 && m.cells.length > 0)
    const early = await json(`/api/stances?at=${m.dates[0]}`)
    const current = (x: { cells: { current: { date: string } | null }[] }) => x.cells.filter((c) => c.current)
    assert.ok(current(early).length < current(m).length)
    for (const c of current(early)) assert.ok(c.current!.date <= m.dates[0])
    assert.deepEqual(await json('/api/stances?i=0'), early, 'the slider index names the same date')
    const csv = await (await get(`/api/stances?at=${m.dates[0]}&format=csv`)).text()
    assert.equal(csv.trim().split('\n').length, current(early).length + 1)
    const cell = m.cells.find((c: { history: unknown[] }) => c.history.length)
    const h = await json(`/api/stances/history?actor=${encodeURIComponent(cell.history[0].actorId ?? cell.history[0].actor)}&issue=${cell.issue}`)
    assert.equal(h.total, cell.history.length)
    assert.equal((await json('/api/stances/history?issue=Not%20An%20Issue', 400)).error.status, 400)
  })
  test('actors: counts, and one actor by a traditional spelling with spellings seen, offices, events, quotes', async () => {
    const list = await json('/api/actors?limit=1000')
    assert.ok(list.items.some((a: { actorId: string; events: number }) => a.actorId === 'vladimir-putin' && a.events > 0))
    const a = await json(`/api/actors/${encodeURIComponent('普丁')}`)
    assert.equal(a.actor.id, 'vladimir-putin')
    const seen = a.spellingsSeen.map((x: { surface: string }) => x.surface)
    assert.ok(seen.includes('普京') && seen.includes('普丁'), `both scripts' spellings: ${seen}`)
    assert.ok(!seen.includes('他'), 'a pronoun is not a spelling')
    assert.ok(a.lexiconAliases.tw?.includes('普丁'), JSON.stringify(a.lexiconAliases))
    assert.ok(a.events.length > 0 && a.events.every((e: { actors: { actorId: string }[] }) => e.actors.some((x) => x.actorId === 'vladimir-putin')))
    assert.ok(Array.isArray(a.quotes))
  })

  test('search finds both scripts; a document comes with its text and facts', async () => {
    const trad = await json(`/api/search?q=${encodeURIComponent('烏克蘭')}`)
    const simp = await json(`/api/search?q=${encodeURIComponent('乌克兰')}`)
    assert.ok(trad.total > 0)
    assert.deepEqual(trad.items.map((h: { id: string }) => h.id).sort(), simp.items.map((h: { id: string }) => h.id).sort())
    const d = await json(`/api/documents/${trad.items[0].id}`)
    assert.ok(d.document.text.length > 0 && d.extracted)
    assert.ok(d.mentions.length > 0)
  })

  test('the OpenAPI description lists every API route with the parameters the server checks', async () => {
    const spec = await json('/api/openapi.json')
    assert.equal(spec.openapi, '3.1.0')
    const paths = Object.keys(spec.paths)
    for (const p of ['/api/documents', '/api/documents/{id}', '/api/events', '/api/events/{id}', '/api/actors', '/api/actors/{name}', '/api/quotes', '/api/search', '/api/timeline', '/api/merged-events', '/api/merged-events/{id}', '/api/stances', '/api/stances/history', '/api/claims', '/api/network', '/api/ingest']) assert.ok(paths.includes(p), p)
    const ev = spec.paths['/api/events'].get.parameters.map((x: { name: string }) => x.name)
    assert.deepEqual(ev.sort(), ['actor', 'format', 'limit', 'modality', 'offset', 'since', 'type', 'until'])
    // Every documented GET route without path parameters answers 200 when given its required parameters only.
    for (const [path, ops] of Object.entries(spec.paths) as [string, { get?: { parameters: { name: string; required: boolean }[] } }][]) {
      if (!ops.get || path.includes('{')) continue
      const required = ops.get.parameters.filter((p) => p.required).map((p) => `${p.name}=x`)
      assert.equal((await get(`${path}?${required.join('&')}`)).status, 200, path)
    }
  })
})

describe('seeds', { skip: skipWithout('seeds') }, () => {
  test('the Riyadh talks of 2025-02-18: the report in 001 lists the one in 003 beside it, each with its sentence', async () => {
    const meetings = (await json('/api/events?type=meeting&since=2025-02-18&until=2025-02-18&limit=100')).items
    const inDoc = (title: RegExp) => meetings.find((e: { document: { title: string } }) => title.test(e.document.title))
    const a = inDoc(/^美俄会谈在即/)
    const b = inDoc(/^美俄就烏克蘭實現和平的談判/)
    assert.ok(a && b, meetings.map((e: { document: { title: string } }) => e.document.title).join(' | '))
    const one = await json(`/api/events/${a.id}`)
    assert.equal(one.event.id, a.id)
    assert.ok(one.sameDay.some((e: { id: string }) => e.id === b.id))
    assert.match(one.event.evidence[0].sentenceText, /利雅得/)
    assert.match(b.evidence[0].sentenceText, /2月18日/)
    assert.equal(one.merged, (await json(`/api/events/${b.id}`)).merged, 'both reports went into one merged event')
  })

  test('the merged Riyadh talks: one event, reports from 001 and 003, each with the sentence holding its evidence', async () => {
    const list = (await json('/api/merged-events?type=meeting&since=2025-02-18&until=2025-02-18')).items
    const talks = list.filter((e: { reports: { docTitle: string }[] }) => e.reports.some((r) => r.docTitle.startsWith('美俄会谈在即')))
    assert.equal(talks.length, 1)
    const e = await json(`/api/merged-events/${talks[0].id}`)
    assert.ok(e.sources >= 2 && e.place === 'Riyadh', `${e.sources} ${e.place}`)
    const r003 = e.reports.find((r: { docTitle: string }) => r.docTitle.startsWith('美俄就烏克蘭實現和平的談判'))
    assert.ok(r003, e.reports.map((r: { docTitle: string }) => r.docTitle).join(' | '))
    for (const r of e.reports) {
      const at = r.start - r.sentenceStart
      assert.ok(at >= 0 && r.sentenceText.slice(at, at + r.sentence.length) === r.sentence, `${r.docTitle}: the span lies in its sentence`)
    }
    assert.equal((await json('/api/merged-events/nope', 404)).error.status, 404)
  })

  test('claims: Russia’s share of Ukraine’s territory from two sources, found by a traditional-script word; CSV one row per account', async () => {
    const c = await json(`/api/claims?quantity=${encodeURIComponent('領土')}`)
    const share = c.items.find((x: { unit: string }) => x.unit === 'percent')
    assert.ok(share && share.differs, JSON.stringify(c.items.map((x: { quantity: string }) => x.quantity)))
    assert.deepEqual(share.accounts.map((a: { value: number }) => a.value), [18, 20])
    const all = await json('/api/claims')
    const csv = await (await get('/api/claims?format=csv')).text()
    assert.equal(csv.trim().split('\n').length, all.items.reduce((n: number, x: { accounts: unknown[] }) => n + x.accounts.length, 0) + 1)
  })
})

const page = () => new File([readFileSync(HOSTILE)], 'hostile-page.html', { type: 'text/html' })

describe('writes', () => {
  const upload = (a: Hono, f: File, headers: Record<string, string> = {}) => {
    const body = new FormData()
    body.append('file', f)
    return a.request('/api/ingest', { method: 'POST', body, headers })
  }

  test('an upload is ingested by the pipeline; the same bytes again are known', async () => {
    const f = new File(['2025年3月1日，两国外长举行电话会谈，讨论停火安排。这段文字是为上传测试而写的。'], 'note.txt', { type: 'text/plain' })
    const r = await upload(app, f)
    assert.equal(r.status, 200, await r.clone().text())
    const s = await r.json()
    assert.equal(s.newDocs, 1)
    assert.equal((await (await upload(app, f)).json()).files[0].status, 'known')
    assert.equal((await upload(app, page())).status, 200)
  })

  test('the ingest page posts a plain HTML form (no script needed) and shows what was stored', async () => {
    const body = new FormData()
    body.append('file', new File(['3月2日，两国代表在维也纳再次会晤，商讨换俘细节。这段文字是为表单测试而写的。'], 'form-note.txt'))
    body.append('published', '')
    const r = await app.request('/ingest', { method: 'POST', body })
    assert.equal(r.status, 200)
    const page = await r.text()
    assert.match(page, /id="ingest-summary">1 /)
    assert.match(page, /form-note\.txt/)
    assert.doesNotMatch(page, /parley-upload-/, 'the temporary folder is not shown')
    assert.match(await (await app.request('/ingest')).text(), /enctype="multipart\/form-data"/)
  })

  test('wrong bodies are 4xx: no file, a bad URL, a wrong content type, an upload over the cap', async () => {
    const empty = await app.request('/api/ingest', { method: 'POST', body: new FormData() })
    assert.equal(empty.status, 400)
    const bad = await app.request('/api/ingest', { method: 'POST', body: JSON.stringify({ url: 'javascript:alert(1)' }), headers: { 'content-type': 'application/json' } })
    assert.equal(bad.status, 400)
    assert.equal((await app.request('/api/ingest', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })).status, 415)
    const big = await upload(app, new File([new Uint8Array(200 * 1024).fill(65)], 'big.txt'))
    assert.equal(big.status, 413)
    assert.equal((await big.json()).error.status, 413)
  })

  test('with a token, writes need it; writes from another origin are refused', async () => {
    const guarded = createApp({ store, token: TOKEN, maxUpload: 64 * 1024, version: 'test' })
    assert.equal((await upload(guarded, page())).status, 401)
    assert.equal((await upload(guarded, page(), { authorization: 'Bearer wrong-token-000' })).status, 401)
    assert.equal((await upload(guarded, page(), { authorization: `Bearer ${TOKEN}` })).status, 200)
    assert.equal((await upload(app, page(), { origin: 'https://evil.example', host: '127.0.0.1:8787' })).status, 403)
    assert.equal((await upload(app, page(), { 'sec-fetch-site': 'cross-site' })).status, 403)
    assert.equal((await guarded.request('/api/documents')).status, 200, 'reads need no token')
  })
})

describe('safety', () => {
  test('every response has the CSP and nosniff; static files come from a fixed list only', async () => {
    for (const path of ['/timeline', '/api/documents', '/static/app.js', '/nope']) {
      const r = await get(path)
      assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'; script-src 'self'/, path)
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', path)
    }
    assert.match((await get('/static/app.js')).headers.get('content-type') ?? '', /javascript/)
    for (const p of ['/static/..%2f..%2fpackage.json', '/static/%2e%2e%2fassets.ts', '/static/../../package.json', '/static/style.css%00.js']) assert.equal((await get(p)).status, 404, p)
  })

  test('article text that looks like markup is escaped on every page that shows it', async () => {
    const hit = (await json(`/api/search?q=${encodeURIComponent('安全测试')}`)).items[0]
    assert.ok(hit, 'the hostile page is stored')
    for (const path of [`/documents/${hit.id}`, `/search?q=${encodeURIComponent('安全测试')}`, '/documents', `/search?q=${encodeURIComponent('<script>alert(1)</script>')}`, '/timeline?statements=1&limit=1000', '/quotes?limit=1000', '/events?limit=1000', '/stances', '/claims', `/claims?quantity=${encodeURIComponent('<script>')}`, '/network']) {
      const html = await (await get(path)).text()
      assert.ok(!/<script>(?!<\/script>)/i.test(html.replace(/<script src="\/static\/app\.js" defer><\/script>/, '')), `${path} holds a live <script>`)
      assert.ok(!/<img[^>]*onerror/i.test(html), `${path} holds a live onerror`)
    }
    const doc = await (await get(`/documents/${hit.id}`)).text()
    assert.ok(doc.includes('&lt;script&gt;window.__pwned'), 'the text is shown, escaped')
  })

  test('a real server: loopback needs no token, any other address gets one', async () => {
    const local = await startServer({ db: corpus.db, host: '127.0.0.1', port: 0 })
    try {
      assert.equal(local.token, null)
      const r = await fetch(`${local.url}/api/documents?limit=1`)
      assert.equal(r.status, 200)
    } finally {
      await local.close()
    }
    const open = await startServer({ db: corpus.db, host: '0.0.0.0', port: 0 })
    try {
      assert.ok(open.token && open.token.length >= 20)
      const body = new FormData()
      body.append('file', page())
      assert.equal((await fetch(`http://127.0.0.1:${open.port}/api/ingest`, { method: 'POST', body })).status, 401)
    } finally {
      await open.close()
    }
  })
})
