import { test } from 'node:test'
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { openSqliteStore } from '../store/sqlite/store.js'
import { ingest } from './ingest.js'
import { searchDocuments } from './search.js'
import { projectRoot } from '../../tests/helpers/shared.js'

test('a query in either script finds both, and each snippet is in its document\'s own script', async () => {
  const store = openSqliteStore(':memory:')
  await ingest(store, [join(projectRoot, 'examples/pages')])
  for (const q of ['會談', '会谈']) {
    const hits = searchDocuments(store, q)
    assert.equal(hits.length, 2, q)
    const trad = hits.find((h) => h.title.includes('會談'))!
    const simp = hits.find((h) => h.title.includes('会谈'))!
    assert.match(trad.snippet, /«會談»/)
    assert.match(simp.snippet, /«会谈»/)
  }
  store.close()
})
