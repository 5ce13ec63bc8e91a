import { Option, type Command } from 'commander'
import type { MergedEvent } from '../core/index.js'
import { ensureRecord, rebuildRecord } from '../pipeline/record.js'
import { toCsv, toIcs, rows } from '../resolve/formats.js'
import type { RecordFilter } from '../store/record.js'
import type { Store } from '../store/store.js'
import { dbPath, printJson, withStore } from './context.js'
import { loadActorLexicon } from '../extract/mentions/lexicon.js'
import { actorKeys } from './names.js'

export interface FilterOptions {
  from?: string
  to?: string
  actor?: string[]
  limit?: string
}

/** --from/--to/--actor, shared by timeline and export. */
export function addFilters(cmd: Command): Command {
  return cmd
    .option('--from <date>', 'events on or after (2025-02, 2025-02-12)')
    .option('--to <date>', 'events on or before')
    .option('--actor <name...>', 'events with this actor (any spelling: 川普, Trump, 特朗普)')
}

export function recordFilter(o: FilterOptions): RecordFilter {
  return { from: o.from, to: o.to, actors: o.actor?.flatMap((n) => actorKeys(loadActorLexicon(process.env.PARLEY_LEXICON ?? null), n)), limit: o.limit ? Number(o.limit) : undefined }
}

/** The merged events, rebuilding the stored record first when documents changed since it was built (or when asked). */
export function mergedEvents(store: Store, o: FilterOptions & { rebuild?: boolean }): MergedEvent[] {
  if (o.rebuild) store.transaction(() => rebuildRecord(store))
  else ensureRecord(store)
  return store.listMergedEvents(recordFilter(o))
}

export function registerTimeline(program: Command): void {
  addFilters(program.command('timeline').description('events merged across documents, in date order, with their number of independent sources'))
    .addOption(new Option('--format <format>', 'table, json, csv or ics').choices(['table', 'json', 'csv', 'ics']).default('table'))
    .option('--statements', 'list plain statements too')
    .option('--rebuild', 'rebuild the record even if no document changed (after a code or lexicon update)')
    .action((opts: FilterOptions & { format: string; statements?: boolean; rebuild?: boolean }) => {
      const all = withStore(dbPath(program.opts().db), (s) => mergedEvents(s, opts))
      const events = opts.statements ? all : all.filter((e) => e.type !== 'statement')
      if (opts.format === 'json') printJson(events)
      else if (opts.format === 'csv') process.stdout.write(toCsv(rows({ events, anchors: [], reprints: [] }, 'events')))
      else if (opts.format === 'ics') process.stdout.write(toIcs(events, new Date().toISOString()))
      else printTimeline(events)
    })
}

function printTimeline(events: MergedEvent[]): void {
      if (!events.length) return console.log('no events')
      const section = (title: string, es: MergedEvent[]): void => {
        if (!es.length) return
        console.log(`${title}\n`)
        for (const e of es) {
          console.log(`${e.summary.en}  [${e.id.slice(0, 8)}]`)
          console.log(`    ${e.summary.zh}`)
          for (const d of e.divergences) console.log(`    ! ${d.field} differs: ${d.accounts.map((a) => `${a.value} (${a.docIds.map((x) => x.slice(0, 8)).join(', ')})`).join(' vs ')}`)
        }
        console.log('')
      }
      section('Happened', events.filter((e) => e.modality !== 'planned'))
      section('Planned', events.filter((e) => e.modality === 'planned'))
}
