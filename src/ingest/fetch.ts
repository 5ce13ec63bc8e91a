// One polite, guarded HTTP GET, used only when the user points parley at a URL: conditional (ETag /
// Last-Modified, so an unchanged feed costs a 304), bounded in time (one deadline for the whole exchange) and in
// size (counted while the body streams, after decompression too, so a gzip bomb stops at the cap), at most a
// few redirects, never to another scheme, and never to loopback, private or link-local addresses unless the
// user allows it (checked on the address actually connected to, so DNS cannot point a public name inside).
// Credentials in a URL (user:pass@) are sent to their own host only and never appear in a result or message.
import http, { type IncomingMessage } from 'node:http'
import https from 'node:https'
import { lookup as dnsLookup, type LookupAddress } from 'node:dns'
import { BlockList, isIP } from 'node:net'
import zlib from 'node:zlib'
import type { Readable } from 'node:stream'
import { err, ok, ParleyError, type Result } from '../core/errors.js'
import { charsetFromContentType } from './encoding.js'

export interface Fetched {
  url: string // the final URL, after redirects, without credentials
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
  maxRedirects?: number
  /** Allow loopback, private and link-local addresses (a feed on the local network, a test server). */
  allowPrivate?: boolean
}

const DEFAULT_TIMEOUT_MS = 20_000
const DEFAULT_MAX_BYTES = 10 * 1024 * 1024
export const DEFAULT_MAX_REDIRECTS = 5
const DEFAULT_USER_AGENT = 'parley/0.1 (news reader; fetches only URLs its user names)'
const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5'

/** The URL without user:pass@, for anything stored or printed. */
export function redactUrl(url: string): string {
  if (!URL.canParse(url)) return url.replace(/(\/\/)[^/@\s]*@/, '$1')
  const u = new URL(url)
  if (!u.username && !u.password) return url
  u.username = ''
  u.password = ''
  return u.href
}

// Addresses a URL from the outside must not reach on the user's machine or network.
const BLOCKED: [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'a "this network" address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a shared (carrier) address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['198.18.0.0', 15, 'ipv4', 'a benchmarking address'],
  ['224.0.0.0', 3, 'ipv4', 'a multicast or reserved address'],
  ['::', 128, 'ipv6', 'an unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['fc00::', 7, 'ipv6', 'a private address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
]
const lists = BLOCKED.map(([net, prefix, type, what]) => {
  const l = new BlockList()
  l.addSubnet(net, prefix, type)
  return { l, type, what }
})

/** Why an IP address may not be fetched without --allow-private, or null. */
export function blockedAddress(ip: string): string | null {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  const addr = mapped ? mapped[1]! : ip
  const type = isIP(addr) === 4 ? 'ipv4' : 'ipv6'
  return lists.find((x) => x.type === type && x.l.check(addr, type))?.what ?? null
}

class Refused extends Error {}

/** A non-2xx answer: the status, and a Retry-After header as sent, so a poller can honour 429 and 503. */
export class HttpStatusError extends ParleyError {
  constructor(
    input: string,
    problem: string,
    readonly status: number,
    readonly retryAfter: string | null,
  ) {
    super('ingest', input, problem)
    this.name = 'HttpStatusError'
  }
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void

function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: { all?: boolean; family?: number }, callback: LookupCallback): void => {
    dnsLookup(hostname, { family: options.family, all: true }, (e, addresses) => {
      if (e) return callback(e, [])
      const bad = allowPrivate ? undefined : addresses.find((a) => blockedAddress(a.address))
      if (bad) return callback(new Refused(`${hostname} is ${blockedAddress(bad.address)} (${bad.address}); pass --allow-private to fetch it`), [])
      if (options.all) callback(null, addresses)
      else callback(null, addresses[0]!.address, addresses[0]!.family)
    })
  }
}

