import { test } from 'node:test'
import assert from 'node:assert/strict'
import { choosePublished } from './published.js'
import type { Published } from '../core/index.js'

const p = (at: string, source: Published['source'], precision: Published['precision'] = 'minute'): Published => ({ at, precision, source, raw: at })

test('a zoned dateline in the article beats the exporter stamp; a local one does not', () => {
  assert.equal(choosePublished([p('2025-02-18T07:39Z', 'epoch-comment'), p('2025-02-18T07:27Z', 'text-pattern')]).at, '2025-02-18T07:27Z')
  assert.equal(choosePublished([p('2024-01-25T18:45Z', 'epoch-comment'), p('2024-01-25T19:26', 'text-pattern')]).at, '2024-01-25T18:45Z')
})

test('what the user states wins over everything the document says', () => {
  assert.equal(choosePublished([p('2025-02-18T07:27Z', 'feed'), p('2025-02-13', 'sidecar', 'day')]).source, 'sidecar')
  assert.equal(choosePublished([p('2025-02-13', 'sidecar', 'day'), p('2025-02-14', 'user', 'day')]).at, '2025-02-14')
})

test('nothing stated is unknown, never a guess', () => {
  assert.deepEqual(choosePublished([]), { at: null, precision: 'unknown', source: 'none', raw: null })
})

test('within a rank the finer precision wins', () => {
  assert.equal(choosePublished([p('2025-02', 'meta-tag', 'month'), p('2025-02-18T07:27Z', 'json-ld')]).at, '2025-02-18T07:27Z')
})
