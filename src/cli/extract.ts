// `parley extract --format json FILE...`: read files, normalize and extract them without a database, and print
// the extraction contract (../shared/gold/README.md) that the scoring scripts read.
import { Option, type Command } from 'commander'
import { publishedOption, UsageError } from './options.js'
import { readLocal } from './files.js'
import { ParleyError } from '../core/index.js'
import { readInput } from '../ingest/read.js'
import { normalize } from '../normalize/index.js'
import { expandInputs } from '../pipeline/inputs.js'
import { readSidecar } from '../pipeline/ingest.js'
import { lexiconOf, printJson } from './context.js'
import { extract, type ExtractOptions } from '../extract/index.js'
import { toContract, type ContractDocument } from './contract.js'
import { EVENT_RULES } from '../extract/events/rules.js'

export function extractFile(path: string, published?: string, options: ExtractOptions = {}): { docs: ContractDocument[]; errors: string[] } {
  const read = readInput({ origin: path, bytes: readLocal(path) })
  if (!read.ok) return { docs: [], errors: [read.error.message] }
  const docs: ContractDocument[] = []
  const errors: string[] = []
  for (const raw of read.value.docs) {
    const doc = normalize(raw, { user: published ? { published } : undefined, sidecar: readSidecar(path) })
    if (!doc.ok) {
      errors.push(doc.error.message)
      continue
    }
    docs.push(toContract(raw.part ? `${path}#${raw.part}` : path, doc.value, extract(doc.value, options)))
  }
  return { docs, errors }
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract files (no database) and print the result')
    .argument('<inputs...>', 'files or folders')
    .addOption(publishedOption())
    .addOption(new Option('--format <format>', 'json (the only format)').choices(['json']).default('json'))
    .option('--without <rules>', 'switch off event rules (comma-separated ids of src/extract/events/rules.ts), for ablations')
    .action((inputs: string[], opts: { published?: string; format: string; without?: string }) => {
      const disabled = (opts.without ?? '').split(',').filter(Boolean)
      const known = new Set(EVENT_RULES.map((r) => r.id))
      const unknown = disabled.filter((d) => !known.has(d))
      if (unknown.length) throw new UsageError(`--without: no rule ${unknown.join(', ')} (see src/extract/events/rules.ts)`)
      const lexicon = lexiconOf(program)
      const documents: ContractDocument[] = []
      let failed = 0
      for (const item of expandInputs(inputs)) {
        if (item.kind !== 'file') {
          if (item.kind === 'missing' || item.kind === 'unreadable') {
            console.error(`extract: ${item.path}: ${item.kind === 'missing' ? 'no such file or folder' : item.reason}`)
            failed++
          }
          continue
        }
        try {
          const r = extractFile(item.path, opts.published, { disabled, lexicon })
          documents.push(...r.docs)
          for (const e of r.errors) console.error(e)
          failed += r.errors.length
        } catch (e) {
          // One file's failure is reported with its name; the others are still extracted.
          console.error(e instanceof ParleyError ? e.message : `extract: ${item.path}: ${(e as Error).message}`)
          failed++
        }
      }
      printJson({ documents })
      process.exitCode = failed ? 1 : 0
    })
}
