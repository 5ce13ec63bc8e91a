// `parley explain FILE`: per sentence, what each rule found and why an event was or was not coded.
import { Option, type Command } from 'commander'
import { nonNegativeInt, publishedOption } from './options.js'
import { readLocal } from './files.js'
import { readInput } from '../ingest/read.js'
import { normalize } from '../normalize/index.js'
import { matchingView } from '../normalize/matching.js'
import { extract } from '../extract/index.js'
import { lexiconOf } from './context.js'
import { clausesOf } from '../extract/events/clauses.js'
import { triggerCandidates } from '../extract/events/triggers.js'
import { triggerContext } from '../extract/events/index.js'
import { readSidecar } from '../pipeline/ingest.js'

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('show, sentence by sentence, which rules fired and why events were or were not coded')
    .argument('<file>', 'a file to read (not stored)')
    .addOption(publishedOption())
    .addOption(new Option('--sentence <n>', 'only this sentence (0-based)').argParser(nonNegativeInt))
    .action((file: string, opts: { published?: string; sentence?: number }) => {
      const read = readInput({ origin: file, bytes: readLocal(file) })
      if (!read.ok) throw read.error
      for (const raw of read.value.docs) {
        // The same reading as `extract`: a sidecar <file>.meta.json beside the file gives its date and url.
        const doc = normalize(raw, { user: opts.published ? { published: opts.published } : undefined, sidecar: readSidecar(file) })
        if (!doc.ok) throw doc.error
        const d = doc.value
        const ex = extract(d, { lexicon: lexiconOf(program) })
        const view = matchingView(d.text).text
        const tc = triggerContext(view)
        console.log(`# ${d.title}  (${d.id}; published ${d.published.at ?? 'unknown'} from ${d.published.source})\n`)
        d.sentences.forEach((s, si) => {
          if (opts.sentence !== undefined && opts.sentence !== si) return
          const within = <T extends { start: number }>(xs: T[]): T[] => xs.filter((x) => x.start >= s.start && x.start < s.end)
          const lines: string[] = []
          for (const m of within(ex.mentions)) lines.push(`  mention  ${m.surface} -> ${m.name}${m.unresolved ? ' (unresolved)' : ''}${m.inferred ? ' (inferred)' : ''}${m.guess ? ` (guess ${m.guess})` : ''}${m.cameo ? ` ${m.cameo}` : ''} [${m.how}; ${m.ruleId}]`)
          for (const t of within(ex.times)) lines.push(`  time     ${t.surface} -> ${t.value ?? (t.range ? `${t.range.start}..${t.range.end}` : 'unresolved')} [${t.ruleId}]`)
          for (const n of within(ex.numbers)) lines.push(`  number   ${n.surface} -> ${n.value} ${n.unit}${n.normalized ? ` (= ${n.normalized.value} ${n.normalized.unit})` : ''} [${n.ruleId}]`)
          for (const q of within(ex.quotes)) lines.push(`  quote    “${q.text.slice(0, 30)}${q.text.length > 30 ? '…' : ''}” by ${q.speaker?.name ?? 'nobody found'} [${q.ruleId}]`)
          for (const c of triggerCandidates(view, s, clausesOf(view, s), ex.mentions, tc)) {
            lines.push(`  trigger  ${c.trigger.trigger} (${c.trigger.type} ${c.trigger.cameo}) ${c.rejected ? `not coded: ${c.rejected}` : 'coded'}`)
          }
          for (const e of ex.events.filter((e) => e.evidence.some((x) => x.sentence === si))) {
            lines.push(`  EVENT    ${e.type} ${e.cameo.code} ${e.date ?? 'undated'} (date from ${e.dateSource}) ${e.actors.map((a) => a.name).join(' + ') || 'no actors'}${e.location ? ` @ ${e.location.name}` : ''} [${e.modality}]`)
          }
          if (!lines.length) return
          console.log(`[${si}] ${d.text.slice(s.start, s.end)}`)
          console.log(lines.join('\n') + '\n')
        })
      }
    })
}
