// `npm run -s eval:merge`: how well parley merges reports of one event across documents, on the development
// set (eval/dev/README.md). Pairwise precision, recall and F1 over pairs of reports from different documents.
//
//   npm run -s eval:merge [-- --verbose]
//
// Gold clustering (the gold files code events per document, not across documents), written down here once:
//   two gold events of different documents are one real-world event when they have the same type, the same
//   exact date (day precision), and the same set of actors. Optional gold events and events dated only to a
//   month or not at all are left out: nothing in the gold says which of them are the same.
//   The annotators did not always list the same parties for one event (Aliyev+Pashinyan+Trump in one text,
//   Aliyev+Pashinyan or Armenia+Azerbaijan+USA in another), so a second, looser clustering is scored too:
//   same type and date, each person replaced by their country, and one event's countries within the other's
//   (joined transitively).
// Alignment: each gold event is matched to one report of parley's record from the same document with the same
// type, the same date, and at least two of the gold actors (one when the gold names one) among the report's
// actors. Only matched gold events are scored, so the figures measure the merging and not the extraction; how
// many gold events and gold pairs could be scored is printed beside them.
// The texts are third-party and live in a git-ignored cache (.cache/dev/texts, or $PARLEY_DEV_CACHE), each with
// a sidecar giving its publication date; they are ingested into a temporary database by the real pipeline.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { openSqliteStore } from '../src/store/sqlite/store.js'
import { ingest } from '../src/pipeline/ingest.js'
import { ensureRecord } from '../src/pipeline/record.js'
import { latinKey, loadActorLexicon, nameMatchForm } from '../src/extract/mentions/lexicon.js'
import type { MergedEvent, RecordActor, Report } from '../src/core/record.js'

const root = resolve(import.meta.dirname, '..')
const cache = resolve(process.env.PARLEY_DEV_CACHE ?? join(root, '.cache/dev/texts'))
const verbose = process.argv.includes('--verbose')
if (!existsSync(cache) || !readdirSync(cache).some((f) => f.endsWith('.txt'))) {
  console.log(`eval:merge: skipped: no article texts at ${cache} (third-party texts are not committed; eval/dev/README.md says how to rebuild the cache)`)
  process.exit(0)
}

interface GoldEvent {
  date: string | null
  type: string
  actors: string[]
  optional?: boolean
  evidence?: string
}
interface GoldLine {
  file: string
  events: GoldEvent[]
}

const goldDir = join(root, 'eval/dev/gold')
const gold: GoldLine[] = readdirSync(goldDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readFileSync(join(goldDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldLine))
  .filter((g) => existsSync(join(cache, g.file)))

// A gold actor's name (Donald Trump, USA, Hamas) -> the lexicon's actor id, so that it compares with the
// record's actors whatever the spelling; a name the lexicon lacks is compared by its Latin key.
const lexicon = loadActorLexicon()
function goldId(name: string): string {
  const latin = lexicon.byLatin.get(latinKey(name))
  if (latin?.length === 1) return latin[0]!.id
  const alias = lexicon.byMatch.get(nameMatchForm(name))
  const ids = [...new Set((alias ?? []).map((a) => a.actor))]
  return ids.length === 1 ? ids[0]! : `name:${latinKey(name)}`
}
const reportIds = (r: Report): Set<string> =>
  new Set([r.source, r.target, ...r.participants].filter((a): a is RecordActor => !!a).flatMap((a) => [a.actorId ?? `name:${latinKey(a.name)}`, `name:${latinKey(a.name)}`]))

// Ingest the texts with their sidecars into a temporary database and read the merged record.
const tmp = mkdtempSync(join(tmpdir(), 'parley-eval-merge-'))
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }))
const store = openSqliteStore(join(tmp, 'dev.db'))
const started = Date.now()
const run = await ingest(store, gold.map((g) => join(cache, g.file)))
if (run.failed) for (const f of run.files.filter((x) => x.status === 'failed')) console.error(`eval:merge: ${f.reason}`)
ensureRecord(store)
const events: MergedEvent[] = store.listMergedEvents()
const fileOf = new Map(store.listDocuments({ limit: 100_000 }).map((d) => [d.id, basename(d.origin)]))
store.close()

const countryOf = (id: string): string => lexicon.actors.get(id)?.country ?? id

