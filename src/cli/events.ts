import type { Command } from 'commander'
import { EventType } from '../core/index.js'
import { dbPath, lexiconOf, printJson, withStore, formatOption } from './context.js'
import { renderTable } from './table.js'
import { actorKeys } from './names.js'


export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('stored events, oldest first, each with its source sentence')
    .option('--actor <name...>', 'events with this actor (any spelling: 川普, Trump, Q22686; a CAMEO code such as RUS or USAGOV: any actor with it)')
    .option('--type <type...>', `event types: ${EventType.options.join(', ')}`)
    .option('--since <date>', 'on or after (2025-02, 2025-02-12)')
    .option('--until <date>', 'on or before')
    .option('--limit <n>', 'how many', '200')
    .addOption(formatOption())
    .action((opts: { actor?: string[]; type?: string[]; since?: string; until?: string; limit: string; format: string }) => {
      const types = (opts.type ?? []).map((t) => EventType.parse(t))
      const lex = lexiconOf(program)
      const events = withStore(dbPath(program.opts().db), (s) =>
        s.listEvents({ actors: opts.actor?.flatMap((n) => actorKeys(lex, n)), types, since: opts.since, until: opts.until, limit: Number(opts.limit) }),
      )
      if (opts.format === 'json') return printJson(events)
      if (!events.length) return console.log('no events')
      console.log(
        renderTable(
          ['date', 'type', 'cameo', 'actors', 'where', 'modality', 'document'],
          events.map((e) => [e.date ?? '?', e.type, e.cameo.code, e.actors.map((a) => a.name).join(', '), e.location?.name ?? '', e.modality, `${e.docId.slice(0, 8)} ${e.docTitle}`]),
          [10, 18, 5, 50, 14, 12, 40],
        ),
      )
    })

  program
    .command('quotes')
    .description('stored direct quotes with their speakers')
    .option('--speaker <name...>', 'quotes of this speaker (any spelling, a Wikidata id or a CAMEO code)')
    .option('--since <date>', 'published on or after')
    .option('--until <date>', 'published on or before')
    .option('--limit <n>', 'how many', '200')
    .addOption(formatOption())
    .action((opts: { speaker?: string[]; since?: string; until?: string; limit: string; format: string }) => {
      const lex = lexiconOf(program)
      const quotes = withStore(dbPath(program.opts().db), (s) => s.listQuotes({ speakers: opts.speaker?.flatMap((n) => actorKeys(lex, n)), since: opts.since, until: opts.until, limit: Number(opts.limit) }))
      if (opts.format === 'json') return printJson(quotes)
      if (!quotes.length) return console.log('no quotes')
      for (const q of quotes) {
        const who = q.speaker ? (q.speaker.anonymous ? `${q.speaker.descriptor ?? 'unnamed source'}` : q.speaker.name) : '(speaker not found)'
        console.log(`${who}: “${q.text}”\n    ${q.docId.slice(0, 8)} ${q.docTitle}${q.docPublished ? ` (${q.docPublished.slice(0, 10)})` : ''}`)
      }
    })
}
