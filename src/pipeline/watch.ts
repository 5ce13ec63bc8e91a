// One poll of one followed feed: a conditional GET through the guarded fetcher, the feed read by the usual
// reader, and only its new and edited items sent through the ingest pipeline (an item with only a summary is
// replaced by the page it links to). The feed's state (validators, failures, next poll) is written back.
// Expected failures are values: an unreachable feed gives a report with its reason and a later poll.
import { createHash } from 'node:crypto'
import { ParleyError, type RawDocument } from '../core/index.js'
import { fetchUrl, HttpStatusError, redactUrl, type Fetched } from '../ingest/fetch.js'
import { readInput } from '../ingest/read.js'
import { contentHash, isSummaryOnly, itemKey } from '../ingest/watch/items.js'
import { backoffMs, nextSlot, phaseOf, retryAfterMs } from '../ingest/watch/schedule.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'
import type { Feed, FeedStatus, FeedUpdate } from '../store/feeds.js'
import { fatalStoreProblem } from '../store/failures.js'
import type { Store } from '../store/store.js'
import { storeRead, type FileOutcome } from './ingest.js'

export const DEFAULT_INTERVAL_SEC = 900
/** A linked page that cannot be fetched is tried at this many polls; then the item's summary is stored as it is. */
export const PAGE_TRIES = 3
const FEED_FORMATS = new Set(['rss', 'atom', 'rdf', 'jsonfeed'])

export interface PollOptions {
  intervalSec?: number
  /** Largest feed or linked page read, in bytes (default 10 MB). */
  maxBytes?: number
  timeoutMs?: number
  allowPrivate?: boolean
  lexicon?: ActorLexicon
  /** Items with less text than this (and a link) are summaries: their linked page is fetched. */
  summaryChars?: number
  /** The clock, in ms since the epoch (tests pass their own). */
  now?: () => number
  /** Asked before each item: true ends the poll after the item being handled. */
  stopping?: () => boolean
}

export type NextReason = 'schedule' | 'backoff' | 'retry-after' | 'resume'

export interface PollReport {
  feedId: number
  url: string // without credentials
  title: string | null
  at: string
  status: FeedStatus
  httpStatus: number | null
  /** Items in the feed as fetched (0 when it was not modified or failed). */
  items: number
  newItems: number
  editedItems: number
  /** Items left for the next poll: their linked page could not be fetched yet, or the watch was stopped. */
  pendingItems: number
  failedItems: number
  /** Linked pages fetched for summary-only items. */
  pages: number
  newDocs: number
  knownDocs: number
  error: string | null
  warnings: string[]
  failures: number
  nextPollAt: string
  nextReason: NextReason
  runId: number | null
}

const iso = (ms: number): string => new Date(ms).toISOString()
const sha256 = (...parts: (string | Uint8Array)[]): string => {
  const h = createHash('sha256')
  parts.forEach((p, i) => h.update(i ? '\0' : '').update(p))
  return h.digest('hex')
}

/**
 * Polls `feed` once, now, whether due or not; the caller decides which feeds are due. Never throws but for the
 * database failing: anything unexpected is this feed's failure (with its backoff), and the watch goes on.
 */
export async function pollFeed(store: Store, feed: Feed, opts: PollOptions = {}): Promise<PollReport> {
  try {
    return await pollOnce(store, feed, opts)
  } catch (e) {
    if (fatalStoreProblem(e)) throw e
    const problem = `${e instanceof Error ? e.message : String(e)} (unexpected; please report)`
    const clock = opts.now ?? Date.now
    const intervalMs = (opts.intervalSec ?? DEFAULT_INTERVAL_SEC) * 1000
    const failures = feed.failures + 1
    const at = iso(clock())
    const saved = store.updateFeed(feed.id, { lastPollAt: at, lastStatus: 'error', lastError: problem, httpStatus: null, failures, nextPollAt: iso(clock() + backoffMs(failures, intervalMs)) })
    return {
      feedId: feed.id, url: redactUrl(feed.url), title: saved.title, at, status: 'error', httpStatus: null, items: 0, newItems: 0, editedItems: 0, pendingItems: 0, failedItems: 0,
      pages: 0, newDocs: 0, knownDocs: 0, error: problem, warnings: [], failures, nextPollAt: saved.nextPollAt ?? at, nextReason: 'backoff', runId: null,
    }
  }
}

