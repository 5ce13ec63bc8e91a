import type { Command } from 'commander'
import { reprocess } from '../pipeline/reprocess.js'
import { dbPath, lexiconOf, withStore } from './context.js'

export function registerReprocess(program: Command): void {
  program
    .command('reprocess')
    .description('read stored documents again from their raw bytes and re-resolve their actors (after a reader or lexicon change; --lexicon DIR uses yours)')
    .argument('[ids...]', 'document ids or prefixes; all documents when none are given')
    .action((ids: string[]) => {
      const lexicon = lexiconOf(program)
      withStore(dbPath(program.opts().db), (store) => {
        const targets = ids.length ? ids : store.listDocuments({ limit: 1_000_000 }).map((d) => d.id)
        let changed = 0
        let failed = 0
        for (const id of targets) {
          const r = reprocess(store, id, lexicon)
          if (!r.ok) {
            failed++
            console.log(`failed   ${r.error.message}`)
          } else if (r.value.changed) {
            changed++
            console.log(`changed  ${r.value.oldId}${r.value.newId !== r.value.oldId ? ` -> ${r.value.newId}` : ''}`)
          }
        }
        console.log(`${targets.length} documents reprocessed: ${changed} changed, ${failed} failed`)
        process.exitCode = failed ? 1 : 0
      }, 'write')
    })
}
