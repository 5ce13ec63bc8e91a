// parley feeds add|list|remove|import|export: the feeds `parley watch` follows, kept in the database.
import { readFileSync, writeFileSync } from 'node:fs'
import { Argument, type Command } from 'commander'
import { ParleyError } from '../core/index.js'
import { redactUrl } from '../ingest/fetch.js'
import { readOpml, writeOpml } from '../ingest/watch/opml.js'
import type { Feed } from '../store/feeds.js'
import type { Store } from '../store/store.js'
import { dbPath, formatOption, isoCell, note, printJson, withStore } from './context.js'
import { httpUrl } from './options.js'
import { renderTable } from './table.js'

const OPML_MAX_BYTES = 5 * 1024 * 1024

export function registerFeeds(program: Command): void {
  const feeds = program.command('feeds').description('the feeds parley watch follows: add, list, remove, import and export (OPML)')
  const db = (): string => dbPath(program.opts().db)

  feeds
    .command('add')
    .description('follow feeds (polled by parley watch)')
    .addArgument(new Argument('<urls...>', 'feed URLs').argParser((v: string, prev: string[] | undefined) => [...(prev ?? []), httpUrl(v)]))
    .action((urls: string[]) => {
      withStore(db(), (s) => {
        for (const url of urls) {
          const { feed, added } = s.addFeed(url)
          console.log(`${added ? 'added' : 'already followed'}: feed ${feed.id} ${redactUrl(feed.url)}`)
        }
      }, 'write')
    })

  feeds
    .command('list')
    .description('followed feeds, with their last poll and the next')
    .addOption(formatOption())
    .action((opts: { format: string }) => {
      const list = withStore(db(), (s) => s.listFeeds())
      if (opts.format === 'json') return printJson(list.map((f) => ({ ...f, url: redactUrl(f.url) })))
      if (!list.length) return note('no feeds followed (parley feeds add URL, or parley feeds import FILE.opml)')
      console.log(renderTable(
        ['id', 'status', 'fails', 'last poll', 'next poll', 'items', 'title', 'url'],
        list.map((f) => [String(f.id), f.lastStatus ?? 'new feed', String(f.failures), f.lastPollAt ? isoCell(f.lastPollAt) : 'never', f.nextPollAt ? isoCell(f.nextPollAt) : 'now', String(f.itemsSeen), f.title ?? '', redactUrl(f.url)]),
        [4, 12, 5, 20, 20, 5, 24, 60],
      ))
      for (const f of list) if (f.lastStatus === 'error' && f.lastError) note(`feed ${f.id}: ${f.lastError}`)
    })

  feeds
    .command('remove')
    .description('stop following a feed (its documents stay)')
    .argument('<feed>', 'the feed id or URL')
    .action((which: string) => {
      withStore(db(), (s) => {
        const feed = findFeed(s, which)
        s.removeFeed(feed.id)
        console.log(`removed: feed ${feed.id} ${redactUrl(feed.url)}`)
      }, 'write')
    })

  feeds
    .command('import')
    .description('follow the feeds an OPML file lists')
    .argument('<file>', 'an OPML file')
    .action((file: string) => {
      const read = readOpml(readText(file), file)
      if (!read.ok) throw read.error
      for (const w of read.value.warnings) note(`warning: ${w}`)
      const added = withStore(db(), (s) => s.transaction(() => read.value.feeds.filter((f) => s.addFeed(f.url, f.title).added).length), 'write')
      console.log(`imported ${file}: ${added} feeds added, ${read.value.feeds.length - added} already followed`)
    })

  feeds
    .command('export')
    .description('the followed feeds as OPML 2.0 (to a file, or to standard output)')
    .argument('[file]', 'the OPML file to write')
    .action((file: string | undefined) => {
      const list = withStore(db(), (s) => s.listFeeds())
      const withCredentials = list.filter((f) => redactUrl(f.url) !== f.url)
      if (withCredentials.length) note(`note: credentials left out of ${withCredentials.map((f) => `feed ${f.id}`).join(', ')} (add them again after importing)`)
      const xml = writeOpml(list.map((f: Feed) => ({ url: redactUrl(f.url), title: f.title })))
      if (!file) return void process.stdout.write(xml)
      try {
        writeFileSync(file, xml)
      } catch (e) {
        throw new ParleyError('cli', file, `cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`)
      }
      note(`exported ${list.length} feeds to ${file}`)
    })
}

/** A feed by id (digits) or URL (as added, or as shown without credentials); a failure names what was asked. */
function findFeed(s: Store, which: string): Feed {
  const feed = /^\d+$/.test(which) ? s.getFeed(Number(which)) : (s.getFeed(which) ?? s.listFeeds().find((f) => redactUrl(f.url) === which) ?? null)
  if (!feed) throw new ParleyError('cli', which, 'no such feed followed (parley feeds list shows them)')
  return feed
}

function readText(file: string): string {
  let bytes: Buffer
  try {
    bytes = readFileSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    throw new ParleyError('cli', file, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a folder, not an OPML file' : `cannot read: ${code ?? (e as Error).message}`)
  }
  if (bytes.length > OPML_MAX_BYTES) throw new ParleyError('cli', file, `over ${OPML_MAX_BYTES} bytes; not an OPML subscription list`)
  return bytes.toString('utf8')
}