async function pollOnce(store: Store, feed: Feed, opts: PollOptions): Promise<PollReport> {
  const clock = opts.now ?? Date.now
  const started = clock()
  const intervalMs = (opts.intervalSec ?? DEFAULT_INTERVAL_SEC) * 1000
  const shown = redactUrl(feed.url)
  const report: PollReport = {
    feedId: feed.id, url: shown, title: feed.title, at: iso(started), status: 'unchanged', httpStatus: null, items: 0, newItems: 0, editedItems: 0, pendingItems: 0,
    failedItems: 0, pages: 0, newDocs: 0, knownDocs: 0, error: null, warnings: [], failures: 0, nextPollAt: '', nextReason: 'schedule', runId: null,
  }
  const scheduled = (): string => iso(nextSlot(clock(), phaseOf(feed.url, intervalMs), intervalMs))
  const finish = (update: FeedUpdate): PollReport => {
    const saved = store.updateFeed(feed.id, { lastPollAt: report.at, lastStatus: report.status, httpStatus: report.httpStatus, ...update })
    return { ...report, title: saved.title, failures: saved.failures, nextPollAt: saved.nextPollAt ?? report.at }
  }
  const failed = (e: ParleyError): PollReport => {
    const failures = feed.failures + 1
    const limited = e instanceof HttpStatusError && (e.status === 429 || e.status === 503) ? retryAfterMs(e.retryAfter, clock(), intervalMs) : null
    report.status = 'error'
    report.httpStatus = e instanceof HttpStatusError ? e.status : null
    report.error = e.problem
    report.nextReason = limited === null ? 'backoff' : 'retry-after'
    return finish({ lastError: e.problem, failures, nextPollAt: iso(clock() + (limited ?? backoffMs(failures, intervalMs))) })
  }

  const fetched = await fetchUrl(feed.url, { etag: feed.etag, lastModified: feed.lastModified, maxBytes: opts.maxBytes, timeoutMs: opts.timeoutMs, allowPrivate: opts.allowPrivate })
  if (!fetched.ok) return failed(fetched.error)
  const res = fetched.value
  report.httpStatus = res.status
  const ok = (status: FeedStatus, more: FeedUpdate = {}): PollReport => {
    report.status = status
    return finish({ lastError: null, failures: 0, nextPollAt: scheduled(), ...more })
  }
  if (res.notModified) return ok('not-modified', { etag: res.etag, lastModified: res.lastModified })
  const bodySha = sha256(res.bytes)
  // Same bytes as the last body handled whole (a server without validators): nothing can be new.
  if (bodySha === feed.bodySha256) return ok('unchanged', { etag: res.etag, lastModified: res.lastModified })

  const read = readInput({ origin: shown, bytes: res.bytes, httpCharset: res.charset })
  if (!read.ok) return failed(new ParleyError('ingest', shown, read.error.problem))
  const raws = read.value.docs
  if (raws.some((r) => !FEED_FORMATS.has(r.format))) return failed(new ParleyError('ingest', shown, `not a feed (the answer reads as ${raws[0]!.format}, not RSS, Atom or JSON Feed)`))
  report.items = raws.length
  report.warnings.push(...read.value.warnings.filter((w) => w !== 'no items'))

  const handler = new ItemHandler(store, res, shown, opts, report)
  let stopped = false
  try {
    // Feeds list the newest first: handled oldest first, so documents are stored in the order they appeared.
    for (const raw of [...raws].reverse()) {
      const key = itemKey(raw)
      const hash = contentHash(raw)
      const prev = store.getFeedItem(feed.id, key)
      if (prev && prev.contentSha256 === hash && prev.status === 'done') continue
      if (opts.stopping?.()) {
        stopped = true
        report.pendingItems++
        continue
      }
      if (prev?.status === 'done') report.editedItems++
      else report.newItems++
      await handler.handle(feed.id, raw, key, hash, prev?.contentSha256 === hash ? prev.tries : 0)
    }
  } finally {
    if (report.runId !== null) store.finishRun(report.runId)
  }
  const title = raws.find((r) => r.outlet)?.outlet ?? feed.title
  const whole = !stopped && report.pendingItems === 0
  report.status = stopped ? 'interrupted' : report.newItems + report.editedItems > 0 ? 'new' : 'unchanged'
  // Validators are kept only once every item is handled: a 304 must never hide items still to do.
  const validators: FeedUpdate = whole ? { etag: res.etag, lastModified: res.lastModified, bodySha256: bodySha } : {}
  if (stopped) {
    report.nextReason = 'resume'
    return finish({ title, lastError: null, failures: 0, nextPollAt: report.at })
  }
  return ok(report.status, { title, ...validators })
}