/** One scored unit: a gold event, its gold cluster keys, and the merged event holding its matched report. */
interface Unit {
  file: string
  key: string
  /** type and date, and the countries of the parties (for the looser clustering). */
  day: string
  countries: Set<string>
  merged: string | null
  label: string
}
const reportsOf = new Map<string, { report: Report; merged: string }[]>()
for (const e of events) for (const r of e.reports) {
  const file = fileOf.get(r.docId)!
  reportsOf.set(file, [...(reportsOf.get(file) ?? []), { report: r, merged: e.id }])
}

const units: Unit[] = []
for (const g of gold) {
  const used = new Set<number>()
  const candidates = reportsOf.get(g.file) ?? []
  for (const e of g.events) {
    if (e.optional || !e.date || !/^\d{4}-\d{2}-\d{2}$/.test(e.date)) continue
    const ids = [...new Set(e.actors.map(goldId))].sort()
    const need = Math.min(2, ids.length)
    const at = candidates.findIndex((c, i) => !used.has(i) && c.report.type === e.type && c.report.date === e.date && ids.filter((id) => reportIds(c.report).has(id)).length >= need)
    if (at >= 0) used.add(at)
    units.push({ file: g.file, key: `${e.type} ${e.date} ${ids.join('+')}`, day: `${e.type} ${e.date}`, countries: new Set(ids.map(countryOf)), merged: at >= 0 ? candidates[at]!.merged : null, label: `${g.file} ${e.type} ${e.date} ${e.actors.join('+')}` })
  }
}

// The looser clustering: union-find over units of one type and day whose country sets nest.
const parent = units.map((_, i) => i)
const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)))
const within = (a: Set<string>, b: Set<string>): boolean => [...a].every((x) => b.has(x))
for (let i = 0; i < units.length; i++) for (let j = i + 1; j < units.length; j++) {
  const [a, b] = [units[i]!, units[j]!]
  if (a.day === b.day && (within(a.countries, b.countries) || within(b.countries, a.countries))) parent[find(i)] = find(j)
}

function score(name: string, same: (i: number, j: number) => boolean): { wrong: string[]; missed: string[] } {
  let tp = 0, fp = 0, fn = 0, goldPairs = 0, scoredGoldPairs = 0
  const wrong: string[] = []
  const missed: string[] = []
  for (let i = 0; i < units.length; i++) {
    for (let j = i + 1; j < units.length; j++) {
      const [a, b] = [units[i]!, units[j]!]
      if (a.file === b.file) continue
      const gold = same(i, j)
      if (gold) goldPairs++
      if (!a.merged || !b.merged) continue
      if (gold) scoredGoldPairs++
      const together = a.merged === b.merged
      if (gold && together) tp++
      else if (together) {
        fp++
        wrong.push(`${a.label}  ~  ${b.label}`)
      } else if (gold) {
        fn++
        missed.push(`${a.label}  ~  ${b.label}`)
      }
    }
  }
  const p = tp / Math.max(1, tp + fp)
  const r = tp / Math.max(1, tp + fn)
  const f1 = p + r ? (2 * p * r) / (p + r) : 0
  console.log(`${name.padEnd(9)} gold pairs ${goldPairs}, both ends matched ${scoredGoldPairs}:  P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${f1.toFixed(3)}  (${tp} merged right, ${fp} merged wrongly, ${fn} left apart)`)
  return { wrong, missed }
}

const matched = units.filter((u) => u.merged).length
console.log(`eval:merge: ${gold.length} texts ingested in ${Math.round((Date.now() - started) / 1000)} s (${run.newDocs} documents, ${run.failed} failed); ${events.length} merged events in the record`)
console.log(`gold: ${units.length} day-dated events, ${new Set(units.map((u) => u.key)).size} real-world events by the exact rule; ${matched} matched to a report of the record`)
const exact = score('exact', (i, j) => units[i]!.key === units[j]!.key)
const loose = score('countries', (i, j) => find(i) === find(j))
if (verbose) {
  for (const [name, r] of [['exact', exact], ['countries', loose]] as const) {
    for (const w of r.wrong) console.log(`${name} wrong  ${w}`)
    for (const m of r.missed) console.log(`${name} apart  ${m}`)
  }
}
