import { Option, type Command } from 'commander'
import { ensureRecord } from '../pipeline/record.js'
import { TABLES, rows, toCameoTsv, toCsv, toIcs, toJsonl, toPlover, type Table } from '../resolve/formats.js'
import { dbPath, withStore } from './context.js'
import { addFilters, recordFilter, type FilterOptions } from './timeline.js'

export function registerExport(program: Command): void {
  addFilters(program.command('export').description('the merged record for other tools: CAMEO TSV (GDELT-style), PLOVER JSON, CSV, JSON Lines, iCalendar'))
    .addOption(new Option('--format <format>', 'cameo-tsv, plover-json, csv, jsonl or ics').choices(['cameo-tsv', 'plover-json', 'csv', 'jsonl', 'ics']).makeOptionMandatory())
    .addOption(new Option('--table <table>', 'for csv and jsonl: which table').choices([...TABLES]).default('events'))
    .action((opts: FilterOptions & { format: string; table: Table }) => {
      const out = withStore(dbPath(program.opts().db), (s) => {
        ensureRecord(s)
        const events = s.listMergedEvents(recordFilter(opts))
        const tables = { events, anchors: s.listAnchors(), reprints: s.listReprints(), claims: s.listClaims(), stances: s.listStances() }
        switch (opts.format) {
          case 'cameo-tsv':
            return toCameoTsv(events)
          case 'plover-json':
            return JSON.stringify(toPlover(events), null, 2) + '\n'
          case 'csv':
            return toCsv(rows(tables, opts.table))
          case 'jsonl':
            return toJsonl(opts.table === 'events' ? events : rows(tables, opts.table))
          default:
            return toIcs(events, new Date().toISOString())
        }
      })
      process.stdout.write(out)
    })
}
