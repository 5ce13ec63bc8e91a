// Database failures that end a run rather than one input: when the disk is full or the file is read-only,
// every later write fails the same way, so the run stops with one line instead of failing each input (and
// then failing to record those failures). Told apart by the driver's error code, whatever the store.
const FATAL: [RegExp, string][] = [
  [/^SQLITE_FULL/, 'the disk (or the database) is full'],
  [/^SQLITE_READONLY/, 'the database is read-only (check the permissions of the file and its folder)'],
  [/^SQLITE_IOERR/, 'the disk reported an I/O error'],
  [/^SQLITE_CORRUPT|^SQLITE_NOTADB/, 'the database file is damaged or not a database'],
  [/^SQLITE_CANTOPEN/, 'the database file cannot be opened (does its folder exist and is it writable?)'],
  [/^SQLITE_BUSY/, 'another process kept the database locked for too long'],
  [/^ENOSPC$/, 'the disk is full'],
  [/^EROFS$/, 'the file system is read-only'],
  // PostgreSQL's SQLSTATE classes (src/store/postgres/pg.ts gives a lost connection 08006 too).
  [/^08/, 'the connection to the PostgreSQL server failed'],
  [/^53/, 'the PostgreSQL server ran out of room (disk, memory or connections)'],
  [/^57P0/, 'the PostgreSQL server is shutting down or restarting'],
  [/^25006$/, 'the PostgreSQL server only allows reading (a standby?)'],
]

/** A plain-words reason when `e` is a failure of the database itself (not of one input), else null. */
export function fatalStoreProblem(e: unknown): string | null {
  const code = (e as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  for (const [re, words] of FATAL) if (re.test(code)) return words
  return null
}
