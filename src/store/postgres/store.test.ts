// The PostgreSQL store: the shared conformance suite (one schema per test process, emptied for each test), then
// what only this store has: migrations per schema, refusing a schema that is not parley's, the bigram index.
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { ParleyError } from '../../core/errors.js'
import { storeConformance } from '../conformance.js'
import { makeDoc, matchOf } from '../conformance-fixtures.js'
import { dropSchema, dropTestSchema, freshSchemaName, openFreshPgStore, PG_URL, skipWithoutPostgres } from '../../../tests/helpers/postgres.js'
import { appliedPgVersions, loadPgMigrations } from './migrate.js'
import { bigrams } from './search.js'
import { openPostgresStore } from './store.js'

test('bigrams: neighbouring pairs, ASCII folded, none across whitespace', () => {
  assert.deepEqual(bigrams('普京说'), ['普京', '京说'])
  assert.deepEqual(bigrams('Rubio 称'), ['ru', 'ub', 'bi', 'io'])
  assert.deepEqual(bigrams('𠮷野家'), ['𠮷野', '野家'], 'code points, not UTF-16 halves')
  assert.deepEqual(bigrams('停'), [])
})

if (skipWithoutPostgres) test('postgres store', { skip: skipWithoutPostgres }, () => {})
else {
  const url = PG_URL!
  after(dropTestSchema)
  storeConformance('postgres', openFreshPgStore)

  /** A new schema for one test, dropped after it. */
  const schemaFor = (t: { after: (fn: () => void) => void }): string => {
    const schema = freshSchemaName()
    t.after(() => dropSchema(schema))
    return schema
  }

  test('a new schema gets every migration; opening it again applies nothing and keeps the data', (t) => {
    const schema = schemaFor(t)
    const s1 = openPostgresStore(url, { schema })
    assert.deepEqual(appliedPgVersions(s1.db), loadPgMigrations().map((m) => m.version))
    const before = s1.db.all('SELECT version, applied_at FROM schema_migrations ORDER BY version')
    const doc = makeDoc()
    s1.putDocument(doc, { bytes: new Uint8Array([7]) }, matchOf(doc))
    s1.close()
    const s2 = openPostgresStore(url, { schema })
    assert.deepEqual(s2.db.all('SELECT version, applied_at FROM schema_migrations ORDER BY version'), before)
    assert.deepEqual(s2.getDocument(doc.id), doc)
    assert.deepEqual(s2.search('特朗普').map((h) => h.id), [doc.id])
    s2.close()
  })

  test("a schema holding another program's tables is refused, unchanged; so is one from a newer parley", (t) => {
    const foreign = schemaFor(t)
    const s = openPostgresStore(url, { schema: schemaFor(t) })
    s.db.exec(`CREATE SCHEMA ${foreign}; CREATE TABLE ${foreign}.customers (id int)`)
    assert.throws(() => openPostgresStore(url, { schema: foreign }), (e) => e instanceof ParleyError && /not a parley schema \(it holds customers/.test(e.message))
    assert.deepEqual(s.db.all(`SELECT table_name FROM information_schema.tables WHERE table_schema = '${foreign}'`), [{ table_name: 'customers' }])
    s.db.exec(`INSERT INTO schema_migrations VALUES (999, '999_future.sql', '2030-01-01')`)
    const mine = s.db.value<string>('SELECT current_schema()')!
    s.close()
    assert.throws(() => openPostgresStore(url, { schema: mine }), /999_future\.sql.*newer parley/)
  })

  test('the password never shows in the store path or in errors', (t) => {
    const u = new URL(url)
    u.password = 'pw-not-shown'
    const s = openPostgresStore(u.toString(), { schema: schemaFor(t) })
    s.close()
    assert.match(s.path, /:\*\*\*@/)
    assert.doesNotMatch(s.path, /pw-not-shown/)
    u.port = '1'
    assert.throws(() => openPostgresStore(u.toString()), (e) => e instanceof ParleyError && !e.message.includes('pw-not-shown') && /:\*\*\*@.*cannot connect/.test(e.message))
  })

  test('search can use the GIN index over the bigrams', (t) => {
    const s = openPostgresStore(url, { schema: schemaFor(t) })
    t.after(() => s.close())
    s.db.exec('SET enable_seqscan = off')
    const plan = s.db.all<{ 'QUERY PLAN': string }>(`EXPLAIN SELECT doc_id FROM document_match WHERE grams @> '{普京,京说}'::text[]`).map((r) => r['QUERY PLAN']).join('\n')
    assert.match(plan, /document_match_grams/)
  })
}
