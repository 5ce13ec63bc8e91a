import type { Command } from 'commander'
import { dbPath, formatOption, printJson, withStore } from './context.js'
import { renderTable } from './table.js'

export function registerRuns(program: Command): void {
  program
    .command('runs')
    .description('past ingest runs, and the files that failed in them')
    .option('--limit <n>', 'how many runs', '20')
    .option('--failures [run]', 'list failed files (of one run, or of all runs)')
    .addOption(formatOption())
    .action((opts: { limit: string; failures?: string | boolean; format: string }) => {
      const fmt = opts.format
      withStore(dbPath(program.opts().db), (store) => {
        if (opts.failures !== undefined) {
          const failures = store.listFailures(typeof opts.failures === 'string' ? Number(opts.failures) : undefined)
          if (fmt === 'json') return printJson(failures)
          if (!failures.length) return console.log('no failed files')
          for (const f of failures) console.log(`${f.path}: ${f.reason ?? 'failed'}`)
          return
        }
        const runs = store.listRuns(Number(opts.limit))
        if (fmt === 'json') return printJson(runs)
        console.log(renderTable(['run', 'started', 'finished', 'new', 'known', 'failed', 'inputs'], runs.map((r) => [String(r.id), r.startedAt, r.finishedAt ?? '(interrupted)', String(r.newDocs), String(r.knownDocs), String(r.failedFiles), r.inputs.join(' ')]), [5, 24, 24, 5, 5, 6, 60]))
      })
    })
}
