// A feed (RSS 0.9x/2.0, RDF/RSS 1.0, Atom 0.3/1.0, JSON Feed) → one RawDocument per item. feedsmith does the
// parsing and maps legacy elements onto modern ones; each format then has a small adapter onto one shared
// shape (Entry), so everything after that (links, dates, dropping unreadable items) is written once.
import { DetectError, MalformedError, ParseError, parseAtomFeed, parseJsonFeed, parseRdfFeed, parseRssFeed } from 'feedsmith'
import type { AtomFeed, JsonFeed, RdfFeed, RssFeed } from 'feedsmith'
import type { EncodingSource, Published, RawDocument } from '../core/document.js'
import { err, ok, ParleyError, type Result } from '../core/errors.js'
import { parseFeedDate } from './feed-dates.js'

export { parseFeedDate } from './feed-dates.js'

export type FeedKind = 'rss' | 'atom' | 'rdf' | 'jsonfeed'
export interface FeedRead {
  items: RawDocument[]
  warnings: string[]
}
export interface FeedContext {
  origin: string
  bytes: Uint8Array
  encoding: string
  encodingSource: EncodingSource
}

/** What every format is mapped onto before it becomes a RawDocument. */
interface Entry {
  id: string | null
  title: string | null
  link: string | null
  base: string | null // what a relative link is resolved against (xml:base, else the feed's link)
  body: string | null
  bodyKind: 'html' | 'text'
  lang: string | null
  published: string[]
  updated: string[]
}
interface Channel {
  title: string | null
  lang: string | null
  entries: Entry[]
  unread?: number // items in the XML that feedsmith could not read at all
}

/** The feed kind from the first tokens after a BOM, whitespace, comments, processing instructions and a doctype. */
export function detectFeed(text: string): FeedKind | null {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++
    if (text.startsWith('<!--', i)) i = skipPast(text, '-->', i)
    else if (text.startsWith('<?', i)) i = skipPast(text, '?>', i)
    else if (/^<!doctype/i.test(text.slice(i, i + 9))) {
      const subset = text.indexOf('[', i)
      const close = text.indexOf('>', i)
      i = subset >= 0 && subset < close ? skipPast(text, ']>', subset) : close + 1
    } else break
    if (i <= 0) return null
  }
  if (text[i] === '{') return isJsonFeed(text.slice(i)) ? 'jsonfeed' : null
  const root = /^<(?:[\w.-]+:)?([\w.-]+)/.exec(text.slice(i, i + 100))?.[1]?.toLowerCase()
  return root === 'rss' ? 'rss' : root === 'feed' ? 'atom' : root === 'rdf' ? 'rdf' : null
}

function skipPast(text: string, end: string, from: number): number {
  const at = text.indexOf(end, from)
  return at < 0 ? -1 : at + end.length
}

