#!/usr/bin/env node
// parley's command line: a thin shell over the library. One file per command group.
// Exit codes: 0 done, 1 a failure (an input, the database, a bug), 2 a usage error (a wrong option or value).
// Errors are one line; --debug adds the stack.
import { readFileSync } from 'node:fs'
import { Command, CommanderError, Option } from 'commander'
import { ParleyError } from '../core/index.js'
import { registerIngest } from './ingest.js'
import { registerDocs } from './docs.js'
import { registerDemo } from './demo.js'
import { registerReprocess } from './reprocess.js'
import { registerRuns } from './runs.js'
import { registerExtract } from './extract.js'
import { registerEvents } from './events.js'
import { registerExplain } from './explain.js'
import { registerActors } from './actors.js'
import { registerLexicon } from './lexicon.js'
import { setVerbosity } from './context.js'
import { dbFile, UsageError } from './options.js'

const HINT = "(see 'parley --help' or 'parley help <command>')"

function version(): string {
  // src/cli and dist/cli both sit two levels below package.json.
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
  return pkg.version
}
import { registerServe } from './serve.js'
import { registerTimeline } from './timeline.js'
import { registerExport } from './export.js'
import { registerStances } from './stances.js'
import { registerFeeds } from './feeds.js'
import { registerWatch } from './watch.js'
import { registerQueue } from './queue.js'

export function buildProgram(): Command {
  const program = new Command('parley')
    .description('follow a diplomatic negotiation through Chinese-language news')
    .version(version(), '-V, --version', 'print the version')
    .addOption(new Option('--db <path>', 'SQLite database file or postgres:// URL (default $PARLEY_DATABASE_URL, $PARLEY_DB or ./parley.db)').argParser(dbFile))
    .option('--lexicon <dir>', 'your own actor lexicon folder overlaying the shipped one (or $PARLEY_LEXICON)')
    .option('-q, --quiet', 'print only results and errors')
    .option('-v, --verbose', 'say more about what was done')
    .option('--debug', 'print a stack trace with an error')
    // Set before the commands are added: subcommands copy these settings.
    .exitOverride()
    .showHelpAfterError(HINT)
    .showSuggestionAfterError()
  program.hook('preAction', () => setVerbosity(program.opts()))
  registerIngest(program)
  registerDocs(program)
  registerReprocess(program)
  registerRuns(program)
  registerExtract(program)
  registerExplain(program)
  registerEvents(program)
  registerActors(program)
  registerLexicon(program)
  registerTimeline(program)
  registerExport(program)
  registerStances(program)
  registerWatch(program)
  registerFeeds(program)
  registerDemo(program)
  registerServe(program)
  registerQueue(program)
  return program
}

// A reader that stops early (`parley events --format json | head -2`) closes the pipe: that ends the run quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0)
    throw e
  })
}

const debug = process.argv.includes('--debug')

function fail(e: unknown): number {
  if (e instanceof CommanderError) {
    // Commander printed its one line (and the hint) already; help and --version end with 0.
    return e.exitCode === 0 || e.code === 'commander.helpDisplayed' || e.code === 'commander.version' ? 0 : 2
  }
  if (debug && e instanceof Error) console.error(e.stack)
  if (e instanceof UsageError) {
    console.error(`error: ${e.message}\n${HINT}`)
    return 2
  }
  if (e instanceof ParleyError) {
    if (!debug) console.error(e.message)
    return 1
  }
  // Anything else is a bug or an environment problem (a missing file, a full disk): one line, and the stack on request.
  const code = (e as { code?: unknown } | null)?.code
  if (!debug) console.error(`parley: ${e instanceof Error ? e.message : String(e)}${typeof code === 'string' && !(e as Error).message?.includes(code) ? ` (${code})` : ''} (run with --debug for details)`)
  return 1
}

buildProgram()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    process.exitCode = fail(e)
  })