/** Handles one new or edited item: its own content, or the page it links to, through the ingest pipeline. */
class ItemHandler {
  constructor(
    private readonly store: Store,
    private readonly feedRes: Fetched,
    private readonly shown: string,
    private readonly opts: PollOptions,
    private readonly report: PollReport,
  ) {}

  private runId(): number {
    this.report.runId ??= this.store.beginRun([this.shown])
    return this.report.runId
  }

  async handle(feedId: number, raw: RawDocument, key: string, hash: string, tries: number): Promise<void> {
    const name = `${this.shown}#${key}`
    try {
      let outcome: FileOutcome | null = null
      if (isSummaryOnly(raw, this.opts.summaryChars)) {
        const page = await this.linkedPage(raw, name, tries)
        if (page === 'retry') {
          this.store.putFeedItem(feedId, { key, contentSha256: hash, docId: null, status: 'pending', tries: tries + 1 })
          this.report.pendingItems++
          return
        }
        outcome = page
      }
      if (!outcome && !raw.body.trim()) {
        this.report.failedItems++
        this.report.warnings.push(`${name}: no content and no readable linked page; skipped`)
      }
      if (!outcome && raw.body.trim()) {
        const sha = sha256(this.feedRes.bytes, key, hash)
        outcome = await storeRead(this.store, this.runId(), { bytes: this.feedRes.bytes, httpCharset: this.feedRes.charset, sidecar: undefined }, name, sha, { docs: [raw], warnings: [] }, this.opts)
      }
      if (outcome) this.count(outcome)
      this.store.putFeedItem(feedId, { key, contentSha256: hash, docId: outcome?.documents.at(-1)?.id ?? null, status: 'done', tries: 0 })
    } catch (e) {
      if (fatalStoreProblem(e)) throw e
      // One item's unexpected failure is that item's: recorded, and the feed goes on.
      this.report.failedItems++
      this.report.warnings.push(e instanceof ParleyError ? e.message : `${name}: ${(e as Error).message ?? String(e)} (unexpected; please report)`)
      this.store.putFeedItem(feedId, { key, contentSha256: hash, docId: null, status: 'done', tries: 0 })
    }
  }

  /**
   * The page an item links to, stored; 'retry' when it could not be fetched and tries remain; null when the
   * item's own summary is to be stored instead (tries used up, or the link is no document).
   */
  private async linkedPage(raw: RawDocument, name: string, tries: number): Promise<FileOutcome | 'retry' | null> {
    const link = raw.url!
    const shownLink = redactUrl(link)
    const page = await fetchUrl(link, { maxBytes: this.opts.maxBytes, timeoutMs: this.opts.timeoutMs, allowPrivate: this.opts.allowPrivate })
    if (!page.ok) {
      const last = tries + 1 >= PAGE_TRIES
      this.report.warnings.push(`${name}: linked page ${shownLink}: ${page.error.problem}; ${last ? `gave up after ${PAGE_TRIES} tries, the summary is stored instead` : 'tried again at the next poll'}`)
      return last ? null : 'retry'
    }
    this.report.pages++
    const read = readInput({ origin: shownLink, bytes: page.value.bytes, httpCharset: page.value.charset })
    if (!read.ok) {
      this.report.warnings.push(`${name}: linked page ${shownLink}: ${read.error.problem}; the summary is stored instead`)
      return null
    }
    // The dates the feed states for the item join the page's own as candidates (a page may state none).
    const docs = read.value.docs.map((d) => ({ ...d, dates: d.dates.length ? d.dates : raw.dates }))
    const loaded = { bytes: page.value.bytes, httpCharset: page.value.charset, sidecar: undefined, finalUrl: redactUrl(page.value.url) }
    return await storeRead(this.store, this.runId(), loaded, shownLink, sha256(page.value.bytes), { docs, warnings: read.value.warnings }, this.opts)
  }

  private count(o: FileOutcome): void {
    this.report.newDocs += o.newDocs
    this.report.knownDocs += o.knownDocs
    if (o.status === 'failed' || o.status === 'empty') {
      this.report.failedItems++
      if (o.reason) this.report.warnings.push(o.reason)
    } else this.report.warnings.push(...o.warnings)
  }
}
