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
