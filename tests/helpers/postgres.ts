// Tests of the PostgreSQL store need a server: $PARLEY_DATABASE_URL (.ci/run starts one and sets it; npm test
// hands it to the tests as $PARLEY_TEST_DATABASE_URL, see scripts/test.mjs). Without it they skip with one line. Each test process works in a schema of its own, made for it and dropped at its
// end (or, for child processes, one schema per test), so test files running at once (node --test runs them in parallel) and runs after each other never collide.
import { randomBytes } from 'node:crypto'
import { Connection } from '../../src/store/postgres/pg.js'
import { openPostgresStore, PostgresStore } from '../../src/store/postgres/store.js'

export const PG_URL = process.env.PARLEY_TEST_DATABASE_URL || process.env.PARLEY_DATABASE_URL || null

/** The reason to pass as `{ skip }` to node:test when no PostgreSQL server is given. */
export const skipWithoutPostgres: string | false = PG_URL ? false : 'skipped: $PARLEY_DATABASE_URL is not set (the PostgreSQL tests need a server; .ci/run starts one)'

let counter = 0

/** A schema name no other test process uses. */
export function freshSchemaName(): string {
  return `parley_t${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`
}

/** The URL with its connections' search_path set to schema (libpq's options parameter), for child processes. */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url)
  u.searchParams.set('options', `-csearch_path=${schema}`)
  return u.toString()
}

let shared: { schema: string; store: PostgresStore; tables: string[] } | null = null

/**
 * A store on an empty schema of this test process's own. Making and migrating a schema, or even connecting,
 * costs more than most tests: the process makes one schema and one connection on first use and empties the
 * tables for each store opened (close() leaves the connection open). A test file calls `after(dropTestSchema)`.
 */
export function openFreshPgStore(): PostgresStore {
  if (!PG_URL) throw new Error('PARLEY_DATABASE_URL is not set')
  if (shared === null) {
    const schema = freshSchemaName()
    const store = openPostgresStore(PG_URL, { schema })
    shared = { schema, store, tables: childrenFirst(store) }
  }
  const { store, tables } = shared
  // DELETE, not TRUNCATE: on tables this small it is many times faster.
  store.db.exec(`${tables.map((t) => `DELETE FROM ${t}`).join('; ')};
    UPDATE record_state SET built_from = NULL, built_at = NULL; ALTER SEQUENCE record_generation RESTART`)
  const fresh = new PostgresStore(store.path, store.db)
  fresh.close = () => {}
  return fresh
}

/** Every table but the migrations' and the record's state row, each after the tables whose rows refer to it. */
function childrenFirst(store: PostgresStore): string[] {
  const tables = store.db
    .all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('schema_migrations', 'record_state')`)
    .map((r) => r.name)
  const refs = store.db.all<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
     WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`,
  )
  const out: string[] = []
  const visit = (t: string): void => {
    if (out.includes(t)) return
    for (const r of refs) if (r.parent === t && r.child !== t) visit(r.child)
    out.push(t)
  }
  for (const t of tables) visit(t)
  return out
}

/** Drops this process's schema, if it made one. */
export function dropTestSchema(): void {
  if (shared === null) return
  const { schema, store } = shared
  shared = null
  try {
    store.db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    store.close()
  }
}

/** Drops a schema made for a test (one given to child processes through urlWithSchema), whatever it holds. */
export function dropSchema(schema: string): void {
  if (!PG_URL) return
  const db = new Connection(PG_URL)
  try {
    db.exec(`SET client_min_messages = warning; DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    db.close()
  }
}
