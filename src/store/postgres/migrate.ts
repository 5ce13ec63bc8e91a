// The PostgreSQL store's numbered migrations (./migrations/), in the current schema. The same file rules as the
// SQLite store's; they are applied in one transaction under an advisory lock, so two workers starting on a new
// database at once do not both migrate, and a failure leaves the schema at its old version.
import { ParleyError } from '../../core/errors.js'
import { loadMigrations as loadFrom, type Migration } from '../sqlite/migrate.js'
import type { Connection } from './pg.js'

export const PG_MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)

export const loadPgMigrations = (): Migration[] => loadFrom(PG_MIGRATIONS_DIR)

/** Why this schema is not parley's to change, or null. Checked before anything is written. */
export function foreignTables(db: Connection, where: string): string | null {
  const tables = db
    .all<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name`)
    .map((r) => r.name)
  if (!tables.length || tables.includes('schema_migrations')) return null
  const shown = tables.slice(0, 5).join(', ') + (tables.length > 5 ? ', …' : '')
  return `${where}: not a parley schema (it holds ${shown} and no parley migrations); refusing to change it`
}

export function migratePg(db: Connection, migrations: readonly Migration[], where: string): Migration[] {
  const pendingOf = (): Migration[] => {
    const exists = db.value<string | null>(`SELECT to_regclass('schema_migrations')::text`) !== null
    const rows = exists ? db.all<{ version: number; name: string }>('SELECT version, name FROM schema_migrations') : []
    const known = new Set(migrations.map((m) => m.version))
    const unknown = rows.filter((r) => !known.has(r.version))
    if (unknown.length > 0) {
      throw new ParleyError('store', where, `database has migrations this version does not know (${unknown.map((r) => r.name).join(', ')}); use a newer parley`)
    }
    const applied = new Set(rows.map((r) => r.version))
    return migrations.filter((m) => !applied.has(m.version))
  }
  if (pendingOf().length === 0) return []
  return db.transaction(() => {
    // One lock per schema, held to the end of this transaction; whoever waited finds nothing left to do.
    db.exec(`SELECT pg_advisory_xact_lock(hashtext('parley-migrate:' || current_schema()))`)
    const pending = pendingOf()
    if (pending.length === 0) return []
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`)
    for (const m of pending) {
      try {
        db.exec(m.sql)
      } catch (e) {
        throw new ParleyError('store', where, `migration ${m.name} failed: ${(e as Error).message}`)
      }
      db.all('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()])
    }
    return pending
  })
}

export function appliedPgVersions(db: Connection): number[] {
  return db.all<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version').map((r) => r.version)
}
