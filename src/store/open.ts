// The one place a database is opened: a postgres:// (or postgresql://) URL opens the PostgreSQL store, anything
// else is a SQLite file. The CLI and the server both come through here.
import { isPostgresUrl } from './postgres/pg.js'
import { openPostgresStore } from './postgres/store.js'
import { openSqliteStore, type OpenOptions } from './sqlite/store.js'
import type { Store } from './store.js'

export { isPostgresUrl }

/** mode matters to SQLite only ('read' refuses to create a file); a PostgreSQL schema is made and migrated on first use. */
export function openStore(target: string, opts: OpenOptions = {}): Store {
  return isPostgresUrl(target) ? openPostgresStore(target) : openSqliteStore(target, opts)
}
