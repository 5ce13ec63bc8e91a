// A synchronous PostgreSQL connection, through libpq (the `pg-native` package).
//
// Why synchronous: the Store interface (../store.ts) is synchronous, because better-sqlite3 is, and the CLI, the
// server and the pipeline all call it that way. Making it async would touch every caller; libpq's blocking calls
// (PQexecParams) keep the PostgreSQL store a drop-in Store instead. The cost is that a query blocks the event
// loop of its process for its round trip (well under a millisecond on one machine), which is what SQLite
// does too. Workers that need to wait (the queue's lease heartbeat) do so on a thread of their own.
//
// pg-native is an optional dependency (it compiles against libpq-dev): it is loaded on first use, so SQLite
// users need neither, and a machine without it gets one line saying what to install.
import { createRequire } from 'node:module'
import { ParleyError } from '../../core/errors.js'

/** The part of pg-native's Client used here (the package ships no types). */
interface NativeClient {
  connectSync(params: string): void
  querySync(text: string, values?: (string | null)[]): Record<string, unknown>[]
  prepareSync(name: string, text: string, nParams: number): void
  executeSync(name: string, values: (string | null)[]): Record<string, unknown>[]
  end(cb?: () => void): void
  pq: { resultErrorFields(): { sqlState?: string } | undefined; finish(): void; connected?: boolean }
}
type ClientConstructor = new (config?: { arrayMode?: boolean }) => NativeClient

let loaded: ClientConstructor | null = null

function nativeClient(): ClientConstructor {
  if (loaded) return loaded
  try {
    loaded = createRequire(import.meta.url)('pg-native') as ClientConstructor
  } catch (e) {
    throw new ParleyError('store', 'postgres', `PostgreSQL support needs the pg-native package, which compiles against libpq (apt-get install libpq-dev, then npm install): ${(e as Error).message.split('\n')[0]}`)
  }
  return loaded
}

/** A value passed to a query: libpq takes every parameter as text. */
export type Param = string | number | boolean | null | undefined | Uint8Array | readonly string[]

/** An error from the server with its SQLSTATE code (23505 unique violation, 40P01 deadlock, …). */
export class PgError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message)
    this.name = 'PgError'
  }
}

/** The URL without its password, for messages and `store.path`. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*):[^@/]*@/i, '$1:***@')
}

export const isPostgresUrl = (s: string): boolean => /^postgres(ql)?:\/\//i.test(s)

export class Connection {
  private readonly client: NativeClient
  private readonly prepared = new Map<string, string>()
  private depth = 0
  private closed = false

  constructor(readonly url: string) {
    const Client = nativeClient()
    this.client = new Client()
    try {
      this.client.connectSync(url)
    } catch (e) {
      throw new ParleyError('store', redactDatabaseUrl(url), `cannot connect: ${oneLine((e as Error).message)}`)
    }
  }

  /** Rows of a statement; statements run often are prepared once per connection by their text. */
  all<T = Record<string, unknown>>(sql: string, params: readonly Param[] = []): T[] {
    const values = params.map(toText)
    try {
      let name = this.prepared.get(sql)
      if (name === undefined) {
        name = `p${this.prepared.size}`
        this.client.prepareSync(name, sql, values.length)
        this.prepared.set(sql, name)
      }
      return this.client.executeSync(name, values) as T[]
    } catch (e) {
      throw this.failure(e)
    }
  }

  get<T = Record<string, unknown>>(sql: string, params: readonly Param[] = []): T | undefined {
    return this.all<T>(sql, params)[0]
  }

  /** The first column of the first row. */
  value<T>(sql: string, params: readonly Param[] = []): T | undefined {
    const row = this.get(sql, params)
    return row === undefined ? undefined : (Object.values(row)[0] as T)
  }

  /** Runs SQL text as it is (several statements allowed, no parameters): migrations, BEGIN, SAVEPOINT. */
  exec(sql: string): void {
    try {
      this.client.querySync(sql)
    } catch (e) {
      throw this.failure(e)
    }
  }

  /**
   * fn in one transaction; a nested call becomes a savepoint, so a throw inside rolls back only that part.
   * Like better-sqlite3's, fn must be synchronous.
   */
  transaction<T>(fn: () => T): T {
    const outer = this.depth === 0
    const sp = `parley_sp${this.depth}`
    this.exec(outer ? 'BEGIN' : `SAVEPOINT ${sp}`)
    this.depth++
    let out: T
    try {
      out = fn()
      if (out instanceof Promise) throw new Error('a transaction function must not be async')
    } catch (e) {
      this.depth--
      try {
        this.exec(outer ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT ${sp}; RELEASE SAVEPOINT ${sp}`)
      } catch {
        // The connection itself failed; the error that brought us here is the one worth reporting.
      }
      throw e
    }
    this.depth--
    try {
      this.exec(outer ? 'COMMIT' : `RELEASE SAVEPOINT ${sp}`)
    } catch (e) {
      if (outer) this.exec('ROLLBACK')
      throw e
    }
    return out
  }

  get inTransaction(): boolean {
    return this.depth > 0
  }

  close(): void {
    if (this.closed) return
    this.closed = true
    const pq = this.client.pq
    pq.finish()
    // libpq's binding closes its socket watcher asynchronously, but the watcher lives inside the object that the
    // garbage collector may free as soon as nothing holds it, and libuv then aborts the process. Held here until
    // two turns of the event loop have passed, so libuv's close callbacks have run.
    closing.add(pq)
    setImmediate(() => setImmediate(() => closing.delete(pq)))
  }

  private failure(e: unknown): PgError {
    const message = oneLine((e as Error).message)
    // A lost connection leaves no result to take a SQLSTATE from: name its class, so a run stops on it.
    const lost = /server closed the connection|no connection to the server|terminating connection|could not (send|receive) data/i.test(message)
    const code = this.client.pq.resultErrorFields()?.sqlState ?? (lost ? '08006' : undefined)
    return new PgError(message, code)
  }
}

const closing = new Set<unknown>()

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim()

/** libpq parameters are text: bytes as bytea hex, lists as array literals, undefined as NULL. */
function toText(v: Param): string | null {
  if (v === null || v === undefined) return null
  if (typeof v === 'string') return v
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  if (v instanceof Uint8Array) return '\\x' + Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('hex')
  return arrayLiteral(v)
}

/** A text[] literal: every element quoted, so commas, braces and quotes inside are data. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`
}
