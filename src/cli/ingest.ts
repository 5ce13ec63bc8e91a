import type { Command } from 'commander'
import cliProgress from 'cli-progress'
import { ingest, type IngestSummary } from '../pipeline/ingest.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'
import { dbPath, lexiconOf, printJson, withStoreAsync, formatOption } from './context.js'

export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('read files, folders (recursively) or URLs into the database')
    .argument('<inputs...>', 'files, folders or http(s) URLs')
    .option('--published <date>', 'publication date for these inputs (2025-02-13, 2025-02-13T10:00+08:00)')
    .option('--force', 're-read inputs whose bytes were ingested before')
    .addOption(formatOption())
    .action(async (inputs: string[], opts: { published?: string; force?: boolean; format: string }) => {
      const lexicon = lexiconOf(program)
      const summary = await withStoreAsync(dbPath(program.opts().db), (store) => runWithProgress(store, inputs, { ...opts, lexicon }))
      if (opts.format === 'json') printJson(summary)
      else printSummary(summary)
      process.exitCode = summary.failed ? 1 : 0
    })
}

async function runWithProgress(
  store: Parameters<typeof ingest>[0],
  inputs: string[],
  opts: { published?: string; force?: boolean; lexicon?: ActorLexicon },
): Promise<IngestSummary> {
  // A progress bar only on a terminal: piped output and CI logs get the summary alone.
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: 'ingest [{bar}] {value}/{total} {file}', stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic) : null
  try {
    return await ingest(store, inputs, {
      published: opts.published,
      force: opts.force,
      lexicon: opts.lexicon,
      onStart: (total) => bar?.start(total, 0, { file: '' }),
      onFile: (done, _total, f) => bar?.update(done, { file: f.path.slice(-40) }),
    })
  } finally {
    bar?.stop()
  }
}

export function printSummary(s: IngestSummary): void {
  const out: string[] = []
  for (const f of s.files) {
    const what = f.status === 'new' ? `new ${f.newDocs}${f.knownDocs ? `, known ${f.knownDocs}` : ''}` : f.status
    // A reason names its input already (ingest: a.html: …); say it once.
    out.push(`${what.padEnd(10)} ${f.reason && f.status !== 'new' ? (f.reason.includes(f.path) ? f.reason : `${f.path}: ${f.reason}`) : f.path}`)
    for (const w of f.status === 'new' ? f.warnings : []) out.push(`  warning: ${w}`)
  }
  const known = s.files.filter((f) => f.status === 'known').length
  out.push('')
  out.push(`run ${s.runId}: ${s.files.length} inputs; ${s.newDocs} new documents, ${s.knownDocs} already known (${known} inputs already ingested), ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ''}`)
  process.stdout.write(out.join('\n') + '\n')
}
