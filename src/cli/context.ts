// What every command shares: the database (--db, then $PARLEY_DATABASE_URL, then $PARLEY_DB, then ./parley.db), how it is opened,
// the output format, how much to say (-q, -v), and the actor lexicon (--lexicon).
import { Option, type Command } from 'commander'
import { ParleyError } from '../core/index.js'
import { loadActorLexicon, type ActorLexicon } from '../extract/mentions/lexicon.js'
import { isPostgresUrl, openStore } from '../store/open.js'
import type { Store } from '../store/store.js'
import { dbProblem, UsageError } from './options.js'

export const DEFAULT_DB = './parley.db'

/** The user lexicon folder: --lexicon, then $PARLEY_LEXICON; null for the shipped lexicon alone. */
export function lexiconDir(program: Command): string | null {
  return (program.opts().lexicon as string | undefined) ?? process.env.PARLEY_LEXICON ?? null
}

/** The actor lexicon a command runs with: the shipped one overlaid by the user's folder, if any. */
export function lexiconOf(program: Command): ActorLexicon {
  const dir = lexiconDir(program)
  try {
    return loadActorLexicon(dir)
  } catch (e) {
    throw new ParleyError('extract', dir ?? 'lexicon', `${(e as Error).message}`)
  }
}

/**
 * --db (already checked by its parser), else $PARLEY_DATABASE_URL (a postgres:// URL: the shared server), else
 * $PARLEY_DB (checked here: an empty one would keep nothing).
 */
export function dbPath(opt: string | undefined): string {
  if (opt !== undefined) return opt
  const url = process.env.PARLEY_DATABASE_URL
  if (url !== undefined && url !== '') {
    if (!isPostgresUrl(url)) throw new UsageError('$PARLEY_DATABASE_URL is not a postgres:// URL (a SQLite file goes in --db or $PARLEY_DB).')
    return url
  }
  const env = process.env.PARLEY_DB
  if (env === undefined) return DEFAULT_DB
  const problem = dbProblem(env)
  if (problem) throw new UsageError(`$PARLEY_DB ${problem}`)
  return env
}

/** Read-only commands open with mode 'read' (the default here): a missing database is an error, not created. */
export function withStore<T>(path: string, fn: (store: Store) => T, mode: 'read' | 'write' = 'read'): T {
  const store = openStore(path, { mode })
  try {
    return fn(store)
  } finally {
    store.close()
  }
}

/** For the commands that write (ingest, demo). */
export async function withStoreAsync<T>(path: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore(path, { mode: 'write' })
  try {
    return await fn(store)
  } finally {
    store.close()
  }
}

/** --format table|json, checked by commander so a wrong value is a usage error, not a crash. */
export const formatOption = (): Option => new Option('--format <format>', 'table or json').choices(['table', 'json']).default('table')

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n')
}

let verbosity: 'quiet' | 'normal' | 'verbose' = 'normal'

export function setVerbosity(v: { quiet?: boolean; verbose?: boolean }): void {
  verbosity = v.quiet ? 'quiet' : v.verbose ? 'verbose' : 'normal'
}

export const isQuiet = (): boolean => verbosity === 'quiet'
export const isVerbose = (): boolean => verbosity === 'verbose'

/** A remark for the reader, not data (so stderr, and silent under -q): what a listing left out, and the like. */
export function note(line: string): void {
  if (!isQuiet()) process.stderr.write(line + '\n')
}

/** Says how many rows a listing left out, and how to see them. */
export function noteMore(shown: number, total: number, what: string): void {
  if (total > shown) note(`… ${total - shown} more ${what} not shown (${total} in all; use --limit ${total} to see them)`)
}

/**
 * One date style everywhere: ISO 8601 at the precision the value has (2025-02, 2025-02-13), a time always with
 * its zone (2025-02-18T07:27Z), seconds only when they are known, never milliseconds.
 */
export function isoCell(at: string | null | undefined): string {
  if (!at) return 'unknown'
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(at)
  if (!m) return at
  const seconds = m[3] && m[3] !== '00' ? `:${m[3]}` : ''
  return `${m[1]}T${m[2]}${seconds}${m[4] ?? ''}`
}

/** A publication date as a short cell. */
export function dateCell(p: { at: string | null; source: string }): string {
  return isoCell(p.at)
}