/** GET `url`. 304 → `notModified: true` with empty bytes; non-2xx, timeouts, refusals and oversize bodies are errors. */
export async function fetchUrl(url: string, opts: FetchOptions = {}): Promise<Result<Fetched>> {
  const shown = redactUrl(url)
  const fail = (problem: string) => err(new ParleyError('ingest', shown, problem))
  const first = URL.canParse(url) ? new URL(url) : null
  if (!first || (first.protocol !== 'http:' && first.protocol !== 'https:')) return fail('only http and https URLs can be fetched')

  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES
  const maxRedirects = opts.maxRedirects ?? DEFAULT_MAX_REDIRECTS
  const allowPrivate = opts.allowPrivate ?? false
  const auth = first.username || first.password ? `Basic ${Buffer.from(`${decodeURIComponent(first.username)}:${decodeURIComponent(first.password)}`).toString('base64')}` : null
  const origin = first.origin
  first.username = ''
  first.password = ''

  // One deadline for the whole exchange, redirects and body included: a server that trickles bytes forever still times out.
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), timeoutMs)
  let current = first
  try {
    for (let hop = 0; ; hop++) {
      const host = current.hostname.replace(/^\[|\]$/g, '')
      const literal = isIP(host) ? blockedAddress(host) : null
      if (literal && !allowPrivate) return fail(`${hop ? `redirected to ${current.href}: ` : ''}${host} is ${literal}; pass --allow-private to fetch it`)
      const headers: Record<string, string> = { 'user-agent': opts.userAgent ?? DEFAULT_USER_AGENT, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' }
      if (opts.etag) headers['if-none-match'] = opts.etag
      if (opts.lastModified) headers['if-modified-since'] = opts.lastModified
      // Credentials go to the host they were written for, never to where it redirects.
      if (auth && current.origin === origin) headers.authorization = auth
      const res = await get(current, headers, controller.signal, allowPrivate)
      const location = res.headers.location
      if ([301, 302, 303, 307, 308].includes(res.statusCode ?? 0) && location) {
        res.resume()
        if (hop >= maxRedirects) return fail(`more than ${maxRedirects} redirects`)
        const next = URL.canParse(location, current) ? new URL(location, current) : null
        if (!next) return fail(`redirected to an address that is not a URL`)
        if (next.protocol !== current.protocol) return fail(`redirected from ${current.protocol.slice(0, -1)} to another scheme (${redactUrl(next.href)}); not followed`)
        next.username = ''
        next.password = ''
        current = next
        continue
      }
      const contentType = res.headers['content-type'] ?? null
      const meta = {
        url: current.href,
        status: res.statusCode ?? 0,
        contentType,
        charset: charsetFromContentType(contentType),
        etag: header(res, 'etag'),
        lastModified: header(res, 'last-modified'),
      }
      if (meta.status === 304) {
        res.resume()
        return ok({ ...meta, etag: meta.etag ?? opts.etag ?? null, lastModified: meta.lastModified ?? opts.lastModified ?? null, bytes: new Uint8Array(0), notModified: true })
      }
      if (meta.status < 200 || meta.status > 299) {
        res.resume()
        return err(new HttpStatusError(shown, `HTTP ${meta.status}${res.statusMessage ? ` ${res.statusMessage}` : ''}`, meta.status, header(res, 'retry-after')))
      }
      const declared = Number(res.headers['content-length'] ?? NaN)
      if (declared > maxBytes) {
        res.destroy()
        return fail(`body of ${declared} bytes is over the ${maxBytes}-byte limit`)
      }
      const body = await readCapped(res, maxBytes)
      if (!body) return fail(`body is over the ${maxBytes}-byte limit${res.headers['content-encoding'] ? ' (after decompression)' : ''}`)
      return ok({ ...meta, bytes: body, notModified: false })
    }
  } catch (e) {
    if (e instanceof Refused) return fail(current === first ? e.message : `redirected to ${current.href}: ${e.message}`)
    if (controller.signal.aborted) return fail(`no complete answer within ${timeoutMs} ms`)
    return fail(`request failed: ${describe(e)}`)
  } finally {
    clearTimeout(timer)
  }
}

function header(res: IncomingMessage, name: string): string | null {
  const v = res.headers[name]
  return typeof v === 'string' ? v : null
}

function get(url: URL, headers: Record<string, string>, signal: AbortSignal, allowPrivate: boolean, retried = false): Promise<IncomingMessage> {
  const mod = url.protocol === 'https:' ? https : http
  return new Promise((resolve, reject) => {
    const req = mod.request(url, { headers, signal, lookup: guardedLookup(allowPrivate) as never }, resolve)
    req.on('error', (e: NodeJS.ErrnoException) => {
      // A kept-alive connection the server closed while it sat idle (a poller comes back minutes later): the
      // request never reached the server, so it is sent once more on a new connection, as Node's docs advise.
      if (req.reusedSocket && e.code === 'ECONNRESET' && !retried && !signal.aborted) resolve(get(url, headers, signal, allowPrivate, true))
      else reject(e)
    })
    req.end()
  })
}

/** The body, decompressed, or null as soon as it passes `maxBytes` (the rest is never downloaded). */
async function readCapped(res: IncomingMessage, maxBytes: number): Promise<Uint8Array | null> {
  const enc = String(res.headers['content-encoding'] ?? '').trim().toLowerCase()
  const inflate = enc === 'gzip' || enc === 'x-gzip' ? zlib.createGunzip() : enc === 'deflate' ? zlib.createInflate() : enc === 'br' ? zlib.createBrotliDecompress() : null
  let stream: Readable = res
  if (inflate) {
    res.on('error', (e) => inflate.destroy(e))
    stream = res.pipe(inflate)
  }
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    total += (chunk as Buffer).byteLength
    if (total > maxBytes) {
      res.destroy()
      stream.destroy()
      return null
    }
    chunks.push(chunk as Buffer)
  }
  const out = Buffer.concat(chunks)
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
}

// Node reports the useful part (ECONNREFUSED, ENOTFOUND, a TLS error) as a code, sometimes in `cause`.
function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e)
  const inner = e.cause instanceof Error ? e.cause : e
  const code = (inner as Error & { code?: unknown }).code
  const message = inner.message || (inner instanceof AggregateError ? inner.errors.map((x: Error) => x.message).join('; ') : '')
  return typeof code === 'string' ? `${code} (${message})` : message
}
