// Numbered .sql migrations, read at run time from ./migrations/ (the build copies that folder to dist/).
// Pending ones are applied in order inside one transaction, so a failure leaves the database at its old version.
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Database } from 'better-sqlite3'
import { ParleyError } from '../../core/errors.js'

export interface Migration {
  version: number
  name: string // the file name, e.g. 001_documents.sql
  sql: string
}

export const MIGRATIONS_DIR = new URL('./migrations/', import.meta.url)

const FILE_NAME = /^(\d+)_[\w-]+\.sql$/

/** Reads every NNN_name.sql in dir, ordered by number. Other files are ignored; a number used twice is an error. */
export function loadMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  const path = fileURLToPath(dir)
  let names: string[]
  try {
    names = readdirSync(path)
  } catch (e) {
    throw new ParleyError('store', path, `cannot read the migrations folder: ${(e as Error).message}`)
  }
  const out: Migration[] = []
  for (const name of names) {
    const m = FILE_NAME.exec(name)
    if (!m?.[1]) continue
    out.push({ version: Number(m[1]), name, sql: readFileSync(new URL(name, dir), 'utf8') })
  }
  out.sort((a, b) => a.version - b.version)
  for (let i = 1; i < out.length; i++) {
    const [prev, cur] = [out[i - 1], out[i]]
    if (prev && cur && prev.version === cur.version) {
      throw new ParleyError('store', path, `migrations ${prev.name} and ${cur.name} share version ${cur.version}`)
    }
  }
  if (out.length === 0) throw new ParleyError('store', path, 'no migrations found')
  return out
}

/**
 * Applies the migrations this database lacks and returns them (empty when it was up to date). Everything,
 * the bookkeeping table included, happens in one IMMEDIATE transaction: two processes opening a new database
 * at once do not both migrate, and a failing migration leaves no table behind.
 */
export function migrate(db: Database, migrations: readonly Migration[]): Migration[] {
  const pendingOf = (): Migration[] => {
    const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'").get() !== undefined
    const rows = exists ? (db.prepare('SELECT version, name FROM schema_migrations').all() as { version: number; name: string }[]) : []
    const known = new Set(migrations.map((m) => m.version))
    // A database written by a newer parley may hold tables this code does not understand: refuse, don't guess.
    const unknown = rows.filter((r) => !known.has(r.version))
    if (unknown.length > 0) {
      const names = unknown.map((r) => r.name).join(', ')
      throw new ParleyError('store', db.name, `database has migrations this version does not know (${names}); use a newer parley`)
    }
    const applied = new Set(rows.map((r) => r.version))
    return migrations.filter((m) => !applied.has(m.version))
  }
  // Reading first, without a lock, keeps an up-to-date database (the usual case) free of any write.
  if (pendingOf().length === 0) return []
  return db.transaction(() => {
    const pending = pendingOf()
    if (pending.length === 0) return []
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TEXT NOT NULL
    )`)
    const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
    for (const m of pending) {
      try {
        db.exec(m.sql)
      } catch (e) {
        throw new ParleyError('store', db.name, `migration ${m.name} failed: ${(e as Error).message}`)
      }
      record.run(m.version, m.name, new Date().toISOString())
    }
    return pending
  }).immediate()
}

/** The versions recorded in schema_migrations, ascending. */
export function appliedVersions(db: Database): number[] {
  const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[]
  return rows.map((r) => r.version)
}
