// Ablation of the mention and quote rules of src/extract/switches.ts on the development part of the dev set:
// each rule switched off in turn, with speaker and alias accuracy (eval/dev/README.md). Never reads the check part.
//
//   npx tsx scripts/ablate-actors.ts
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { extractFile } from '../src/cli/extract.js'
import { ACTOR_RULES, off } from '../src/extract/switches.js'

const root = resolve(import.meta.dirname, '..')
const cache = resolve(process.env.PARLEY_DEV_CACHE ?? join(root, '.cache/dev/texts'))
const scorer = resolve(root, '../shared/eval/score.mjs')
if (!existsSync(cache) || !existsSync(scorer)) {
  console.log(`ablate-actors: skipped: no article texts at ${cache} or no scorer at ${scorer}`)
  process.exit(0)
}
const goldDir = join(root, 'eval/dev/gold')
const dev = readdirSync(goldDir)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) => readFileSync(join(goldDir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as { file: string; split?: string }))
  .filter((g) => g.split === 'dev' && existsSync(join(cache, g.file)))
const tmp = mkdtempSync(join(tmpdir(), 'parley-ablate-'))
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }))
writeFileSync(join(tmp, 'gold.jsonl'), dev.map((l) => JSON.stringify(l)).join('\n') + '\n')

function run(): Record<string, number> {
  const documents = dev.flatMap((g) => extractFile(join(cache, g.file)).docs)
  writeFileSync(join(tmp, 'pred.json'), JSON.stringify({ documents }))
  const out = spawnSync(process.execPath, [scorer, '--gold', join(tmp, 'gold.jsonl'), '--pred', join(tmp, 'pred.json')], { encoding: 'utf8' }).stdout
  return Object.fromEntries([...(out.trim().split('\n').pop() ?? '').matchAll(/(\w+)=([\d.]+)/g)].map((m) => [m[1]!, Number(m[2])]))
}

const d = (x: number, y: number): string => `${x - y >= 0 ? '+' : ''}${(x - y).toFixed(3)}`
const base = run()
console.log('| rule off | speakerAcc | Δ | aliasAcc | Δ | eventF1 | Δ |')
console.log('|---|---|---|---|---|---|---|')
console.log(`| (all on) | ${base.speakerAcc!.toFixed(3)} | | ${base.aliasAcc!.toFixed(3)} | | ${base.eventF1!.toFixed(3)} | |`)
for (const rule of ACTOR_RULES) {
  off.clear()
  off.add(rule)
  const s = run()
  console.log(`| ${rule} | ${s.speakerAcc!.toFixed(3)} | ${d(s.speakerAcc!, base.speakerAcc!)} | ${s.aliasAcc!.toFixed(3)} | ${d(s.aliasAcc!, base.aliasAcc!)} | ${s.eventF1!.toFixed(3)} | ${d(s.eventF1!, base.eventF1!)} |`)
}
off.clear()
