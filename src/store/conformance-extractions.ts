// Conformance for what the extract stage stores (facts per document, the lists behind `parley events`, `quotes`,
// `actors`) and for the record the resolve stage builds from them.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { Document, Event, Extraction, Quote } from '../core/index.js'
import { extractInto } from '../pipeline/extract.js'
import { ensureRecord } from '../pipeline/record.js'
import { makeDoc, matchOf, using, type OpenStore } from './conformance-fixtures.js'
import type { Store } from './store.js'

const dated = (id: string, day: string): Document => makeDoc({ id, origin: `${id}.txt`, part: null, text: `第${id}篇。`, published: { at: day, precision: 'day', source: 'user', raw: day }, sentences: [{ start: 0, end: 4 }] })

function event(id: string, type: Event['type'], date: string, actors: [string, string][]): Event {
  return {
    id, type, cameo: { code: type === 'call' ? '041' : '040', label: 'consult', codebook: 'CAMEO 1.1b3' }, plover: 'CONSULT',
    actors: actors.map(([actorId, name]) => ({ actorId, name, type: 'person', country: null, role: 'participant' })),
    date, datePrecision: 'day', dateSource: 'clause', dateRange: null, location: null, modality: 'reported', trigger: '会谈',
    evidence: [{ start: 0, end: 2, sentence: 0, ruleId: 'test', confidence: 0.9 }], confidence: 0.9,
  }
}

const quote = (start: number, speaker: [string, string] | null): Quote => ({
  text: '话', start, end: start + 1, sentence: 0, ruleId: 'test', confidence: 0.8, verb: '表示',
  speaker: speaker ? { actorId: speaker[0], name: speaker[1], type: 'person', country: null, anonymous: false, descriptor: null, start: 0, end: 1 } : null,
})

const facts = (docId: string, events: Event[], quotes: Quote[] = []): Extraction => ({ docId, mentions: [], times: [], numbers: [], events, quotes })

function two(s: Store): void {
  for (const d of [dated('d1', '2025-02-13'), dated('d2', '2025-03-12')]) s.putDocument(d, { bytes: new Uint8Array([1]) }, matchOf(d))
  s.putExtraction(facts('d1', [event('e1', 'call', '2025-02-12', [['putin', 'Vladimir Putin'], ['trump', 'Donald Trump']]), event('e2', 'meeting', '2025-02-18', [['rubio', 'Marco Rubio']])], [quote(0, ['trump', 'Donald Trump']), quote(2, null)]))
  s.putExtraction(facts('d2', [event('e3', 'call', '2025-03-11', [['witkoff', 'Steve Witkoff']])]))
}

