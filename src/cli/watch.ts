// parley watch: follow feeds, polling each on its own schedule until Ctrl-C (SIGINT) or SIGTERM; --once polls
// the feeds that are due and exits (for cron). One line per feed and poll.
import { Argument, Option, type Command } from 'commander'
import { DEFAULT_INTERVAL_SEC, type PollReport } from '../pipeline/watch.js'
import { nextDue, pollDue, watchFeeds, type WatchOptions } from '../pipeline/watch-loop.js'
import type { Store } from '../store/store.js'
import { dbPath, isoCell, isQuiet, isVerbose, lexiconOf, note, withStoreAsync } from './context.js'
import { byteSize, httpUrl, secondsWithin, UsageError } from './options.js'

type WatchCliOptions = { interval: number; once?: boolean; maxSize: number; timeout: number; allowPrivate?: boolean; concurrency: number; format: string }

export function registerWatch(program: Command): void {
  program
    .command('watch')
    .description('follow feeds: poll each on its own schedule and ingest new and edited items (until Ctrl-C)')
    .addArgument(new Argument('[feeds...]', 'feed URLs to follow (added to the followed feeds); none: every followed feed').argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), httpUrl(v)]))
    .addOption(new Option('--interval <seconds>', 'time between two polls of a feed').argParser(secondsWithin(10, 7 * 86400)).default(DEFAULT_INTERVAL_SEC))
    .option('--once', 'poll the feeds that are due once, then exit (for cron)')
    .addOption(new Option('--max-size <size>', 'largest feed or linked page read (10MB, 512KB)').argParser(byteSize).default(10 * 1024 * 1024, '10MB'))
    .addOption(new Option('--timeout <seconds>', 'longest wait for one answer').argParser(secondsWithin(1, 600)).default(20))
    .addOption(new Option('--concurrency <n>', 'feeds polled at the same time').argParser(secondsWithin(1, 32)).default(4))
    .option('--allow-private', 'fetch feeds and pages on loopback, private and link-local addresses')
    .addOption(new Option('--format <format>', 'text, or json (one JSON object per poll)').choices(['text', 'json']).default('text'))
    .action(async (urls: string[] | undefined, opts: WatchCliOptions) => {
      const db = dbPath(program.opts().db)
      const lexicon = lexiconOf(program)
      await withStoreAsync(db, async (store) => {
        const feedIds = urls?.length ? urls.map((u) => store.addFeed(u).feed.id) : undefined
        if (!store.listFeeds().length) throw new UsageError("no feeds followed yet: name feed URLs (parley watch URL…) or add them (parley feeds add URL)")
        const failures: PollReport[] = []
        const options: WatchOptions = {
          feedIds,
          intervalSec: opts.interval,
          maxBytes: opts.maxSize,
          timeoutMs: opts.timeout * 1000,
          allowPrivate: opts.allowPrivate,
          concurrency: opts.concurrency,
          lexicon,
          onReport: (r) => {
            if (r.status === 'error') failures.push(r)
            printReport(r, opts.format)
          },
        }
        if (opts.once) {
          const reports = await pollDue(store, options)
          if (!reports.length) note(`no feed due now${nextNote(store, feedIds)}`)
          process.exitCode = failures.length ? 1 : 0
          return
        }
        await watchUntilSignal(store, options)
      })
    })
}

/** Runs the watch until SIGINT or SIGTERM; the item being stored is finished, and the database closed by the caller. */
async function watchUntilSignal(store: Store, options: WatchOptions): Promise<void> {
  const controller = new AbortController()
  const stop = (signal: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(130) // a second Ctrl-C: the user does not want to wait
    note(`${signal}: stopping after the current item`)
    controller.abort()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  try {
    note(`watching ${options.feedIds?.length ?? store.listFeeds().length} feed(s), each every ${options.intervalSec} s; Ctrl-C stops`)
    await watchFeeds(store, { ...options, signal: controller.signal })
    note('stopped')
  } finally {
    process.off('SIGINT', stop)
    process.off('SIGTERM', stop)
  }
}

function nextNote(store: Store, feedIds?: readonly number[]): string {
  const at = nextDue(store, feedIds)
  return at === null ? '' : `; next poll at ${isoCell(new Date(at).toISOString())}`
}

function printReport(r: PollReport, format: string): void {
  if (format === 'json') {
    process.stdout.write(JSON.stringify(r) + '\n')
    return
  }
  if (isQuiet() && r.status !== 'error') return
  const lines = [`${isoCell(r.at)} feed ${r.feedId} ${r.url}: ${describe(r)}; next poll ${isoCell(r.nextPollAt)}${nextWhy(r)}`]
  if (isVerbose() || r.status === 'error') for (const w of r.warnings) lines.push(`  warning: ${w}`)
  process.stdout.write(lines.join('\n') + '\n')
}

function describe(r: PollReport): string {
  switch (r.status) {
    case 'error':
      return `error: ${r.error}${r.failures > 1 ? ` (${r.failures} failures in a row)` : ''}`
    case 'not-modified':
      return 'not modified (304)'
    case 'unchanged':
      return r.items ? `nothing new (${r.items} items, all seen)` : 'nothing new'
    default: {
      const parts = [`${r.newItems} new item${r.newItems === 1 ? '' : 's'}`]
      if (r.editedItems) parts.push(`${r.editedItems} edited`)
      parts.push(`${r.newDocs} new document${r.newDocs === 1 ? '' : 's'}${r.knownDocs ? `, ${r.knownDocs} already stored` : ''}`)
      if (r.pages) parts.push(`${r.pages} linked page${r.pages === 1 ? '' : 's'} fetched`)
      if (r.failedItems) parts.push(`${r.failedItems} failed`)
      if (r.pendingItems) parts.push(`${r.pendingItems} left for the next poll`)
      if (r.warnings.length && !isVerbose()) parts.push(`${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'} (-v shows them)`)
      return `${r.status === 'interrupted' ? 'stopped: ' : ''}${parts.join(', ')}`
    }
  }
}

function nextWhy(r: PollReport): string {
  if (r.nextReason === 'retry-after') return ' (as the server asked: Retry-After)'
  if (r.nextReason === 'backoff') return ' (backing off)'
  if (r.nextReason === 'resume') return ' (the rest at the next start)'
  return ''
}
