import { Option, type Command } from 'commander'
import cliProgress from 'cli-progress'
import { ingest, RunStopped, type IngestOptions, type IngestSummary } from '../pipeline/ingest.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'
import { dbPath, lexiconDir, lexiconOf, printJson, withStoreAsync, formatOption, isQuiet, isVerbose } from './context.js'
import { byteSize, publishedOption, seconds } from './options.js'

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read files, folders (recursively) or URLs into the database')
    .argument('<inputs...>', 'files, folders or http(s) URLs')
    .addOption(publishedOption())
    .option('--force', 're-read inputs whose bytes were ingested before')
    .addOption(new Option('--max-size <size>', 'largest file or download read (10MB, 512KB)').argParser(byteSize).default(10 * 1024 * 1024, '10MB'))
    .option('--ignore <pattern...>', 'leave out of folder walks (like lines of a .parleyignore file: drafts/, *.bak)')
    .addOption(new Option('--time-limit <seconds>', 'longest extraction of one document; past it the document fails and the run goes on (0: no limit)').argParser(seconds).env('PARLEY_TIME_LIMIT').default(DEFAULT_TIME_LIMIT_S))
    .option('--allow-private', 'fetch URLs and follow redirects to loopback, private and link-local addresses')
    .addOption(formatOption())
    .action(async (inputs: string[], opts: RunOptions & { format: string }) => {
      const db = dbPath(program.opts().db)
      let summary: IngestSummary
      try {
        // With a time limit the worker thread extracts and loads the lexicon itself; a user's folder is still
        // read here first, so that a problem in it is one line before anything runs.
        const dir = lexiconDir(program)
        const lexicon = opts.timeLimit > 0 && !dir ? undefined : lexiconOf(program)
        summary = await withStoreAsync(db, (store) => runWithProgress(store, inputs, { ...opts, lexicon, lexiconDir: dir }))
      } catch (e) {
        if (!(e instanceof RunStopped)) throw e
        // What was stored before the database failed is reported, then the one line saying why it stopped.
        if (opts.format !== 'json') printSummary(e.summary)
        const s = e.summary
        console.error(`${e.message}. ${s.newDocs} new documents from ${s.files.filter((f) => f.status === 'new').length} inputs were stored before; re-run the same command to go on.`)
        process.exitCode = 1
        return
      }
      if (opts.format === 'json') printJson(summary)
      else printSummary(summary)
      process.exitCode = summary.failed ? 1 : 0
    })
}

/** Generous: the longest real article takes a few seconds; a pathological one never holds a batch past this. */
const DEFAULT_TIME_LIMIT_S = 60

type RunOptions = { published?: string; force?: boolean; maxSize: number; ignore?: string[]; allowPrivate?: boolean; timeLimit: number }

async function runWithProgress(
  store: Parameters<typeof ingest>[0],
  inputs: string[],
  opts: RunOptions & { lexicon?: ActorLexicon; lexiconDir: string | null },
): Promise<IngestSummary> {
  // A progress bar only on a terminal: piped output and CI logs get the summary alone.
  const bar = process.stderr.isTTY && !isQuiet() ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : null
  try {
    const options: IngestOptions = {
      published: opts.published,
      force: opts.force,
      lexicon: opts.lexicon,
      maxBytes: opts.maxSize,
      ignore: opts.ignore,
      allowPrivate: opts.allowPrivate,
      timeLimitMs: opts.timeLimit * 1000,
      lexiconDir: opts.lexiconDir,
      onStart: (total) => bar?.start(total, 0, { file: '' }),
      onFile: (done, _total, f) => bar?.update(done, { file: f.path.slice(-40) }),
    }
    return await ingest(store, inputs, options)
  } finally {
    bar?.stop()
  }
}

/**
 * One line per input (skipped ones with their reason) and a summary. -q: only the failed inputs and the
 * summary; -v: warnings of known inputs too.
 */
export function printSummary(s: IngestSummary): void {
  const out: string[] = []
  for (const f of s.files) {
    if (isQuiet() && f.status !== 'failed') continue
    const what = f.status === 'new' ? `new ${f.newDocs}${f.knownDocs ? `, known ${f.knownDocs}` : ''}` : f.status
    // A reason names its input already (ingest: a.html: …); say it once.
    const reason = f.status === 'skipped' ? f.reason?.replace(/^skipped: /, '') : f.reason
    out.push(`${what.padEnd(10)} ${reason && f.status !== 'new' ? (reason.includes(f.path) ? reason : `${f.path}: ${reason}`) : f.path}`)
    for (const w of f.status === 'new' || isVerbose() ? f.warnings : []) out.push(`  warning: ${w}`)
  }
  const known = s.files.filter((f) => f.status === 'known').length
  out.push('')
  out.push(`run ${s.runId}: ${s.files.length} inputs; ${s.newDocs} new documents, ${s.knownDocs} already known (${known} inputs already ingested), ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`)
  process.stdout.write(out.join('\n') + '\n')
}
