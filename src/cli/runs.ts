import { Option, type Command } from 'commander'
import { dbPath, formatOption, isoCell, printJson, withStore } from './context.js'
import { limitOption, positiveInt } from './options.js'
import { renderTable } from './table.js'

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('past ingest runs, and the files that failed in them')
    .addOption(limitOption(20, 'how many runs'))
    .addOption(new Option('--failures [run]', 'list failed files (of one run, or of all runs)').argParser(positiveInt))
    .addOption(formatOption())
    .action((opts: { limit: number; failures?: number | boolean; format: string }) => {
      const fmt = opts.format
      withStore(dbPath(program.opts().db), (store) => {
        if (opts.failures !== undefined) {
          const failures = store.listFailures(typeof opts.failures === 'number' ? opts.failures : undefined)
          if (fmt === 'json') return printJson(failures)
          if (!failures.length) return console.log('no failed files')
          for (const f of failures) console.log(`${f.path}: ${f.reason ?? 'failed'}`)
          return
        }
        const runs = store.listRuns(opts.limit)
        if (fmt === 'json') return printJson(runs)
        console.log(renderTable(['run', 'started', 'finished', 'new', 'known', 'failed', 'inputs'], runs.map((r) => [String(r.id), isoCell(r.startedAt), r.finishedAt ? isoCell(r.finishedAt) : '(interrupted)', String(r.newDocs), String(r.knownDocs), String(r.failedFiles), r.inputs.join(' ')]), [5, 24, 24, 5, 5, 6, 60]))
      })
    })
}
