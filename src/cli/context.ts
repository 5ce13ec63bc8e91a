// What every command shares: the database path (--db, then $PARLEY_DB, then ./parley.db) and output format.
import { Option, type Command } from 'commander'
import { ParleyError } from '../core/index.js'
import { loadActorLexicon, type ActorLexicon } from '../extract/mentions/lexicon.js'
import { openSqliteStore } from '../store/sqlite/store.js'
import type { Store } from '../store/store.js'

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

export function dbPath(opt: string | undefined): string {
  return opt ?? process.env.PARLEY_DB ?? DEFAULT_DB
}

export function withStore<T>(path: string, fn: (store: Store) => T): T {
  const store = openSqliteStore(path)
  try {
    return fn(store)
  } finally {
    store.close()
  }
}

export async function withStoreAsync<T>(path: string, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = openSqliteStore(path)
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

/** A publication date as a short cell: the ISO value and, when it came from a weak source, where from. */
export function dateCell(p: { at: string | null; source: string }): string {
  return p.at ? `${p.at.replace('T', ' ')}` : 'unknown'
}
