import { Option, type Command } from 'commander'
import type { Stance } from '../core/index.js'
import { ensureRecord } from '../pipeline/record.js'
import { dbPath, lexiconOf, printJson, withStore } from './context.js'
import { actorKeys } from './names.js'
import { renderTable } from './table.js'

const SIGN: Record<Stance['position'], string> = { supports: '+', opposes: '−', conditional: '?' }

export function registerStances(program: Command): void {
  program
    .command('stances')
    .description('actor x issue positions from quotes and statements: the latest in each cell, then how each cell changed')
    .option('--actor <name...>', 'this actor (any spelling)')
    .option('--issue <id...>', 'issue ids of lexicon/issues.tsv (nato-membership, ceasefire, territory …)')
    .option('--at <date>', 'the matrix as of this date (default: everything)')
    .option('--by-country', 'one row per country: its officials and bodies together')
    .addOption(new Option('--format <format>', 'table or json').choices(['table', 'json']).default('table'))
    .action((opts: { actor?: string[]; issue?: string[]; at?: string; format: string; byCountry?: boolean }) => {
      const lex = lexiconOf(program)
      const all = withStore(dbPath(program.opts().db), (s) => {
        ensureRecord(s)
        return s.listStances({ actors: opts.actor?.flatMap((n) => actorKeys(lex, n)), issues: opts.issue })
      })
      const stances = opts.at ? all.filter((x) => x.date === null || x.date.slice(0, opts.at!.length) <= opts.at!) : all
      if (opts.format === 'json') return printJson(stances)
      if (!stances.length) return console.log('no stances')
      const who = (s: Stance): string => (opts.byCountry ? s.country ?? s.actor : s.actor)
      const cells = new Map<string, Stance[]>()
      for (const s of [...stances].sort((a, b) => (a.date ?? '9').localeCompare(b.date ?? '9'))) {
        const k = `${who(s)}\u0000${s.issue}`
        cells.set(k, [...(cells.get(k) ?? []), s])
      }
      const latest = [...cells.values()].map((h) => h[h.length - 1]!)
      console.log(renderTable(['actor', 'issue', 'position', 'since', 'condition'], latest.map((s) => [who(s), s.issue, `${SIGN[s.position]} ${s.position}`, s.date ?? '?', s.condition ?? '']), [28, 20, 14, 10, 50]))
      const changed = [...cells.values()].filter((h) => new Set(h.map((s) => s.position)).size > 1)
      if (!changed.length) return
      console.log('\nchanges over time\n')
      for (const h of changed) {
        console.log(`${who(h[0]!)} on ${h[0]!.issue}`)
        for (const s of h) console.log(`  ${s.date ?? '?'}  ${SIGN[s.position]} ${s.position.padEnd(11)} ${opts.byCountry ? `${s.actor}: ` : ''}${s.evidence.slice(0, 60)}`)
      }
    })

  program
    .command('claims')
    .description('numbers about one quantity from several sources, oldest first')
    .addOption(new Option('--format <format>', 'table or json').choices(['table', 'json']).default('table'))
    .action((opts: { format: string }) => {
      const claims = withStore(dbPath(program.opts().db), (s) => {
        ensureRecord(s)
        return s.listClaims()
      })
      if (opts.format === 'json') return printJson(claims)
      if (!claims.length) return console.log('no claims')
      for (const c of claims) {
        console.log(`${c.quantity} (${c.unit})${c.differs ? ' — the sources differ' : ''}`)
        for (const a of c.accounts) console.log(`  ${(a.date ?? '?').padEnd(10)}${a.dateInferred ? '*' : ' '} ${String(a.value).padStart(6)} ${c.unit}  ${a.surface}  ${a.docId.slice(0, 8)}${a.reprintOf ? ' (reprint)' : ''}`)
      }
    })
}
