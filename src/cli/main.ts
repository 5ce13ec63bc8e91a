#!/usr/bin/env node
// parley's command line: a thin shell over the library. One file per command group.
import { Command } from 'commander'
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
import { registerTimeline } from './timeline.js'
import { registerExport } from './export.js'
import { registerStances } from './stances.js'

export function buildProgram(): Command {
  const program = new Command('parley')
    .description('follow a diplomatic negotiation through Chinese-language news')
    .option('--db <path>', 'SQLite database file (default ./parley.db, or $PARLEY_DB)')
    .showHelpAfterError()
  registerIngest(program)
  registerDocs(program)
  registerReprocess(program)
  registerRuns(program)
  registerExtract(program)
  registerExplain(program)
  registerEvents(program)
  registerActors(program)
  registerTimeline(program)
  registerExport(program)
  registerStances(program)
  registerDemo(program)
  return program
}

buildProgram()
  .parseAsync(process.argv)
  .catch((e: unknown) => {
    // Expected failures carry their own message naming the input; anything else is a bug worth a stack.
    if (e instanceof ParleyError) console.error(e.message)
    else console.error(e)
    process.exitCode = 2
  })
