#!/usr/bin/env node
// Rebuilds the manifest of the development set's text cache and checks it against the committed gold files.
//
//   node scripts/dev-manifest.mjs [--assign-split]
//
// The cache (.cache/dev/texts, or $PARLEY_DEV_CACHE) holds third-party article excerpts and is git-ignored;
// eval/dev/gold/*.jsonl holds our annotations, each line naming its text, url and the query that found it.
// The manifest (.cache/dev/MANIFEST.tsv: file, sha256, characters, published, url) lets a later session tell
// whether its cache holds the same texts the figures in docs/evaluation.md were measured on; the sha256 of
// every text is also kept in eval/dev/texts.sha256 (committed), which this script compares against.
// --assign-split gives every gold line without one its part, once: `check` for a third of the texts chosen by
// a hash of the text's id (not by anything in the text), `dev` for the rest.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const cache = resolve(process.env.PARLEY_DEV_CACHE ?? join(root, '.cache/dev/texts'))
const goldDir = join(root, 'eval/dev/gold')
const sums = join(root, 'eval/dev/texts.sha256')
const sha = (b) => createHash('sha256').update(b).digest('hex')

let problems = 0
const rows = []
for (const f of readdirSync(goldDir).filter((x) => x.endsWith('.jsonl')).sort()) {
  const path = join(goldDir, f)
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l))
  if (process.argv.includes('--assign-split')) {
    for (const g of lines) g.split ??= parseInt(sha(g.id ?? g.file).slice(0, 8), 16) % 3 === 0 ? 'check' : 'dev'
    writeFileSync(path, lines.map((g) => JSON.stringify(g)).join('\n') + '\n')
  }
  for (const g of lines) {
    const text = join(cache, g.file)
    if (!existsSync(text)) {
      console.error(`dev-manifest: ${f}: ${g.file}: not in the cache`)
      problems++
      continue
    }
    const bytes = readFileSync(text)
    rows.push([g.file, sha(bytes), String(bytes.toString('utf8').length), g.published ?? '', g.url ?? ''])
  }
}
rows.sort((a, b) => (a[0] < b[0] ? -1 : 1))
if (existsSync(cache)) writeFileSync(join(cache, '..', 'MANIFEST.tsv'), ['file\tsha256\tchars\tpublished\turl', ...rows.map((r) => r.join('\t'))].join('\n') + '\n')
if (existsSync(sums)) {
  const want = new Map(readFileSync(sums, 'utf8').split('\n').filter(Boolean).map((l) => l.split(/\s+/).reverse()))
  for (const [file, hash] of rows) if (want.has(file) && want.get(file) !== hash) { console.error(`dev-manifest: ${file}: differs from the text the figures were measured on`); problems++ }
}
if (process.argv.includes('--write-sums')) writeFileSync(sums, rows.map((r) => `${r[1]}  ${r[0]}`).join('\n') + '\n')
console.log(`dev-manifest: ${rows.length} texts, ${problems} problems`)
process.exit(problems ? 1 : 0)
