// One polite HTTP GET, used only when the user points parley at a URL: conditional (ETag / Last-Modified, so
// an unchanged feed costs a 304), bounded in time and in size (the cap is enforced while the body streams,
// so a huge or endless response never sits whole in memory), and every failure is a value naming the URL.
import { err, ok, ParleyError, type Result } from '../core/errors.js'
import { charsetFromContentType } from './encoding.js'

export interface Fetched {
  url: string // the final URL, after redirects
  status: number
  bytes: Uint8Array
  contentType: string | null
  charset: string | null
  etag: string | null
  lastModified: string | null
  notModified: boolean
}

export interface FetchOptions {
  timeoutMs?: number
  maxBytes?: number
  etag?: string | null
  lastModified?: string | null
  userAgent?: string
}

const DEFAULT_TIMEOUT_MS = 20_000
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024
const DEFAULT_USER_AGENT = 'parley/0.1 (news reader; fetches only URLs its user names)'
const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5'

/** GET `url`. 304 → `notModified: true` with empty bytes; non-2xx, timeouts and oversize bodies are errors. */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<Result<Fetched>> {
  const fail = (problem: string) => err(new ParleyError('ingest', url, problem))
  const target = URL.canParse(url) ? new URL(url) : null
  if (!target || (target.protocol !== 'http:' && target.protocol !== 'https:')) return fail('only http and https URLs can be fetched')

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const headers: Record<string, string> = { 'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT, accept: ACCEPT }
  if (opts.etag) headers['if-none-match'] = opts.etag
  if (opts.lastModified) headers['if-modified-since'] = opts.lastModified

  // One deadline for the whole exchange, body included: a server that trickles bytes forever still times out.
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  try {
    const res = await fetch(target, { headers, redirect: 'follow', signal: controller.signal })
    const contentType = res.headers.get('content-type')
    const meta = {
      url: res.url || target.href,
      status: res.status,
      contentType,
      charset: charsetFromContentType(contentType),
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    }
    if (res.status === 304) {
      await res.body?.cancel()
      return ok({ ...meta, etag: meta.etag ?? opts.etag ?? null, lastModified: meta.lastModified ?? opts.lastModified ?? null, bytes: new Uint8Array(0), notModified: true })
    }
    if (res.status < 200 || res.status > 299) {
      await res.body?.cancel()
      return fail(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`)
    }
    const declared = Number(res.headers.get('content-length') ?? NaN)
    if (declared > maxBytes) {
      await res.body?.cancel()
      return fail(`body of ${declared} bytes is over the ${maxBytes}-byte limit`)
    }
    const body = await readCapped(res, maxBytes)
    if (!body) return fail(`body is over the ${maxBytes}-byte limit`)
    return ok({ ...meta, bytes: body, notModified: false })
  } catch (e) {
    if (controller.signal.aborted) return fail(`no complete answer within ${timeoutMs} ms`)
    return fail(`request failed: ${describe(e)}`)
  } finally {
    clearTimeout(timer)
  }
}

/** The body, or null as soon as it passes `maxBytes` (the rest is never downloaded). */
async function readCapped(res: Response, maxBytes: number): Promise<Uint8Array | null> {
  if (!res.body) return new Uint8Array(0)
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > maxBytes) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const out = new Uint8Array(total)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

// undici reports "fetch failed" and puts the useful part (ECONNREFUSED, ENOTFOUND, a TLS error) in `cause`.
function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e)
  const cause = e.cause
  if (cause instanceof Error) {
    const code = (cause as Error & { code?: unknown }).code
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message
  }
  return e.message
}
