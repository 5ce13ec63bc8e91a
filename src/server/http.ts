// What every response shares: JSON errors with a status and a message, CSV output, the security headers, and
// the token check for writes.
import { timingSafeEqual } from 'node:crypto'
import type { Context, MiddlewareHandler } from 'hono'
import { stringify } from 'csv-stringify/sync'
import type { z } from 'zod'

/** An expected failure of one request: its status and a message for the client (never a stack). */
export class HttpError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 413 | 415,
    message: string,
    readonly detail?: unknown,
  ) {
    super(message)
  }
}

/** Parses with a schema; a failure is a 400 that names each bad parameter. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(input)
  if (r.success) return r.data
  const issues = r.error.issues.map((i) => ({ parameter: i.path.join('.') || what, message: i.message }))
  throw new HttpError(400, `bad ${what}: ${issues.map((i) => `${i.parameter}: ${i.message}`).join('; ')}`, issues)
}

export function errorBody(e: HttpError): { error: { status: number; message: string; issues?: unknown } } {
  return { error: { status: e.status, message: e.message, ...(e.detail ? { issues: e.detail } : {}) } }
}

/**
 * A CSV of flat rows, with a byte-order mark so that spreadsheet programs read the Chinese text as UTF-8.
 * Cells that start with = + - @ are prefixed with ' so a spreadsheet does not run them as formulas.
 */
export function csv(c: Context, rows: Record<string, unknown>[], columns: string[], name: string): Response {
  const safe = rows.map((r) => Object.fromEntries(columns.map((k) => [k, cell(r[k])])))
  const body = '\ufeff' + stringify(safe, { header: true, columns })
  return c.body(body, 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `inline; filename="${name}.csv"` })
}

function cell(v: unknown): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join('; ') : typeof v === 'object' ? JSON.stringify(v) : String(v)
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
}

/**
 * Every response: a strict Content-Security-Policy (scripts and styles only from our own files, no inline code,
 * no plugins, no framing), no MIME sniffing, no referrer leaking the analyst's queries to linked sites.
 */
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  c.header('Content-Security-Policy', CSP)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'no-referrer')
  c.header('X-Frame-Options', 'DENY')
  c.header('Cross-Origin-Opener-Policy', 'same-origin')
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost', '[::1]'])

export const isLoopback = (host: string): boolean => LOOPBACK.has(host)

function sameToken(given: string, token: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/**
 * Writes: a request from another site is refused (a page elsewhere must not make the analyst's browser post
 * to the local server), and when a token is set (always, when the server listens beyond loopback) the request
 * must carry it as `Authorization: Bearer TOKEN` or, for the dashboard's plain HTML form, a `token` field.
 */
export function checkWrite(c: Context, token: string | null, formToken?: string): void {
  const site = c.req.header('sec-fetch-site')
  if (site && site !== 'same-origin' && site !== 'none') throw new HttpError(403, 'writes from another site are refused')
  const origin = c.req.header('origin')
  if (origin && origin !== 'null') {
    let host = ''
    try {
      host = new URL(origin).host
    } catch {
      /* an unparsable Origin is refused below */
    }
    if (host !== c.req.header('host')) throw new HttpError(403, `writes from another origin (${origin}) are refused`)
  }
  if (token === null) return
  const auth = c.req.header('authorization') ?? ''
  const given = auth.toLowerCase().startsWith('bearer ') ? auth.slice(7).trim() : (formToken ?? '')
  if (!given) throw new HttpError(401, 'this server needs a token for writes: send Authorization: Bearer TOKEN')
  if (!sameToken(given, token)) throw new HttpError(401, 'wrong token')
}
