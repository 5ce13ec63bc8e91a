// `npm start`: ingest the sample articles the project ships (examples/, written for parley), show what was
// stored, then serve the dashboard on 127.0.0.1 (port 8787, or a free one if that is taken) until Ctrl-C.
// `--no-serve` stops after the summary (scripts, CI).
import type { Command } from 'commander'
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ingest } from '../pipeline/ingest.js'
import { searchDocuments } from '../pipeline/search.js'
import { dateCell, dbPath, lexiconOf, withStoreAsync } from './context.js'
import { printSummary } from './ingest.js'
import { renderTable } from './table.js'
import { announce, listen, port } from './serve.js'
import { DEFAULT_PORT } from '../server/serve.js'

// src/cli and dist/cli both sit two levels below the project root.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SAMPLE_FOLDERS = ['feeds', 'atom', 'pages', 'items', 'text'].map((f) => join(ROOT, 'examples', f))

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('ingest the shipped sample articles, print what was stored, then serve the dashboard')
    .option('--no-serve', 'stop after the summary')
    .option('--port <n>', `port for the dashboard (default ${DEFAULT_PORT}, or a free one if taken)`, port)
    .action(async (opts: { serve: boolean; port?: number }) => {
      const inputs = SAMPLE_FOLDERS.filter((f) => existsSync(f))
      const db = dbPath(program.opts().db)
      await withStoreAsync(db, async (store) => {
        const summary = await ingest(store, inputs, { lexicon: lexiconOf(program) })
        printSummary(summary)
        const docs = store.listDocuments({ limit: 20 })
        console.log(`\n${store.countDocuments()} documents in ${db}:\n`)
        console.log(renderTable(['id', 'published', 'format', 'script', 'title'], docs.map((d) => [d.id, dateCell(d.published), d.format, d.script, d.title]), [16, 17, 11, 11, 50]))
        const hits = searchDocuments(store, '烏克蘭', { limit: 3 })
        console.log(`\nsearch "烏克蘭" (traditional) finds ${hits.length ? hits.length + '+' : 'no'} documents in either script, e.g.:`)
        for (const h of hits) console.log(`  ${h.id}  ${h.title}`)
        const events = store.listEvents({ limit: 1_000_000 })
        const quotes = store.listQuotes({ limit: 1_000_000 })
        console.log(`\n${events.length} events and ${quotes.length} quotes coded; the first events by date:`)
        for (const e of events.filter((x) => x.type !== 'statement' && x.date).slice(0, 6)) {
          console.log(`  ${e.date}  ${e.type} (CAMEO ${e.cameo.code})  ${e.actors.map((a) => a.name).join(', ')}${e.location ? ` @ ${e.location.name}` : ''}`)
        }
        console.log(`\nTry: npm run parley -- docs | show ID | search 停火 | events --actor 川普 | quotes | actors | explain FILE`)
        process.exitCode = summary.failed ? 1 : 0
      })
      if (!opts.serve) return
      const host = '127.0.0.1'
      const running = await listen({ db, host, port: opts.port ?? DEFAULT_PORT }).catch((e: unknown) => {
        if (opts.port !== undefined) throw e
        return listen({ db, host, port: 0 }) // 8787 is taken: any free port will do for a demo
      })
      announce(running)
    })
}