export function extractionsConformance(open: OpenStore): void {
  test('an extraction comes back equal, and storing another replaces it whole', using(open, (s) => {
    const d = dated('d1', '2025-02-13')
    s.putDocument(d, { bytes: new Uint8Array([1]) }, matchOf(d))
    const first = facts('d1', [event('e1', 'call', '2025-02-12', [['putin', 'Vladimir Putin']])], [quote(0, ['putin', 'Vladimir Putin'])])
    s.putExtraction(first)
    assert.deepEqual(s.getExtraction('d1'), first)
    s.putExtraction(facts('d1', [event('e9', 'meeting', '2025-02-18', [['rubio', 'Marco Rubio']])]))
    assert.deepEqual(s.listEvents().map((e) => e.id), ['e9'])
    assert.equal(s.countQuotes(), 0)
    assert.equal(s.getExtraction('nothing'), null)
  }))

  test('events filter by actor id or name, type and dates; quotes by speaker; counts ignore the limit', using(open, (s) => {
    two(s)
    const ids = (f: Parameters<Store['listEvents']>[0]): string[] => s.listEvents(f).map((e) => e.id)
    assert.deepEqual(ids({}), ['e1', 'e2', 'e3'], 'in date order')
    assert.deepEqual(ids({ types: ['call'] }), ['e1', 'e3'])
    assert.deepEqual(ids({ actors: ['trump'] }), ['e1'])
    assert.deepEqual(ids({ actors: ['Marco Rubio', 'witkoff'] }), ['e2', 'e3'])
    assert.deepEqual(ids({ since: '2025-02-13', until: '2025-03' }), ['e2', 'e3'])
    assert.deepEqual(ids({ until: '2025-02-12' }), ['e1'], 'until keeps the day it names')
    assert.deepEqual(ids({ limit: 1 }), ['e1'])
    assert.equal(s.countEvents({ limit: 1 }), 3)
    assert.equal(s.countEvents({ types: ['meeting'] }), 1)
    const [e1] = s.listEvents({ actors: ['putin'] })
    assert.deepEqual([e1?.docId, e1?.docTitle, e1?.docPublished], ['d1', makeDoc().title, '2025-02-13'])
    assert.deepEqual(s.listQuotes({ speakers: ['Donald Trump'] }).map((q) => [q.docId, q.start]), [['d1', 0]])
    assert.equal(s.countQuotes(), 2)
    assert.deepEqual(s.listQuotes({ since: '2025-03' }), [])
  }))

  test('an extraction for a document not stored is refused, naming it', using(open, (s) => {
    assert.throws(() => s.putExtraction(facts('ghost-doc', [])), /ghost-doc/)
  }))

  test('actor counts: most mentioned first, with documents and surfaces', using(open, (s) => {
    const mention = (start: number, surface: string, actorId: string, name: string) => ({ start, end: start + surface.length, surface, actorId, name, type: 'person' as const, country: null, how: 'lexicon' as const, unresolved: false, ruleId: 'test', confidence: 1, sentence: 0 })
    for (const d of [dated('d1', '2025-02-13'), dated('d2', '2025-03-12')]) s.putDocument(d, { bytes: new Uint8Array([2]) }, matchOf(d))
    s.putExtraction({ ...facts('d1', []), mentions: [mention(0, '普京', 'putin', 'Vladimir Putin'), mention(5, '特朗普', 'trump', 'Donald Trump'), mention(9, '普大帝', 'putin', 'Vladimir Putin')] })
    s.putExtraction({ ...facts('d2', []), mentions: [mention(0, '普京', 'putin', 'Vladimir Putin')] })
    const counts = s.actorCounts()
    assert.deepEqual(counts.map((c) => [c.actorId, c.mentions, c.documents]), [['putin', 3, 2], ['trump', 1, 1]])
    assert.deepEqual(new Set(counts[0]?.surfaces), new Set(['普京', '普大帝']))
  }))

  test('the record: built from real extractions, stale after a change, read back by filters', using(open, (s) => {
    assert.equal(s.recordStale(), true, 'never built')
    const a = makeDoc()
    const b = makeDoc({ id: 'b0b0b0b0b0b0', origin: 'feeds/cctv.xml', outlet: '央视', title: '特朗普与普京通话', text: '美国总统特朗普12日与俄罗斯总统普京通电话，讨论乌克兰问题。', sentences: [{ start: 0, end: 29 }] })
    for (const d of [a, b]) {
      s.putDocument(d, { bytes: new Uint8Array([3]) }, matchOf(d))
      assert.equal(extractInto(s, d), null)
    }
    assert.equal(ensureRecord(s), true)
    assert.equal(s.recordStale(), false)
    assert.equal(ensureRecord(s), false, 'a current record is not rebuilt')
    const calls = s.listMergedEvents({ actors: ['Vladimir Putin'] }).filter((e) => e.type === 'call')
    assert.equal(calls.length, 1, 'two reports of one call are one event')
    assert.deepEqual(new Set(calls[0]?.reports.map((r) => r.docId)), new Set([a.id, b.id]))
    assert.equal(calls[0]?.date, '2025-02-12')
    assert.deepEqual(s.listMergedEvents({ actors: ['nobody'] }), [])
    assert.deepEqual(s.listMergedEvents({ from: '2025-03-01' }), [])
    assert.equal(s.listMergedEvents({ from: '2025-02-12', to: '2025-02-12' }).length, s.listMergedEvents({ limit: 100 }).filter((e) => e.date?.startsWith('2025-02-12')).length)
    for (const list of [s.listReprints(), s.listAnchors(), s.listClaims(), s.listStances()]) assert.ok(Array.isArray(list))
    s.putExtraction(facts(a.id, []))
    assert.equal(s.recordStale(), true, 'a new extraction makes it stale')
    ensureRecord(s)
    assert.equal(s.listMergedEvents({ actors: ['Vladimir Putin'] }).filter((e) => e.type === 'call')[0]?.reports.length, 1)
  }))
}
