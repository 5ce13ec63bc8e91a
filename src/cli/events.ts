import { Option, type Command } from 'commander'
import { EventType } from '../core/index.js'
import { dbPath, lexiconOf, printJson, withStore, formatOption, isoCell, noteMore } from './context.js'
import { limitOption, sinceOption, untilOption } from './options.js'
import { renderTable } from './table.js'
import { actorKeys } from './names.js'


export function registerEvents(program: Command): void {
  program
    .command('events')
    .description('stored events, oldest first, each with its source sentence')
    .option('--actor <name...>', 'events with this actor (any spelling: 川普, Trump, Q22686; a CAMEO code such as RUS or USAGOV: any actor with it)')
    .addOption(new Option('--type <type...>', 'event types').choices(EventType.options))
    .addOption(sinceOption())
    .addOption(untilOption())
    .addOption(limitOption(200))
    .addOption(formatOption())
    .action((opts: { actor?: string[]; type?: EventType[]; since?: string; until?: string; limit: number; format: string }) => {
      const lex = lexiconOf(program)
      const filter = { actors: opts.actor?.flatMap((n) => actorKeys(lex, n)), types: opts.type ?? [], since: opts.since, until: opts.until, limit: opts.limit }
      const [events, total] = withStore(dbPath(program.opts().db), (s) => [s.listEvents(filter), s.countEvents(filter)] as const)
      noteMore(events.length, total, 'events')
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
    .addOption(sinceOption('published on or after'))
    .addOption(untilOption('published on or before'))
    .addOption(limitOption(200))
    .addOption(formatOption())
    .action((opts: { speaker?: string[]; since?: string; until?: string; limit: number; format: string }) => {
      const lex = lexiconOf(program)
      const filter = { speakers: opts.speaker?.flatMap((n) => actorKeys(lex, n)), since: opts.since, until: opts.until, limit: opts.limit }
      const [quotes, total] = withStore(dbPath(program.opts().db), (s) => [s.listQuotes(filter), s.countQuotes(filter)] as const)
      noteMore(quotes.length, total, 'quotes')
      if (opts.format === 'json') return printJson(quotes)
      if (!quotes.length) return console.log('no quotes')
      for (const q of quotes) {
        const who = q.speaker ? (q.speaker.anonymous ? `${q.speaker.descriptor ?? 'unnamed source'}` : q.speaker.name) : '(speaker not found)'
        console.log(`${who}: “${q.text}”\n    ${q.docId.slice(0, 8)} ${q.docTitle}${q.docPublished ? ` (${isoCell(q.docPublished)})` : ''}`)
      }
    })
}
