import { test } from 'node:test'
import assert from 'node:assert/strict'
import { toContract } from './contract.js'
import type { Document, Event, Extraction } from '../core/index.js'

const text = '两国通话。'
const doc: Document = {
  id: 'd', origin: 'x', part: null, format: 'text', url: null, outlet: null, lang: 'zh', title: 't',
  published: { at: '2025-02-13', precision: 'day', source: 'user', raw: '2025-02-13' }, script: 'simplified', text,
  sentences: [{ start: 0, end: text.length }], references: [], encoding: 'utf-8',
}
const ev = (id: string, modality: Event['modality'], date: string | null): Event => ({
  id, type: 'call', cameo: { code: '041', label: 'Discuss by telephone', codebook: 'CAMEO 1.1b3' }, plover: 'CONSULT', actors: [],
  date, datePrecision: date ? 'day' : 'none', dateSource: date ? 'clause' : 'none', dateRange: null, location: null, modality, trigger: '通话',
  evidence: [{ start: 0, end: text.length, sentence: 0, ruleId: 'r', confidence: 0.9 }], confidence: 0.9,
})

test('the contract lists what happened or is planned; negated, hypothetical and undated background apart', () => {
  const ex: Extraction = {
    docId: 'd', mentions: [], times: [], quotes: [],
    numbers: [{ surface: '一个半小时', value: 1.5, unit: 'hour', qualifier: null, about: null, normalized: { value: 90, unit: 'minute' }, start: 0, end: 1, ruleId: 'n', confidence: 0.9 }],
    events: [ev('a', 'reported', '2025-02-12'), ev('b', 'planned', null), ev('c', 'historical', '2021-06'), ev('d', 'historical', null), ev('e', 'negated', null), ev('f', 'hypothetical', null)],
  }
  const c = toContract('x.txt', doc, ex)
  const ids = (rows: unknown[]): string[] => rows.map((r) => (r as { id: string }).id)
  assert.deepEqual(ids(c.events), ['a', 'b', 'c'])
  assert.deepEqual(ids(c.backgroundEvents), ['d'])
  assert.deepEqual(ids(c.negatedEvents), ['e'])
  assert.deepEqual(ids(c.hypotheticalEvents), ['f'])
  assert.equal(c.published, '2025-02-13')
  // A number is printed as stated and in its canonical unit.
  assert.deepEqual(c.numbers.map((n) => { const r = n as { value: number; unit: string; form: string }; return [r.value, r.unit, r.form] }), [[1.5, 'hour', 'stated'], [90, 'minute', 'canonical']])
})
