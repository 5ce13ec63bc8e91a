// The shared work queue (PostgreSQL only): `parley enqueue` adds inputs, `parley worker` processes them (run as
// many as you like, on as many machines), `parley queue` says where things stand.
import { Option, type Command } from 'commander'
import { enqueue, work } from '../pipeline/queue.js'
import { isPostgresUrl } from '../store/open.js'
import { JobQueue } from '../store/postgres/queue.js'
import { openPostgresStore, type PostgresStore } from '../store/postgres/store.js'
import { dbPath, formatOption, isVerbose, lexiconOf, note, printJson } from './context.js'
import { byteSize, publishedOption, UsageError } from './options.js'

function withPg<T>(program: Command, command: string, fn: (store: PostgresStore) => Promise<T> | T): Promise<T> {
  const target = dbPath(program.opts().db)
  if (!isPostgresUrl(target)) throw new UsageError(`parley ${command} needs a PostgreSQL database: give --db postgres://… or set $PARLEY_DATABASE_URL.`)
  const store = openPostgresStore(target)
  return Promise.resolve()
    .then(() => fn(store))
    .finally(() => store.close())
}

function seconds(value: string): number {
  const n = Number(value)
  if (!/^\d+(\.\d+)?$/.test(value) || n <= 0 || n > 86_400) throw new UsageError(`not a number of seconds from 0 to 86400: ${value}`)
  return n
}

export function registerQueue(program: Command): void {
  program
    .command('enqueue')
    .description('queue files, folders or URLs for `parley worker` (PostgreSQL)')
    .argument('<inputs...>', 'files, folders or http(s) URLs')
    .addOption(publishedOption())
    .option('--force', 'queue inputs whose bytes were ingested before')
    .addOption(new Option('--max-size <size>', 'largest file or download read (10MB, 512KB)').argParser(byteSize).default(10 * 1024 * 1024, '10MB'))
    .option('--ignore <pattern...>', 'leave out of folder walks (as in .parleyignore)')
    .option('--allow-private', 'let workers fetch URLs on loopback, private and link-local addresses')
    .addOption(formatOption())
    .action(async (inputs: string[], opts: { published?: string; force?: boolean; maxSize: number; ignore?: string[]; allowPrivate?: boolean; format: string }) => {
      const lines = await withPg(program, 'enqueue', (store) => enqueue(store, inputs, { published: opts.published, force: opts.force, maxBytes: opts.maxSize, ignore: opts.ignore, allowPrivate: opts.allowPrivate }))
      if (opts.format === 'json') printJson(lines)
      else {
        for (const l of lines) if (l.status !== 'queued' || isVerbose()) console.log(`${l.status.padEnd(8)} ${l.reason && !l.reason.includes(l.input) ? `${l.input}: ${l.reason}` : (l.reason ?? l.input)}`)
        const n = (s: string): number => lines.filter((l) => l.status === s).length
        console.log(`${n('queued')} queued, ${n('waiting')} already waiting, ${n('known')} already ingested, ${n('failed')} failed, ${n('skipped')} skipped`)
      }
      process.exitCode = lines.some((l) => l.status === 'failed') ? 1 : 0
    })

  program
    .command('worker')
    .description('take queued inputs and process them, until stopped (PostgreSQL; run any number at once)')
    .addOption(new Option('--lease <seconds>', 'how long a claimed job waits for a dead worker before another takes it').argParser(seconds).default(30))
    .addOption(new Option('--poll <seconds>', 'how long to wait when no job is ready').argParser(seconds).default(1))
    .option('--until-done', 'stop once no job is queued or running')
    .addOption(new Option('--pause-after-claim <ms>', 'for tests: wait after claiming each job').argParser(Number).hideHelp())
    .action(async (opts: { lease: number; poll: number; untilDone?: boolean; pauseAfterClaim?: number }) => {
      const lexicon = lexiconOf(program)
      let stop = false
      const onSignal = (): void => {
        if (stop) process.exit(130) // a second ^C: now
        stop = true
        note('worker: stopping after the current job (again to stop now)')
      }
      process.on('SIGINT', onSignal).on('SIGTERM', onSignal)
      const s = await withPg(program, 'worker', (store) => {
        note(`worker: waiting for jobs in ${store.path}`)
        return work(store, {
          lexicon,
          leaseSeconds: opts.lease,
          pollSeconds: opts.poll,
          untilDone: opts.untilDone,
          pauseAfterClaimMs: opts.pauseAfterClaim,
          stopping: () => stop,
          onJob: (line) => console.log(line),
          onNote: (line) => note(line),
        })
      })
      note(`worker: run ${s.runId}: ${s.jobs} jobs, ${s.newDocs} new documents, ${s.knownDocs} already known, ${s.failed} failed`)
    })

  program
    .command('queue')
    .description('jobs queued, running, done and failed (PostgreSQL)')
    .option('--failures', 'list the failed jobs')
    .addOption(formatOption())
    .action(async (opts: { failures?: boolean; format: string }) => {
      await withPg(program, 'queue', (store) => {
        const q = new JobQueue(store.db)
        if (opts.failures) {
          const failed = q.failures()
          if (opts.format === 'json') return printJson(failed)
          if (!failed.length) return console.log('no failed jobs')
          for (const f of failed) console.log(`job ${f.id} ${f.input}: ${f.error ?? 'failed'}`)
          return
        }
        const c = q.counts()
        if (opts.format === 'json') return printJson(c)
        console.log(`${c.queued} queued, ${c.running} running${c.expired ? ` (${c.expired} on a lease that ran out)` : ''}, ${c.done} done, ${c.failed} failed`)
      })
    })
}
