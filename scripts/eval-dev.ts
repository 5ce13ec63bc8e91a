// `npm run eval:dev`: scores parley on the development set of real coverage (eval/dev/README.md).
//
//   npm run -s eval:dev [-- --part dev|check|all] [--verbose] [--without RULE,...] [--ablate] [--by negotiation]
//
// The article texts are third-party and live in a git-ignored cache (.cache/dev/texts, or $PARLEY_DEV_CACHE);
// the committed gold files (eval/dev/gold/*.jsonl) name them. The scorer is the shared one
// (../shared/eval/score.mjs). Either missing: one line saying so, exit 0.
// Extraction runs in this process, so an ablation (--ablate: every switchable rule turned off in turn) costs
// one extraction of the set per rule, not a process start per file.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { extractFile } from '../src/cli/extract.js'
import { EVENT_RULES } from '../src/extract/events/rules.js'

const args = process.argv.slice(2)
const opt = (k: string): string | undefined => {
  const i = args.indexOf(k)
  return i >= 0 ? args[i + 1] : undefined
}
const root = resolve(import.meta.dirname, '..')
const cache = resolve(process.env.PARLEY_DEV_CACHE ?? join(root, '.cache/dev/texts'))
const scorer = resolve(root, '../shared/eval/score.mjs')
if (!existsSync(cache) || !readdirSync(cache).some((f) => f.endsWith('.txt'))) {
  console.log(`eval:dev: skipped: no article texts at ${cache} (third-party texts are not committed; eval/dev/README.md says how to rebuild the cache)`)
  process.exit(0)
}
if (!existsSync(scorer)) {
  console.log(`eval:dev: skipped: no scorer at ${scorer} (../shared is not beside this checkout)`)
  process.exit(0)
}

interface GoldLine {
  file: string
  split?: 'dev' | 'check'
  negotiation?: string
  [k: string]: unknown
}
const goldDir = join(root, 'eval/dev/gold')
const gold: GoldLine[] = readdirSync(goldDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readFileSync(join(goldDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as GoldLine))
  .filter((g) => existsSync(join(cache, g.file)))

const part = opt('--part') ?? 'all'
const verbose = args.includes('--verbose')
const by = opt('--by')
const tmp = mkdtempSync(join(tmpdir(), 'parley-eval-'))
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }))

function predict(lines: readonly GoldLine[], disabled: ReadonlySet<string>): unknown {
  const documents = lines.flatMap((g) => {
    const r = extractFile(join(cache, g.file), undefined, { disabled })
    for (const e of r.errors) console.error(`eval:dev: ${g.file}: ${e}`)
    return r.docs
  })
  return { documents }
}

function score(lines: readonly GoldLine[], disabled: ReadonlySet<string>, name: string, extra: string[] = []): string {
  const g = join(tmp, `${name}.gold.jsonl`)
  const p = join(tmp, `${name}.pred.json`)
  writeFileSync(g, lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
  writeFileSync(p, JSON.stringify(predict(lines, disabled)))
  const r = spawnSync(process.execPath, [scorer, '--gold', g, '--pred', p, ...extra], { encoding: 'utf8' })
  return r.stdout
}

const summaryOf = (out: string): Record<string, number> =>
  Object.fromEntries([...(out.trim().split('\n').pop() ?? '').matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]))
const eventsOf = (out: string): { p: number; r: number; f: number } => {
  const m = /events\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)/.exec(out)
  return m ? { p: Number(m[1]), r: Number(m[2]), f: Number(m[3]) } : { p: NaN, r: NaN, f: NaN }
}

const splits = part === 'all' ? (['dev', 'check'] as const) : ([part] as const)
const without = new Set((opt('--without') ?? '').split(',').filter(Boolean))
for (const w of without) if (!EVENT_RULES.some((r) => r.id === w)) throw new Error(`eval:dev: --without: no rule ${w} (see src/extract/events/rules.ts)`)

if (args.includes('--ablate')) {
  // Ablation on the development part only: the check part stays untouched until the figures are reported.
  const dev = gold.filter((g) => g.split === 'dev')
  const baseOut = score(dev, without, 'base')
  const base = summaryOf(baseOut)
  const be = eventsOf(baseOut)
  console.log(`| rule | family | P | R | F1 | ΔF1 | speakerAcc | ΔspeakerAcc |`)
  console.log(`|---|---|---|---|---|---|---|---|`)
  console.log(`| (all on) | | ${be.p.toFixed(3)} | ${be.r.toFixed(3)} | ${be.f.toFixed(3)} | | ${base.speakerAcc?.toFixed(3)} | |`)
  for (const rule of EVENT_RULES) {
    if (without.has(rule.id)) continue
    const out = score(dev, new Set([...without, rule.id]), rule.id)
    const e = eventsOf(out)
    const s = summaryOf(out)
    const d = (x: number, y: number): string => `${x - y >= 0 ? '+' : ''}${(x - y).toFixed(3)}`
    console.log(`| ${rule.id} | ${rule.family} | ${e.p.toFixed(3)} | ${e.r.toFixed(3)} | ${e.f.toFixed(3)} | ${d(e.f, be.f)} | ${s.speakerAcc?.toFixed(3)} | ${d(s.speakerAcc ?? 0, base.speakerAcc ?? 0)} |`)
  }
  process.exit(0)
}

for (const split of splits) {
  const lines = gold.filter((g) => g.split === split)
  if (!lines.length) {
    console.log(`${split}: no annotated texts in the cache`)
    continue
  }
  console.log(`## ${split} (${lines.length} texts)`)
  console.log(score(lines, without, split, verbose ? ['--verbose'] : []).trim())
  if (by) {
    const groups = new Map<string, GoldLine[]>()
    for (const l of lines) {
      const key = String(l[by] ?? '?')
      const k = by === 'negotiation' ? (key === 'russia-ukraine' ? 'russia-ukraine' : 'other') : key
      groups.set(k, [...(groups.get(k) ?? []), l])
    }
    for (const [k, ls] of [...groups].sort()) console.log(`  ${by}=${k} (${ls.length}): ${(score(ls, without, `${split}-${k}`).trim().split('\n').pop() ?? '').replace(/^summary /, '')}`)
  }
}