// The version URL is enough, and works on a prefix (callers may pass only the first KB); a feed without it
// must parse whole and have a title and an items array, as feedsmith also requires.
function isJsonFeed(text: string): boolean {
  if (/"version"\s*:\s*"https?:(?:\\?\/){2}jsonfeed\.org\\?\//.test(text.slice(0, 4096))) return true
  const json = parseJson(text)
  if (!json.ok || typeof json.value !== 'object' || json.value === null) return false
  const o = json.value as Record<string, unknown>
  return typeof o.title === 'string' && Array.isArray(o.items)
}

function parseJson(text: string): Result<unknown, string> {
  try {
    return ok(JSON.parse(text) as unknown)
  } catch (e) {
    return err(e instanceof Error ? e.message : String(e))
  }
}

/** Every readable item of a feed; unreadable items are dropped with a warning, an unreadable feed is an error. */
export function readFeed(text: string, ctx: FeedContext): Result<FeedRead> {
  const kind = detectFeed(text)
  const fail = (problem: string) => err(new ParleyError('ingest', ctx.origin, problem))
  if (!kind) return fail('not a feed: no <rss>, <feed>, <rdf:RDF> root or JSON Feed object')
  const warnings: string[] = []
  const parsed = parseChannel(kind, text, warnings)
  if (!parsed.ok) return fail(parsed.error)
  const channel = parsed.value

  const items: RawDocument[] = []
  channel.entries.forEach((e, i) => {
    const name = `item ${i + 1}${e.title ? ` "${e.title.slice(0, 60)}"` : ''}`
    const url = e.link ? absolute(e.link, e.base ?? httpUrl(ctx.origin)) : null
    if (e.link && !url) warnings.push(`${name}: link "${e.link.slice(0, 80)}" is not an absolute http(s) URL`)
    const body = e.body?.trim() ? e.body : null
    if (!body && !url) {
      warnings.push(`${name}: dropped, it has no link and no content`)
      return
    }
    const dates: Published[] = []
    for (const raw of [...e.published, ...e.updated]) {
      const d = parseFeedDate(raw)
      if (!d) warnings.push(`${name}: unreadable date "${raw}"`)
      else if (!dates.some((x) => x.at === d.at)) dates.push(d)
    }
    items.push({
      origin: ctx.origin,
      part: e.id ?? url ?? `#${i + 1}`,
      format: kind,
      bytes: ctx.bytes,
      encoding: ctx.encoding,
      encodingSource: ctx.encodingSource,
      body: body ?? '',
      bodyKind: body ? e.bodyKind : 'html',
      title: e.title,
      url,
      outlet: channel.title,
      lang: e.lang ?? channel.lang,
      dates,
    })
  })
  if (channel.entries.length === 0 && !channel.unread) warnings.unshift('no items')
  return ok({ items, warnings })
}

/**
 * feedsmith, with two lenient retries for feeds it refuses but a reader can still use: RSS items sitting
 * directly under <rss> with no <channel> (RSS 0.9x-era and hand-written feeds), and XML cut off or broken
 * at the end (a truncated download), read up to the last complete item.
 */
function parseChannel(kind: FeedKind, text: string, warnings: string[]): Result<Channel, string> {
  if (kind === 'jsonfeed') {
    const json = parseJson(text)
    if (!json.ok) return err(`not valid JSON: ${json.error}`)
    const r = attempt(() => fromJson(parseJsonFeed(json.value)))
    return r.ok || r.error !== 'empty' ? r : ok({ title: null, lang: null, entries: [] })
  }
  const read = (t: string) => attempt(() => (kind === 'rss' ? fromRss(parseRssFeed(t)) : kind === 'rdf' ? fromRdf(parseRdfFeed(t)) : fromAtom(parseAtomFeed(t))))
  let source = kind === 'rss' && !/<(?:\w+:)?channel[\s>]/i.test(text) ? wrapChannel(text) : text
  let r = read(source)
  if (!r.ok && r.error !== 'empty') {
    const repaired = repairTruncated(source, kind)
    if (repaired === null) return err(`ill-formed XML: ${r.error}`)
    source = repaired
    r = read(source)
    if (!r.ok && r.error !== 'empty') return err(`ill-formed XML: ${r.error}`)
    warnings.push(`ill-formed XML; read up to the last complete item`)
  }
  const channel = r.ok ? r.value : { title: null, lang: null, entries: [] }
  // feedsmith leaves out items with no element it knows; say how many went missing.
  const tag = kind === 'atom' ? 'entry' : 'item'
  const written = source.match(new RegExp(`<(?:\\w+:)?${tag}[\\s>/]`, 'gi'))?.length ?? 0
  const unread = Math.max(0, written - channel.entries.length)
  if (unread) warnings.push(`${unread} item(s) with no element we can read were dropped`)
  return ok({ ...channel, unread })
}

/**
 * feedsmith's "nothing here" (ParseError/DetectError) becomes 'empty'; a syntax error keeps its message. Any
 * other exception is also this feed's failure, not the run's: hostile input must not stop a folder's ingest.
 */
function attempt(read: () => Channel): Result<Channel, string> {
  try {
    return ok(read())
  } catch (e) {
    if (e instanceof ParseError || e instanceof DetectError) return err('empty')
    if (e instanceof MalformedError && e.cause instanceof Error) return err(oneLine(e.cause.message))
    return err(oneLine(e instanceof Error ? e.message : String(e)))
  }
}

/** A parser's message for a one-line error: its first line, without the quoted context (which may be long). */
function oneLine(message: string): string {
  const first = message.split(/\r?\n/)[0]!.replace(/\s*Context:.*$/, '').trim()
  return first.length > 160 ? `${first.slice(0, 160)}…` : first
}

function wrapChannel(text: string): string {
  return text.replace(/(<(?:\w+:)?rss\b[^>]*>)/i, '$1<channel>').replace(/(<\/(?:\w+:)?rss\s*>?\s*)$/i, '</channel>$1')
}

function repairTruncated(text: string, kind: FeedKind): string | null {
  const open = /<((?:[\w.-]+:)?(?:rss|feed|rdf))\b[^>]*>/i.exec(text)
  if (!open?.[1]) return null
  const tag = kind === 'atom' ? 'entry' : 'item'
  const lastClose = [...text.matchAll(new RegExp(`</(?:\\w+:)?${tag}\\s*>`, 'gi'))].pop()
  const firstOpen = new RegExp(`<(?:\\w+:)?${tag}[\\s>/]`, 'i').exec(text)
  const end = lastClose ? lastClose.index + lastClose[0].length : firstOpen ? firstOpen.index : open.index + open[0].length
  let kept = text.slice(0, end)
  if (/<(?:\w+:)?channel[\s>]/i.test(kept) && !/<\/(?:\w+:)?channel\s*>/i.test(kept) && kind === 'rss') kept += '</channel>'
  return `${kept}</${open[1]}>`
}

// ---- adapters: one per format -------------------------------------------------------------------------

function fromRss(feed: RssFeed.Feed<string>): Channel {
  const base = httpUrl(feed.link) ?? httpUrl(feed.atom?.links?.find((l) => l.rel !== 'self')?.href)
  const entries = (feed.items ?? []).map((it): Entry => ({
    id: str(it.guid?.value),
    title: str(it.title),
    link: str(it.link) ?? (it.guid?.isPermaLink !== false ? httpUrl(it.guid?.value) : null) ?? str(it.atom?.links?.[0]?.href),
    base: str(it.xml?.base) ?? base,
    body: str(it.content?.encoded) ?? str(it.description),
    bodyKind: 'html',
    lang: str(it.xml?.lang) ?? str(it.dc?.languages?.[0]),
    published: strs(it.pubDate, ...(it.dc?.dates ?? []), ...(it.dcterms?.issued ?? []), ...(it.dcterms?.created ?? [])),
    updated: strs(...(it.dcterms?.modified ?? []), it.atom?.updated),
  }))
  return { title: str(feed.title), lang: str(feed.language) ?? str(feed.dc?.languages?.[0]) ?? str(feed.xml?.lang), entries }
}

function fromRdf(feed: RdfFeed.Feed<string>): Channel {
  const base = httpUrl(feed.link)
  const entries = (feed.items ?? []).map((it): Entry => ({
    id: str(it.rdf?.about),
    title: str(it.title),
    link: str(it.link) ?? httpUrl(it.rdf?.about),
    base,
    body: str(it.content?.encoded) ?? str(it.description),
    bodyKind: 'html',
    lang: str(it.xml?.lang) ?? str(it.dc?.languages?.[0]),
    published: strs(...(it.dc?.dates ?? []), ...(it.dcterms?.issued ?? []), ...(it.dcterms?.created ?? [])),
    updated: strs(...(it.dcterms?.modified ?? [])),
  }))
  return { title: str(feed.title), lang: str(feed.dc?.languages?.[0]) ?? str(feed.xml?.lang), entries }
}

function fromAtom(feed: AtomFeed.Feed<string>): Channel {
  const link = pickLink(feed.links)
  const feedBase = str(feed.xml?.base) ?? link
  const base = feedBase && link && feedBase !== link ? absolute(feedBase, link) : feedBase
  const entries = (feed.entries ?? []).map((e): Entry => ({
    id: str(e.id),
    title: textOf(e.title),
    link: pickLink(e.links),
    base: e.xml?.base ? absolute(e.xml.base, base) : base,
    body: str(e.content?.value) ?? str(e.summary?.value),
    bodyKind: 'html',
    lang: str(e.xml?.lang),
    published: strs(e.published, ...(e.dc?.dates ?? []), ...(e.dcterms?.issued ?? [])),
    updated: strs(e.updated, ...(e.dcterms?.modified ?? [])),
  }))
  return { title: textOf(feed.title), lang: str(feed.xml?.lang) ?? str(feed.dc?.languages?.[0]), entries }
}

function fromJson(feed: JsonFeed.Feed<string>): Channel {
  const base = httpUrl(feed.home_page_url) ?? httpUrl(feed.feed_url)
  const entries = (feed.items ?? []).map((it): Entry => {
    // content_html is the full article; content_text the same as plain text; summary a short plain text.
    const html = str(it.content_html)
    return {
      id: str(it.id),
      title: str(it.title),
      link: str(it.url) ?? str(it.external_url),
      base,
      body: html ?? str(it.content_text) ?? str(it.summary),
      bodyKind: html ? 'html' : 'text',
      lang: str(it.language),
      published: strs(it.date_published),
      updated: strs(it.date_modified),
    }
  })
  return { title: str(feed.title), lang: str(feed.language), entries }
}

// ---- small helpers ------------------------------------------------------------------------------------

function str(v: unknown): string | null {
  if (typeof v === 'number') return String(v)
  if (typeof v !== 'string') return null
  const t = v.trim()
  return t ? t : null
}

function strs(...vs: unknown[]): string[] {
  return vs.map(str).filter((s): s is string => s !== null)
}

function httpUrl(v: unknown): string | null {
  const s = str(v)
  return s && /^https?:\/\//i.test(s) ? s : null
}

/** `href` made absolute against `base`; only http(s) links are kept (a `javascript:` link is no article). */
function absolute(href: string, base: string | null): string | null {
  const u = URL.canParse(href) ? new URL(href) : base && URL.canParse(href, base) ? new URL(href, base) : null
  return u && (u.protocol === 'http:' || u.protocol === 'https:') ? u.href : null
}

/** The article link of an Atom entry: rel="alternate" (the default), preferring HTML; else its rel="self". */
function pickLink(links: ReadonlyArray<{ href?: string; rel?: string; type?: string }> | undefined): string | null {
  const alternates = (links ?? []).filter((l) => !l.rel || l.rel === 'alternate')
  const best = alternates.find((l) => !l.type || /html/i.test(l.type)) ?? alternates[0] ?? links?.find((l) => l.rel === 'self')
  return str(best?.href)
}

/** An Atom text construct as plain text: type="html"/"xhtml" titles carry markup and entities. */
function textOf(t: { value?: string; type?: string } | undefined): string | null {
  const v = str(t?.value)
  if (!v || !t?.type || t.type === 'text') return v
  return str(decodeEntities(v.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' '))
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? m
    const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m
  })
}
