// `parley lexicon check DIR`: validates a user lexicon folder (the same file names and columns as lexicon/) as
// it would overlay the shipped one, one line per problem (file:line: problem), exit 1 when there are any.
// `parley lexicon stats`: what the lexicon in use holds.
import type { Command } from 'commander'
import { formatProblem } from '../extract/mentions/lexicon-files.js'
import { readActorLexicon } from '../extract/mentions/lexicon.js'
import { lexiconDir, printJson, formatOption } from './context.js'

export function registerLexicon(program: Command): void {
  const cmd = program.command('lexicon').description('check a user lexicon folder, or count what the lexicon holds')
  cmd
    .command('check')
    .description('validate a lexicon folder (actors.tsv, actor-aliases.tsv, actor-roles.tsv, *.actors.tsv …) over the shipped one')
    .argument('[dir]', 'the folder (default: --lexicon or $PARLEY_LEXICON; none: the shipped lexicon alone)')
    .action((dir: string | undefined) => {
      const folder = dir ?? lexiconDir(program)
      const built = readActorLexicon(folder ? [folder] : [])
      for (const p of built.problems) console.log(formatProblem(p))
      const lex = built.lexicon
      const summary = `${lex.actors.size} actors, ${lex.aliases.length} aliases, ${lex.roles.length} roles`
      if (built.problems.length) {
        console.error(`lexicon check: ${built.problems.length} problem${built.problems.length > 1 ? 's' : ''} in ${folder ?? 'the shipped lexicon'}`)
        process.exitCode = 1
      } else console.log(`ok: ${folder ?? 'the shipped lexicon'} (${summary} with the shipped lexicon)`)
    })
  cmd
    .command('stats')
    .description('actors by type, aliases, roles and CAMEO-coded actors of the lexicon in use')
    .addOption(formatOption())
    .action((opts: { format: string }) => {
      const dir = lexiconDir(program)
      const { lexicon: lex } = readActorLexicon(dir ? [dir] : [])
      const byType: Record<string, number> = {}
      for (const a of lex.actors.values()) byType[a.type] = (byType[a.type] ?? 0) + 1
      const coded = [...lex.actors.values()].filter((a) => lex.cameoOf(a.id)).length
      const stats = { folders: lex.folders, actors: lex.actors.size, byType, aliases: lex.aliases.length, roles: lex.roles.length, cameoCoded: coded }
      if (opts.format === 'json') return printJson(stats)
      console.log(`${stats.actors} actors (${Object.entries(byType).map(([t, n]) => `${n} ${t}`).join(', ')}), ${stats.aliases} aliases, ${stats.roles} roles, ${coded} with a CAMEO code\nfrom ${lex.folders.join(', ')}`)
    })
}
