// Alias accuracy on the five seed articles, by the scorer's rule (../shared/eval/score.mjs): a gold surface counts
// as found when some mention whose surface equals it or ends with it (punctuation and name dots ignored) names the
// same person (surnames within two edits, first initials agreeing). The floor is the figure measured when the
// mention finder landed: 84 of 85. Every mention also fits the Mention schema and its span holds its surface.
import { levenshtein } from '../src/extract/mentions/phonetics.js'
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Mention } from '../src/core/extraction.js'
import { findMentions } from '../src/extract/mentions/index.js'
import { readOne } from './helpers/pipeline.js'
import { sharedPath, skipWithout } from './helpers/shared.js'

// 82 of 85 since issue 8: three people the actor base lacks (巴图克, 梅列日科, 福格勒) are shown as printed, flagged
// unresolved, instead of a guessed romanisation the scorer happened to accept. They count again once the base has them.
const FLOOR = 82 / 85

// The publication days run-seeds.sh gives as sidecar files for the two articles that do not state one.
const DAYS: Record<string, string> = { '002_3f811ed415383699.txt': '2025-03-12', '004_295761615c42dc3b.txt': '2025-02-13' }

const norm = (s: string) => s.replace(/[\s，,。．.、：:；;！!？?“”"「」『』（）()\-—·•]/g, '')
const ascii = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()

function samePerson(a: string, b: string): boolean {
  const words = (s: string) => ascii(s).split(' ').filter((t) => t.length > 1 || /^[a-z]$/.test(t))
  const x = words(a)
  const y = words(b)
  if (!x.length || !y.length) return false
  if (x.join(' ') === y.join(' ')) return true
  const sx = x[x.length - 1]!
  const sy = y[y.length - 1]!
  if (levenshtein(sx, sy) > (Math.min(sx.length, sy.length) > 5 ? 2 : 1)) return false
  return x.length === 1 || y.length === 1 || x[0]![0] === y[0]![0]
}

interface GoldLine {
  file: string
  aliases: { surface: string; canonical: string }[]
}

test(`seeds: alias accuracy is at least ${FLOOR.toFixed(3)}`, { skip: skipWithout('seeds') || skipWithout('gold', 'seeds.jsonl') }, () => {
  const gold = readFileSync(sharedPath('gold', 'seeds.jsonl')!, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as GoldLine)
  let right = 0
  let total = 0
  const misses: string[] = []
  for (const g of gold) {
    const day = DAYS[g.file]
    const doc = readOne(join(sharedPath('seeds')!, g.file), day ? { sidecar: { published: day } } : {})
    const mentions = findMentions(doc)
    for (const m of mentions) {
      Mention.parse(m)
      assert.equal(doc.text.slice(m.start, m.end), m.surface, `${g.file}: span of ${m.surface}`)
      assert.ok(m.sentence < doc.sentences.length)
    }
    for (const a of g.aliases) {
      total++
      const hits = mentions.filter((m) => norm(m.surface) === norm(a.surface) || norm(m.surface).endsWith(norm(a.surface)))
      if (hits.some((m) => samePerson(a.canonical, m.name))) right++
      else misses.push(`${g.file} ${a.surface} -> ${a.canonical} (${hits[0]?.name ?? 'not found'})`)
    }
  }
  const accuracy = right / total
  assert.ok(accuracy >= FLOOR - 1e-9, `alias accuracy ${accuracy.toFixed(3)} (${right}/${total}) is below ${FLOOR.toFixed(3)}; misses:\n${misses.join('\n')}`)
})
