import { test } from 'node:test'
import assert from 'node:assert/strict'
import { timeAnchor } from './index.js'
import type { Document } from '../core/index.js'

const base: Document = {
  id: 'd', origin: 'x', part: null, format: 'wiki', url: null, outlet: null, lang: 'zh', title: 't',
  published: { at: null, precision: 'unknown', source: 'none', raw: null }, script: 'traditional', text: '2月12日，兩國通話。',
  sentences: [{ start: 0, end: 11 }], references: [], encoding: 'utf-8',
}
const ref = (n: number, date: string | null, accessed: string | null) => ({ n, outlet: null, title: 't', date, accessed, language: null, url: null, raw: 'r' })

test('an undated wiki copy reads its dates against its latest citation', () => {
  const a = timeAnchor({ ...base, references: [ref(1, '2025-02-13', '2025-02-18'), ref(2, '2022-09-21', '2025-02-22'), ref(3, null, null)] })
  assert.deepEqual(a, { at: '2025-02-22', precision: 'day', source: 'inferred', raw: 'latest citation date' })
})

test('a stated date is kept; no citations, no anchor', () => {
  const dated = { ...base, published: { at: '2025-03-01', precision: 'day' as const, source: 'user' as const, raw: '2025-03-01' }, references: [ref(1, '2025-02-13', null)] }
  assert.equal(timeAnchor(dated).at, '2025-03-01')
  assert.equal(timeAnchor(base).precision, 'unknown')
})
