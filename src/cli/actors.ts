// `parley actors`: the actors named in the stored documents, with their spellings and mention counts.
// `parley actor NAME`: one actor, found by any spelling, with its roles, aliases by region and the sentences that
// mention it.
import type { Command } from 'commander'
import type { Document } from '../core/index.js'
import { actorProfile, lookupNewActors, mentionsOfSet, sightings, summarizeActors, type ActorSummary, type DocumentMentions } from '../extract/mentions/catalog.js'
import type { ActorLexicon } from '../extract/mentions/lexicon.js'
import { describeCandidates, lookupActors } from '../extract/mentions/lookup.js'
import type { Store } from '../store/store.js'
import { dbPath, lexiconOf, printJson, withStore, formatOption, isoCell, noteMore } from './context.js'
import { limitOption } from './options.js'
import { renderTable } from './table.js'

const PAGE = 200

function storedDocuments(store: Store): Document[] {
  const out: Document[] = []
  for (let offset = 0; ; offset += PAGE) {
    const page = store.listDocuments({ limit: PAGE, offset })
    for (const s of page) {
      const doc = store.getDocument(s.id)
      if (doc) out.push(doc)
    }
    if (page.length < PAGE) return out
  }
}

function readSet(program: Command, lex: ActorLexicon): DocumentMentions[] {
  return withStore(dbPath(program.opts().db), (s) => mentionsOfSet(storedDocuments(s), lex))
}

/** How an actor is shown: its canonical name, or for one the lexicon lacks the name as written and what it is. */
export function displayName(a: Pick<ActorSummary, 'name' | 'unresolved' | 'inferred' | 'guess' | 'known'>): string {
  if (a.known) return a.name
  if (a.inferred) return `${a.name} (inferred)`
  if (a.unresolved) return `${a.name} (unresolved${a.guess ? `; guess ${a.guess}` : ''})`
  return `${a.name} (not in the lexicon)`
}

export function registerActors(program: Command): void {
  program
    .command('actors')
    .description('actors named in the stored documents, with their spellings and mention counts')
    .addOption(limitOption(100))
    .addOption(formatOption())
    .action((opts: { limit: number; format: string }) => {
      const fmt = opts.format
      const all = summarizeActors(readSet(program, lexiconOf(program)))
      const actors = all.slice(0, opts.limit)
      noteMore(actors.length, all.length, 'actors')
      if (fmt === 'json') return printJson(actors)
      if (!actors.length) return console.log('no actors found (no stored documents name any)')
      const rows = actors.map((a) => [
        displayName(a),
        a.type,
        a.country ?? '-',
        a.cameo ?? '-',
        String(a.mentions),
        String(a.coref),
        String(a.documents),
        a.aliases.map((x) => `${x.surface}×${x.count}`).join(' '),
      ])
      console.log(renderTable(['actor', 'type', 'country', 'cameo', 'mentions', 'coref', 'docs', 'spellings'], rows, [40, 12, 16, 9, 8, 5, 4, 60]))
    })

  program
    .command('actor')
    .description('one actor by any spelling (普京, 普丁, Putin, Zelensky, Q7747, vladimir-putin): roles, CAMEO code, aliases by region, sentences')
    .argument('<name...>', 'a name in any script or region, a Latin name or surname, a Wikidata id, a CAMEO code, or an id')
    .addOption(formatOption())
    .action((words: string[], opts: { format: string }) => {
      const fmt = opts.format
      const name = words.join(' ')
      const lex = lexiconOf(program)
      const set = readSet(program, lex)
      const known = lookupActors(lex, name).actors
      const fresh = known.length ? [] : lookupNewActors(set, name)
      if (!known.length && !fresh.length) {
        console.error(`actor: no actor named "${name}" in the lexicon or the stored documents`)
        process.exitCode = 1
        return
      }
      if (known.length > 1 || fresh.length > 1) {
        const names = known.length ? describeCandidates(known) : fresh.join(', ')
        console.error(`actor: "${name}" names ${known.length || fresh.length} actors: ${names}`)
        process.exitCode = 1
        return
      }
      if (known.length) {
        const p = actorProfile(lex, known[0]!)
        const seen = sightings(set, p.actor.id)
        if (fmt === 'json') return printJson({ ...p, sightings: seen })
        const a = p.actor
        const lines = [`${a.name}  (${a.id}${a.wikidata ? `, ${a.wikidata}` : ''})`, `type      ${a.type}`, `country   ${(a.country && lex.actors.get(a.country)?.name) ?? '-'}`, `cameo     ${p.cameo ?? '-'}${p.cameoCodes.length > 1 ? ` (also ${p.cameoCodes.filter((c) => c !== p.cameo).join(', ')})` : ''}`]
        if (a.note) lines.push(`note      ${a.note}`)
        if (p.roles.length) {
          lines.push('', 'roles')
          for (const r of p.roles) lines.push(`  ${r.role.padEnd(40)} ${r.from ?? '…'} – ${r.until ?? 'now'}`)
        }
        lines.push('', 'aliases')
        for (const [region, list] of Object.entries(p.aliases)) lines.push(`  ${region.padEnd(4)} ${list.join('  ')}`)
        console.log(lines.join('\n'))
        printSightings(seen)
        return
      }
      const id = fresh[0]!
      const seen = sightings(set, id)
      const summary = summarizeActors(set).find((s) => s.id === id)
      if (fmt === 'json') return printJson({ actor: summary, sightings: seen })
      const head = summary ? displayName(summary) : id
      console.log(`${head}  (${id}; not in the lexicon)\ncountry   ${summary?.country ?? '-'}\nspellings ${summary?.aliases.map((x) => x.surface).join('  ') ?? '-'}`)
      printSightings(seen)
    })
}

function printSightings(seen: ReturnType<typeof sightings>): void {
  console.log('')
  if (!seen.length) return console.log('not mentioned in the stored documents')
  console.log(renderTable(['document', 'published', 'sentence', 'as', 'text'], seen.map((s) => [s.docId, isoCell(s.published), String(s.sentence), s.surfaces.join(' '), s.text.replace(/\s+/g, ' ')]), [16, 17, 8, 16, 80]))
}
