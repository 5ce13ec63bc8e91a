// Extraction storage on a fresh in-memory database with the real migrations.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { openSqliteStore } from './store.js'
import type { Document, Event, Extraction, Quote } from '../../core/index.js'

function doc(id: string, published: string): Document {
  const text = `文本${id}。`
  return {
    id, origin: `${id}.txt`, part: null, format: 'text', url: null, outlet: null, lang: 'zh', title: `标题${id}`,
    published: { at: published, precision: 'day', source: 'user', raw: published }, script: 'simplified', text,
    sentences: [{ start: 0, end: text.length }], references: [], encoding: 'utf-8',
  }
}

function event(id: string, type: Event['type'], date: string, actors: [string, string][]): Event {
  return {
    id, type, cameo: { code: '041', label: 'Discuss by telephone', codebook: 'CAMEO 1.1b3' }, plover: 'CONSULT',
    actors: actors.map(([actorId, name]) => ({ actorId, name, type: 'person', country: null, role: 'participant' })),
    date, datePrecision: 'day', dateSource: 'clause', dateRange: null, location: null, modality: 'reported', trigger: '通话',
    evidence: [{ start: 0, end: 3, sentence: 0, ruleId: 'r', confidence: 0.9 }], confidence: 0.9,
  }
}

const quote = (start: number, name: string | null): Quote => ({
  text: '引语', start, end: start + 2, sentence: 0, ruleId: 'q', confidence: 0.8, verb: '说',
  speaker: name ? { actorId: name.toLowerCase(), name, type: 'person', country: null, anonymous: false, descriptor: null, start: 0, end: 1 } : null,
})

function extraction(docId: string, events: Event[], quotes: Quote[] = []): Extraction {
  return { docId, mentions: [], times: [], numbers: [], quotes, events }
}

test('an extraction round-trips and a second one replaces the first', () => {
  const s = openSqliteStore(':memory:')
  s.putDocument(doc('a1', '2025-02-13'), { bytes: new Uint8Array([1]) }, { title: 't', text: 'x' })
  const first = extraction('a1', [event('e1', 'call', '2025-02-12', [['trump', 'Donald Trump'], ['putin', 'Vladimir Putin']])], [quote(0, 'Donald Trump')])
  s.putExtraction(first)
  assert.deepEqual(s.getExtraction('a1'), first)
  s.putExtraction(extraction('a1', [event('e2', 'meeting', '2025-02-18', [['rubio', 'Marco Rubio']])]))
  assert.deepEqual(s.listEvents().map((e) => e.id), ['e2'])
  assert.deepEqual(s.listQuotes(), [])
  s.close()
})

test('events filter by actor id or name, type and date range; quotes by speaker', () => {
  const s = openSqliteStore(':memory:')
  for (const [id, pub] of [['a1', '2025-02-13'], ['b2', '2025-03-12']] as const) s.putDocument(doc(id, pub), { bytes: new Uint8Array([id.charCodeAt(0)]) }, { title: 't', text: id })
  s.putExtraction(extraction('a1', [event('e1', 'call', '2025-02-12', [['trump', 'Donald Trump'], ['putin', 'Vladimir Putin']]), event('e2', 'meeting', '2025-02-18', [['rubio', 'Marco Rubio']])], [quote(0, 'Donald Trump'), quote(5, null)]))
  s.putExtraction(extraction('b2', [event('e3', 'call', '2025-03-11', [['ratcliffe', 'John Ratcliffe']])]))
  assert.deepEqual(s.listEvents({ types: ['call'] }).map((e) => e.id), ['e1', 'e3'])
  assert.deepEqual(s.listEvents({ actors: ['putin'] }).map((e) => e.id), ['e1'])
  assert.deepEqual(s.listEvents({ actors: ['Marco Rubio'] }).map((e) => e.id), ['e2'])
  assert.deepEqual(s.listEvents({ since: '2025-02-13', until: '2025-03' }).map((e) => e.id), ['e2', 'e3'])
  assert.deepEqual(s.listEvents({ until: '2025-02-12' }).map((e) => e.id), ['e1'])
  assert.equal(s.listEvents({ actors: ['putin'] })[0]!.docTitle, '标题a1')
  assert.deepEqual(s.listQuotes({ speakers: ['donald trump'] }).map((q) => q.start), [0])
  assert.equal(s.listQuotes().length, 2)
  s.close()
})

test('an extraction for a document that is not stored is refused, naming it', () => {
  const s = openSqliteStore(':memory:')
  assert.throws(() => s.putExtraction(extraction('nope', [])), /nope/)
  s.close()
})

test('pages of events and quotes: offset and limit in the database, the count of every match beside them', () => {
  const s = openSqliteStore(':memory:')
  s.putDocument(doc('a1', '2025-02-13'), { bytes: new Uint8Array([1]) }, { title: 't', text: 'a1' })
  s.putDocument(doc('b2', '2025-03-12'), { bytes: new Uint8Array([2]) }, { title: 't', text: 'b2' })
  const evs = ['01', '02', '03', '04', '05', '06', '07'].map((d) => event(`e${d}`, 'call', `2025-02-${d}`, [['putin', 'Vladimir Putin']]))
  evs[2] = { ...evs[2]!, modality: 'planned' }
  evs[5] = { ...evs[5]!, type: 'meeting', actors: [] }
  s.putExtraction(extraction('a1', evs, [0, 2, 4].map((at) => quote(at, 'Donald Trump'))))
  s.putExtraction(extraction('b2', [], [quote(0, 'Donald Trump'), quote(3, null)]))
  const all = s.listEvents().map((e) => e.id)
  assert.deepEqual(all, ['e01', 'e02', 'e03', 'e04', 'e05', 'e06', 'e07'])
  const p = s.pageEvents!({ limit: 2, offset: 3 })
  assert.deepEqual([p.total, p.items.map((e) => e.id)], [7, ['e04', 'e05']])
  assert.equal(p.items[0]!.docTitle, '标题a1')
  assert.deepEqual(s.pageEvents!({ limit: 10, offset: 6 }).items.map((e) => e.id), ['e07'])
  assert.deepEqual(s.pageEvents!({ limit: 10, offset: 9 }), { total: 7, items: [] })
  // Filters count the same rows they list: by type, actor and modality (kept in the event's JSON body).
  const reported = s.pageEvents!({ modalities: ['reported'], actors: ['putin'], limit: 2, offset: 1 })
  assert.deepEqual([reported.total, reported.items.map((e) => e.id)], [5, ['e02', 'e04']])
  assert.deepEqual(s.pageEvents!({ modalities: ['planned'], limit: 5 }).items.map((e) => e.id), ['e03'])
  assert.equal(s.pageEvents!({ types: ['meeting'], limit: 5 }).total, 1)
  const q = s.pageQuotes!({ speakers: ['Donald Trump'], limit: 2, offset: 2 })
  assert.deepEqual([q.total, q.items.map((x) => `${x.docId}:${x.start}`)], [4, ['a1:4', 'b2:0']])
  assert.equal(s.pageQuotes!({ limit: 1 }).total, 5)
  s.close()
})
